using Vigil.Detection.Attack;

namespace Vigil.Pipeline.Correlate;

/// <summary>
/// What an alert's <c>attack.*</c> tags say: its techniques and tactics. A rule that names its tactics is believed; a
/// technique without a tactic tag brings the tactics ATT&amp;CK lists for it.
/// </summary>
public sealed record AlertAttack(IReadOnlyList<AttackTechnique> Techniques, IReadOnlyList<AttackTactic> Tactics, IReadOnlyList<string> Unknown)
{
    public static AlertAttack From(IReadOnlyList<string> tags, AttackCatalog catalog)
    {
        var techniques = new List<AttackTechnique>();
        var tactics = new List<AttackTactic>();
        var unknown = new List<string>();
        foreach (var tag in catalog.ResolveTags(tags))
        {
            if (tag.Technique is { } technique)
            {
                if (!techniques.Contains(technique))
                {
                    techniques.Add(technique);
                }
            }
            else if (tag.Tactic is { } tactic)
            {
                if (!tactics.Contains(tactic))
                {
                    tactics.Add(tactic);
                }
            }
            else if (tag.Kind == AttackTagKind.Technique && !unknown.Contains(tag.Id))
            {
                unknown.Add(tag.Id);
            }
        }

        if (tactics.Count == 0)
        {
            tactics.AddRange(techniques.SelectMany(t => t.Tactics).Distinct());
        }

        tactics.Sort(static (a, b) => a.KillChainOrder.CompareTo(b.KillChainOrder));
        return new AlertAttack(catalog.OrderByKillChain(techniques, t => t.Id), tactics, unknown);
    }

    /// <summary>The tactics of <paramref name="technique"/> this alert claims (all of them when it claims none of them).</summary>
    public IEnumerable<AttackTactic> TacticsOf(AttackTechnique technique)
    {
        var claimed = technique.Tactics.Where(Tactics.Contains).ToList();
        return claimed.Count > 0 ? claimed : technique.Tactics;
    }
}

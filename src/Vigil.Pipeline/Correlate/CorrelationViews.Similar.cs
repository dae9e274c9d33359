using Vigil.Domain.Alerts;
using Vigil.Domain.Entities;

namespace Vigil.Pipeline.Correlate;

public sealed partial class CorrelationViews
{
    /// <summary>Closed cases considered per request: those most recently closed among the ones sharing an entity.</summary>
    public const int SimilarCandidates = 100;

    // Shared rules say most (the same detection firing again is what a recurring false positive looks like), then
    // shared entities (the same machine or account), then shared techniques (a weaker, category-level likeness).
    private const double RuleWeight = 0.45;
    private const double EntityWeight = 0.35;
    private const double TechniqueWeight = 0.20;

    /// <summary>
    /// Closed cases sharing entities with this one, scored by shared rules, entities and techniques, best first; null
    /// when there is no such case. Candidates are found through the entity index, rule entities included, so the
    /// same Sigma rule on another host is a candidate too.
    /// </summary>
    public async Task<IReadOnlyList<SimilarCase>?> SimilarAsync(string caseId, int limit, CancellationToken cancellationToken)
    {
        if (await store.GetCaseAsync(caseId, cancellationToken) is null)
        {
            return null;
        }

        var mine = Profile(await store.GetCaseAlertsAsync(caseId, cancellationToken));
        var keys = mine.Entities.Select(e => e.Key).Concat(mine.RuleEntities).ToArray();
        var similar = new List<SimilarCase>();
        foreach (var candidate in await store.FindClosedCasesSharingAsync(keys, caseId, SimilarCandidates, cancellationToken))
        {
            if (await store.GetCaseAsync(candidate.CaseId, cancellationToken) is not { } other)
            {
                continue;
            }

            var theirs = Profile(await store.GetCaseAlertsAsync(other.Id, cancellationToken));
            var rules = mine.Rules.Intersect(theirs.Rules, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var techniques = _catalog.OrderByKillChain(mine.Techniques.Intersect(theirs.Techniques, StringComparer.Ordinal));
            var entities = mine.Entities.Intersect(theirs.Entities).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
            var score = (RuleWeight * Jaccard(rules.Count, mine.Rules.Count, theirs.Rules.Count))
                + (EntityWeight * Jaccard(entities.Count, mine.Entities.Count, theirs.Entities.Count))
                + (TechniqueWeight * Jaccard(techniques.Count, mine.Techniques.Count, theirs.Techniques.Count));
            if (score <= 0)
            {
                continue;
            }

            similar.Add(new SimilarCase
            {
                CaseId = other.Id,
                Title = other.Title,
                Classification = ClassificationOf(other),
                ClosureNote = other.ClosureNote,
                ClosedAt = other.ClosedAt,
                Score = Math.Round(score, 3),
                SharedRules = rules,
                SharedTechniques = techniques,
                SharedEntities = entities,
                Reason = SimilarityReason(rules, techniques, entities),
            });
        }

        return [.. similar.OrderByDescending(s => s.Score).ThenByDescending(s => s.ClosedAt).Take(Math.Max(0, limit))];
    }

    private static double Jaccard(int shared, int mine, int theirs) => shared == 0 ? 0 : (double)shared / (mine + theirs - shared);

    private static string SimilarityReason(List<string> rules, IReadOnlyList<string> techniques, List<Entity> entities)
    {
        var parts = new List<string>(3);
        if (rules.Count > 0)
        {
            parts.Add($"same rule{(rules.Count > 1 ? "s" : "")} {string.Join(", ", rules.Take(3))}{(rules.Count > 3 ? $" and {rules.Count - 3} more" : "")}");
        }

        if (techniques.Count > 0)
        {
            parts.Add($"same technique{(techniques.Count > 1 ? "s" : "")} {string.Join(", ", techniques)}");
        }

        if (entities.Count > 0)
        {
            parts.Add($"shared {string.Join(", ", entities.Take(3).Select(e => $"{e.Type.ToWire()} {e.Value}"))}{(entities.Count > 3 ? $" and {entities.Count - 3} more" : "")}");
        }

        return string.Join("; ", parts);
    }

    /// <summary>
    /// What a case is made of for likeness: its rules (a rule entity's value, else the alert's source and title), its
    /// technique ids, and its other entities less the policy's ignored ones (SYSTEM is not a likeness).
    /// </summary>
    private CaseProfile Profile(IReadOnlyList<Alert> alerts)
    {
        var rules = new HashSet<string>(StringComparer.Ordinal);
        var ruleEntities = new HashSet<string>(StringComparer.Ordinal);
        var techniques = new HashSet<string>(StringComparer.Ordinal);
        var entities = new HashSet<Entity>();
        foreach (var alert in alerts)
        {
            var hasRule = false;
            foreach (var entity in alert.Entities)
            {
                if (entity.Type == EntityType.Rule)
                {
                    hasRule = true;
                    rules.Add(entity.Value);
                    ruleEntities.Add(entity.Key);
                }
                else if (!policy.Ignored.Contains(entity.Key))
                {
                    entities.Add(entity);
                }
            }

            if (!hasRule)
            {
                rules.Add($"{alert.Source}: {alert.Title}");
            }

            foreach (var technique in AlertAttack.From(alert.Tags, _catalog).Techniques)
            {
                techniques.Add(technique.Id);
            }
        }

        return new CaseProfile(rules, ruleEntities, techniques, entities);
    }

    private sealed record CaseProfile(HashSet<string> Rules, HashSet<string> RuleEntities, HashSet<string> Techniques, HashSet<Entity> Entities);
}

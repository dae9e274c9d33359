namespace Vigil.Pipeline.Recommend;

/// <summary>
/// Checks every cited id against the evidence the case holds. A claim is supported only when it cites at least one
/// id and every id it cites exists; an LLM claim that rests only on content flagged as an injection attempt is not
/// supported either, because that content is what the attacker wrote, not evidence of what happened.
/// </summary>
public static class CitationVerifier
{
    public static (IReadOnlyList<Claim> Claims, CitationReport Report) Verify(
        IReadOnlyList<Claim> claims, IReadOnlyList<ProposedAction> actions, CaseDossier dossier, IReadOnlyList<InjectionFlag> injections)
    {
        var known = dossier.EvidenceIds();
        var flagged = injections.Select(f => f.EvidenceId).ToHashSet(StringComparer.Ordinal);
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        var checkedClaims = new Claim[claims.Count];
        var supported = 0;
        for (var i = 0; i < claims.Count; i++)
        {
            var claim = claims[i];
            var missing = claim.EvidenceIds.Where(id => !known.Contains(id)).ToArray();
            unknown.UnionWith(missing);
            string? problem = null;
            if (claim.EvidenceIds.Count == 0)
            {
                problem = "cites no evidence";
            }
            else if (missing.Length > 0)
            {
                problem = $"cites evidence that is not on the case: {string.Join(", ", missing)}";
            }
            else if (claim.Origin != "builtin" && claim.EvidenceIds.All(flagged.Contains))
            {
                problem = "rests only on alert content flagged as an instruction-injection attempt";
            }

            checkedClaims[i] = claim with { Supported = problem is null, Problem = problem };
            supported += problem is null ? 1 : 0;
        }

        foreach (var action in actions)
        {
            unknown.UnionWith(action.EvidenceIds.Concat(action.Impact.EvidenceIds).Where(id => !known.Contains(id)));
        }

        return (checkedClaims, new CitationReport { Claims = claims.Count, SupportedClaims = supported, UnknownIds = unknown.ToArray() });
    }
}

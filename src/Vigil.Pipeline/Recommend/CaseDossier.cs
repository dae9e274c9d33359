using Vigil.Domain.Alerts;
using Vigil.Domain.Cases;
using Vigil.Domain.Entities;

namespace Vigil.Pipeline.Recommend;

/// <summary>
/// Everything the recommender may look at for one case, and nothing else: what it cites must be in here, so the
/// citation verifier checks against the same dossier the analyst read.
/// </summary>
public sealed record CaseDossier
{
    public required Case Case { get; init; }

    public required IReadOnlyList<Alert> Alerts { get; init; }

    public IReadOnlyList<Entity> Entities { get; init; } = [];

    public IReadOnlyList<EnrichmentEvidence> Enrichments { get; init; } = [];

    public IReadOnlyList<PriorCase> PriorCases { get; init; } = [];

    public IReadOnlyList<DetectorRecord> Detectors { get; init; } = [];

    /// <summary>Every id a claim may cite: the case's alerts, its enrichment results and the related prior cases.</summary>
    public IReadOnlySet<string> EvidenceIds()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var alert in Alerts)
        {
            ids.Add(alert.Id);
        }

        foreach (var enrichment in Enrichments)
        {
            ids.Add(enrichment.Id);
        }

        foreach (var prior in PriorCases)
        {
            ids.Add(prior.CaseId);
        }

        return ids;
    }

    public IEnumerable<EnrichmentEvidence> EnrichmentsOf(EntityType type)
    {
        var prefix = string.Concat(type.ToWire(), ":");
        return Enrichments.Where(e => e.EntityKey.StartsWith(prefix, StringComparison.Ordinal));
    }
}

using Vigil.Domain.Cases;
using Vigil.Pipeline.Enrich.Sources;
using Vigil.Pipeline.Ports;

namespace Vigil.Web.Queue;

/// <summary>
/// Collects <see cref="CaseSignals"/> for a page of cases from what the other stages stored: enrichment results
/// (freshness, failures and gaps as missing context). One place, so the queue and the case page agree.
/// </summary>
internal sealed class CaseSignalReader(IVigilStore store, TimeProvider time)
{
    public async Task<IReadOnlyDictionary<string, CaseSignals>> ReadAsync(IReadOnlyList<Case> cases, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var result = new Dictionary<string, CaseSignals>(cases.Count, StringComparer.Ordinal);
        foreach (var @case in cases)
        {
            var enrichments = await store.GetCaseEnrichmentsAsync(@case.Id, cancellationToken);
            result[@case.Id] = FromEnrichments(enrichments, now);
        }

        return result;
    }

    public static CaseSignals FromEnrichments(IReadOnlyList<CaseEnrichment> enrichments, DateTimeOffset now)
    {
        if (enrichments.Count == 0)
        {
            return CaseSignals.None;
        }

        var answered = enrichments.Where(e => e.Result.Status != EnrichmentStatus.Failed).ToArray();
        var missing = new List<string>();
        foreach (var enrichment in enrichments)
        {
            var r = enrichment.Result;
            if (r.Status == EnrichmentStatus.Failed)
            {
                missing.Add($"{r.Source} failed for {r.EntityValue}");
            }

            missing.AddRange(r.Missing);
        }

        return new CaseSignals
        {
            EvidenceAge = answered.Length == 0 ? null : now - answered.Min(e => e.Result.FetchedAt),
            StaleEvidence = answered.Count(e => !e.Result.IsFreshAt(now)),
            MissingContext = missing.Distinct(StringComparer.Ordinal).Take(6).ToArray(),
        };
    }
}

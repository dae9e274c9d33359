using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Recommend;

/// <summary>Reads a case's dossier from the store: its alerts and entities, enrichment results, precedents and detector records.</summary>
public sealed class DossierLoader(IVigilStore store)
{
    /// <summary>How many similar closed cases are read; more add little and cost a scan.</summary>
    public const int MaxPriorCases = 20;

    public async Task<CaseDossier?> LoadAsync(string caseId, CancellationToken cancellationToken)
    {
        var found = await store.GetCaseAsync(caseId, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var alerts = await store.GetCaseAlertsAsync(caseId, cancellationToken);
        var sources = alerts.Select(a => a.Source).Distinct(StringComparer.Ordinal).ToArray();
        return new CaseDossier
        {
            Case = found,
            Alerts = alerts,
            Entities = await store.GetCaseEntitiesAsync(caseId, cancellationToken),
            Enrichments = (await store.GetCaseEnrichmentsAsync(caseId, cancellationToken)).Select(e => new EnrichmentEvidence(e.Id, e.Result)).ToArray(),
            PriorCases = await store.FindPriorCasesAsync(caseId, MaxPriorCases, cancellationToken),
            Detectors = sources.Length == 0 ? [] : await store.GetDetectorRecordsAsync(sources, cancellationToken),
        };
    }
}

namespace Vigil.Pipeline.Enrich.Sources;

/// <summary>An enrichment result as stored on a case: one per case, entity and source, replaced when looked up again.</summary>
public sealed record CaseEnrichment
{
    public required string Id { get; init; }

    public required string CaseId { get; init; }

    public required EnrichmentResult Result { get; init; }
}

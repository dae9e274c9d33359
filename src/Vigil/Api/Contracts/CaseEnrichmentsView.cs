namespace Vigil.Api.Contracts;

/// <summary>A case's enrichment: every result with its freshness, and the missing context in words.</summary>
internal sealed record CaseEnrichmentsView(
    string CaseId,
    DateTimeOffset AsOf,
    IReadOnlyList<EnrichmentView> Results,
    IReadOnlyList<string> Missing,
    int StaleCount,
    DateTimeOffset? OldestFetchedAt);

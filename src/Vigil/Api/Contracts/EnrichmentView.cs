namespace Vigil.Api.Contracts;

/// <summary>One stored enrichment result with its freshness: how old it is and whether it is still within its validity.</summary>
internal sealed record EnrichmentView(
    string Id,
    EntityInput Entity,
    string Source,
    string Status,
    string? Verdict,
    int? Score,
    IReadOnlyDictionary<string, string> Attributes,
    string? Error,
    IReadOnlyList<string> Missing,
    DateTimeOffset FetchedAt,
    long AgeSeconds,
    long? ValidForSeconds,
    DateTimeOffset? ExpiresAt,
    bool Fresh);

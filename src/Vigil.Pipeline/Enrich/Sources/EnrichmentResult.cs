using Vigil.Domain.Entities;

namespace Vigil.Pipeline.Enrich.Sources;

/// <summary>One source's answer about one entity, with when it was fetched so its freshness can be shown.</summary>
public sealed record EnrichmentResult
{
    public required string Source { get; init; }

    public required EntityType EntityType { get; init; }

    /// <summary>The entity's normalised value.</summary>
    public required string EntityValue { get; init; }

    public required EnrichmentStatus Status { get; init; }

    public required DateTimeOffset FetchedAt { get; init; }

    /// <summary>Reputation verdict where the source gives one: <c>malicious</c>, <c>suspicious</c>, <c>benign</c>, <c>unknown</c>.</summary>
    public string? Verdict { get; init; }

    /// <summary>0–100 where the source scores (AbuseIPDB confidence, VirusTotal detections as a share, …).</summary>
    public int? Score { get; init; }

    /// <summary>Flat facts for display and for the recommender's features (owner, criticality, country, asn, …).</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>For <see cref="EnrichmentStatus.Failed"/>: why, in words an analyst can act on.</summary>
    public string? Error { get; init; }

    /// <summary>How long the answer may be reused before it is stale.</summary>
    public TimeSpan? ValidFor { get; init; }

    /// <summary>Gaps the source found in what it knows ("asset dc-01 has no owner"): missing context even when found.</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];

    /// <summary>When the answer goes stale; null when it does not (local context is current until it is re-imported).</summary>
    public DateTimeOffset? ExpiresAt => ValidFor is { } valid ? FetchedAt + valid : null;

    public bool IsFreshAt(DateTimeOffset now) => ExpiresAt is not { } expires || now < expires;
}

namespace Vigil.Pipeline.Ports;

/// <summary>One indicator on the blocklist feed, with who put it there and until when.</summary>
public sealed record BlocklistEntry
{
    public required BlocklistKind Kind { get; init; }

    /// <summary>The normalised value as served (IP or CIDR, lower-case domain, URL without scheme).</summary>
    public required string Value { get; init; }

    public required DateTimeOffset AddedAt { get; init; }

    /// <summary>When the entry leaves the feed by itself; null for no expiry.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    public string? CaseId { get; init; }

    /// <summary>The action request that added it (<c>act_…</c>).</summary>
    public string? RequestId { get; init; }

    public string? Reason { get; init; }
}

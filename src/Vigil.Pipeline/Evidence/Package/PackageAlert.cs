namespace Vigil.Pipeline.Evidence;

/// <summary>An alert as stored. <see cref="RawPayload"/> is the vendor's text verbatim: attacker-controlled, never rendered unescaped.</summary>
public sealed record PackageAlert
{
    public required string Id { get; init; }

    public required string Source { get; init; }

    public required string SourceRef { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public required string Severity { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required DateTimeOffset FirstSeen { get; init; }

    public required DateTimeOffset LastSeen { get; init; }

    public required long OccurrenceCount { get; init; }

    public required string Fingerprint { get; init; }

    public required IReadOnlyList<string> Tags { get; init; }

    public required IReadOnlyList<PackageEntity> Entities { get; init; }

    public required string RawPayload { get; init; }
}

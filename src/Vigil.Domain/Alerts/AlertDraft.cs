using Vigil.Domain.Entities;

namespace Vigil.Domain.Alerts;

/// <summary>A validated submission that has not been stored yet.</summary>
public sealed record AlertDraft
{
    public required string Source { get; init; }

    public string? SourceRef { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public required Severity Severity { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required string RawPayload { get; init; }

    public IReadOnlyList<Entity> Entities { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Overrides the default dedup identity (source + source reference), e.g. for storm roll-up by chosen fields.</summary>
    public string? FingerprintOverride { get; init; }

    public Alert ToAlert(string id, DateTimeOffset receivedAt)
    {
        var sourceRef = string.IsNullOrWhiteSpace(SourceRef) ? AlertFingerprint.PayloadRef(RawPayload) : SourceRef.Trim();
        return new Alert
        {
            Id = id,
            Source = Source,
            SourceRef = sourceRef,
            Title = Title,
            Description = Description,
            Severity = Severity,
            OccurredAt = OccurredAt,
            ReceivedAt = receivedAt,
            Fingerprint = FingerprintOverride ?? AlertFingerprint.Compute(Source, sourceRef),
            RawPayload = RawPayload,
            Entities = Entities.Distinct().ToArray(),
            Tags = Tags,
            FirstSeen = receivedAt,
            LastSeen = receivedAt,
            OccurrenceCount = 1,
        };
    }
}

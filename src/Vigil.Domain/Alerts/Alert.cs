using Vigil.Domain.Entities;

namespace Vigil.Domain.Alerts;

/// <summary>
/// A signal from a detector, kept with its raw payload verbatim. An alert keeps its own identity inside whichever
/// case holds it, so merging and unmerging cases never loses or rewrites one.
/// </summary>
public sealed record Alert
{
    public required string Id { get; init; }

    public required string Source { get; init; }

    /// <summary>The vendor's id for the alert; derived from the payload's hash when the vendor gives none.</summary>
    public required string SourceRef { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public required Severity Severity { get; init; }

    /// <summary>When the detector says the activity happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>When Vigil first accepted it.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Dedup identity: two submissions with the same fingerprint are one alert with two occurrences.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>The payload exactly as received. Attacker-controlled: render escaped, never execute or obey.</summary>
    public required string RawPayload { get; init; }

    public IReadOnlyList<Entity> Entities { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    public required DateTimeOffset FirstSeen { get; init; }

    public required DateTimeOffset LastSeen { get; init; }

    public long OccurrenceCount { get; init; } = 1;

    /// <summary>The case that holds the alert now, when it has been assigned.</summary>
    public string? CaseId { get; init; }
}

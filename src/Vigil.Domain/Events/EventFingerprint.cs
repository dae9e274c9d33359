namespace Vigil.Domain.Events;

/// <summary>
/// The fields a source says identify "the same thing happening again", and their hash. Two events with
/// equal <see cref="Value"/> are occurrences of one alert.
/// </summary>
public sealed record EventFingerprint
{
    public required IReadOnlyList<DedupField> Fields { get; init; }

    /// <summary>Lower-case hex SHA-256 of the source name and the fields' names and values.</summary>
    public required string Value { get; init; }
}

namespace Vigil.Detection.Correlation;

/// <summary>A correlation rule that fired, for one group, with every event that made it fire.</summary>
public sealed record CorrelationMatch
{
    /// <summary>The correlation rule: id, title, level, tags and author for the alert.</summary>
    public required CorrelationRule Rule { get; init; }

    /// <summary>The group-by names as written in the rule (aliases included) and the group's values.</summary>
    public required IReadOnlyList<KeyValuePair<string, string?>> GroupBy { get; init; }

    /// <summary>The number the condition was tested on: count, distinct count, sum, average or percentile.</summary>
    public required double Value { get; init; }

    /// <summary>For value_percentile by share, the field value whose share met the condition; otherwise null.</summary>
    public string? FieldValue { get; init; }

    public required DateTimeOffset FirstSeen { get; init; }

    public required DateTimeOffset LastSeen { get; init; }

    /// <summary>
    /// All contributing events in time order. A match of a chained correlation lists the events of the inner
    /// matches it consumed, so every alert leads back to raw events.
    /// </summary>
    public required IReadOnlyList<CorrelatedEvent> Events { get; init; }

    /// <summary>
    /// False when another correlation consumes this one and none of its consumers set <c>generate: true</c>: the spec
    /// makes only the outermost correlation the alert.
    /// </summary>
    public required bool Standalone { get; init; }
}

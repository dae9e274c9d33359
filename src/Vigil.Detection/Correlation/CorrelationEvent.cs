namespace Vigil.Detection.Correlation;

/// <summary>
/// A Sigma rule hit as the correlation engine sees it: which rule matched, when the event happened, which event it
/// was, and a way to read the event's fields (for group-by, aliases and aggregated fields).
/// </summary>
public sealed record CorrelationEvent
{
    /// <summary>The matching rule's <c>id</c>; correlations may reference it by this.</summary>
    public string? RuleId { get; init; }

    /// <summary>The matching rule's <c>name</c>; correlations may reference it by this.</summary>
    public string? RuleName { get; init; }

    /// <summary>The event's own time (not the time it was read); windows are measured on it.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    public required EventRef Event { get; init; }

    /// <summary>Returns a field's value, or null when the event lacks it.</summary>
    public required Func<string, string?> Field { get; init; }
}

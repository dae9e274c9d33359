namespace Vigil.Detection.Correlation;

/// <summary>One hit held in a window: when, which referenced rule, the aggregated value, and the events behind it.</summary>
internal readonly record struct Contribution(
    DateTimeOffset Time,
    int RuleIndex,
    string? Value,
    double Number,
    IReadOnlyList<CorrelatedEvent> Events);

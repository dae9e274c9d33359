namespace Vigil.Detection.Correlation;

/// <summary>Limits that keep the correlation engine's memory bounded on hostile or very busy input.</summary>
public sealed record CorrelationOptions
{
    /// <summary>
    /// Most hits one (correlation, group) window holds; beyond it the oldest are dropped and counted in
    /// <see cref="CorrelationStatistics.Truncated"/>. Timespan eviction normally keeps windows far smaller.
    /// </summary>
    public int MaxEventsPerWindow { get; init; } = 100_000;
}

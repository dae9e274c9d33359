namespace Vigil.Detection.Correlation;

/// <summary>Counters describing what the correlation engine holds and what it had to drop.</summary>
public sealed record CorrelationStatistics
{
    /// <summary>(correlation, group) windows currently held.</summary>
    public required int OpenWindows { get; init; }

    /// <summary>Hits currently held across all windows.</summary>
    public required long HeldHits { get; init; }

    /// <summary>Hits older than the newest seen time minus the correlation's timespan, ignored as too late.</summary>
    public required long LateHits { get; init; }

    /// <summary>Hits ignored because a group-by or aggregated field was missing (or not numeric where a number is summed).</summary>
    public required long SkippedHits { get; init; }

    /// <summary>Hits dropped because a window reached <see cref="CorrelationOptions.MaxEventsPerWindow"/>.</summary>
    public required long Truncated { get; init; }
}

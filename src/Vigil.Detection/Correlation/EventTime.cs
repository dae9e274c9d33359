namespace Vigil.Detection.Correlation;

/// <summary>
/// Window arithmetic that saturates at the ends of <see cref="DateTimeOffset"/>: event times come from logs, and a
/// forged 0001-01-01 or 9999-12-31 must not throw out of the engine.
/// </summary>
internal static class EventTime
{
    public static DateTimeOffset Plus(DateTimeOffset time, TimeSpan span) =>
        DateTimeOffset.MaxValue - time < span ? DateTimeOffset.MaxValue : time + span;

    public static DateTimeOffset Minus(DateTimeOffset time, TimeSpan span) =>
        time - DateTimeOffset.MinValue < span ? DateTimeOffset.MinValue : time - span;
}

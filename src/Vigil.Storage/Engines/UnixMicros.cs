namespace Vigil.Storage.Engines;

/// <summary>SQLite's time representation: microseconds since the Unix epoch, UTC (the resolution of timestamptz).</summary>
internal static class UnixMicros
{
    // Floor, not truncation toward zero, so that times before 1970 drop sub-microsecond ticks the way
    // LedgerHasher.Truncate does.
    public static long From(DateTimeOffset time) =>
        Math.DivRem(time.UtcTicks - DateTimeOffset.UnixEpoch.Ticks, TimeSpan.TicksPerMicrosecond) is var (quotient, remainder) && remainder < 0
            ? quotient - 1
            : quotient;

    public static DateTimeOffset To(long micros) =>
        new(DateTimeOffset.UnixEpoch.Ticks + (micros * TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);

    /// <summary>The time as either engine gives it back: UTC, whole microseconds.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
    }
}

namespace Vigil.Hosting.Metrics;

/// <summary>
/// Request durations in fixed buckets (Prometheus' default latency ladder, extended down to 0.5 ms because most
/// Vigil requests finish under a millisecond). Counts per bucket are kept non-cumulative and summed on export.
/// </summary>
internal sealed class MetricHistogram
{
    public static readonly double[] Bounds = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly long[] _buckets = new long[Bounds.Length + 1];
    private long _count;
    private long _sumMicros;

    public long Count => Interlocked.Read(ref _count);

    public double Sum => Interlocked.Read(ref _sumMicros) / 1_000_000.0;

    public void Observe(double seconds)
    {
        var index = 0;
        while (index < Bounds.Length && seconds > Bounds[index])
        {
            index++;
        }

        Interlocked.Increment(ref _buckets[index]);
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _sumMicros, (long)(seconds * 1_000_000));
    }

    /// <summary>Cumulative counts for each bound, then +Inf.</summary>
    public long[] Cumulative()
    {
        var result = new long[_buckets.Length];
        long running = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            running += Interlocked.Read(ref _buckets[i]);
            result[i] = running;
        }

        return result;
    }
}

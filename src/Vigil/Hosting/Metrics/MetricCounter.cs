namespace Vigil.Hosting.Metrics;

/// <summary>A monotonically increasing count, safe to bump from any thread without a lock.</summary>
internal sealed class MetricCounter
{
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    public void Add(long amount = 1) => Interlocked.Add(ref _value, amount);
}

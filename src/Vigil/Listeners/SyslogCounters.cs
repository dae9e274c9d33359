namespace Vigil.Listeners;

/// <summary>
/// What the syslog listener has done since it started, for <c>/metrics</c> and the benchmark: every message received
/// ends as stored, a repeat, or dead-lettered (<c>received = stored + deduplicated + dead_lettered + queued</c>), and
/// store failures are retried, not dropped.
/// </summary>
public sealed class SyslogCounters
{
    private long _received;
    private long _stored;
    private long _deduplicated;
    private long _deadLettered;
    private long _storeRetries;
    private long _queued;
    private long _lost;

    public long Received => Interlocked.Read(ref _received);

    public long Stored => Interlocked.Read(ref _stored);

    public long Deduplicated => Interlocked.Read(ref _deduplicated);

    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    /// <summary>Batches that failed to store and were tried again (the store was down or busy).</summary>
    public long StoreRetries => Interlocked.Read(ref _storeRetries);

    /// <summary>Messages received and not yet committed.</summary>
    public long Queued => Interlocked.Read(ref _queued);

    /// <summary>Messages that could not be stored even at shutdown, after retries (the store stayed down); logged as errors.</summary>
    public long Lost => Interlocked.Read(ref _lost);

    /// <summary>Messages settled one way or another: what a sender's count must equal once the queue is empty.</summary>
    public long Settled => Stored + Deduplicated + DeadLettered;

    internal void Receive()
    {
        Interlocked.Increment(ref _received);
        Interlocked.Increment(ref _queued);
    }

    internal void Committed(int stored, int deduplicated, int deadLettered)
    {
        Interlocked.Add(ref _stored, stored);
        Interlocked.Add(ref _deduplicated, deduplicated);
        Interlocked.Add(ref _deadLettered, deadLettered);
        Interlocked.Add(ref _queued, -(stored + deduplicated + deadLettered));
    }

    internal void Retried() => Interlocked.Increment(ref _storeRetries);

    internal void Abandoned(int count)
    {
        Interlocked.Add(ref _lost, count);
        Interlocked.Add(ref _queued, -count);
    }
}

namespace Vigil.Connectors.Enrichment;

/// <summary>
/// A sliding-window counter over <see cref="TimeProvider"/> (so tests move time instead of waiting). A lookup that
/// finds the window full is not queued: an enrichment job must not stall for a minute on a free-tier quota, and the
/// skipped lookup is reported as missing context with the limit that stopped it.
/// </summary>
internal sealed class SlidingWindowLimiter(RateLimit limit, TimeProvider time)
{
    private readonly Queue<DateTimeOffset> _granted = new();
    private readonly Lock _lock = new();

    public RateLimit Limit => limit;

    public bool TryAcquire(out TimeSpan retryAfter)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            while (_granted.Count > 0 && now - _granted.Peek() >= limit.Window)
            {
                _granted.Dequeue();
            }

            if (_granted.Count < limit.Permits)
            {
                _granted.Enqueue(now);
                retryAfter = TimeSpan.Zero;
                return true;
            }

            retryAfter = _granted.Peek() + limit.Window - now;
            return false;
        }
    }
}

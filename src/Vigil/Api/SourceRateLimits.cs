using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Vigil.Pipeline.Ingest;

namespace Vigil.Api;

/// <summary>
/// Per-source token buckets for <c>POST /api/v1/ingest/{source}</c>, sized from <see cref="SourcePolicy.EventsPerSecond"/>
/// and <see cref="SourcePolicy.Burst"/>. A batch takes one token per event; when the bucket cannot cover it the request is
/// refused whole with 429 and Retry-After, before anything is stored: the sender was not acknowledged and sends it again.
/// </summary>
internal sealed class SourceRateLimits(SourcePolicies policies) : IDisposable
{
    private readonly ConcurrentDictionary<string, TokenBucketRateLimiter?> _buckets = new(StringComparer.Ordinal);

    /// <summary>Null when the events may be taken; otherwise how long to wait before trying again.</summary>
    public TimeSpan? TryTake(string source, int events)
    {
        var bucket = _buckets.GetOrAdd(source, Create);
        if (bucket is null)
        {
            return null;
        }

        // A batch larger than the bucket can only ever pass when the bucket is full.
        using var lease = bucket.AttemptAcquire(Math.Min(events, Capacity(source)));
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
    }

    public void Dispose()
    {
        foreach (var bucket in _buckets.Values)
        {
            bucket?.Dispose();
        }
    }

    private int Capacity(string source) => Math.Max(1, policies.For(source)?.Burst ?? 1);

    private TokenBucketRateLimiter? Create(string source)
    {
        if (policies.For(source) is not { EventsPerSecond: > 0 } policy)
        {
            return null;
        }

        // Replenished ten times a second, so a sustained rate is smooth rather than a burst once a second.
        var perTick = Math.Max(1, (int)Math.Round(policy.EventsPerSecond / 10));
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, policy.Burst),
            TokensPerPeriod = perTick,
            ReplenishmentPeriod = TimeSpan.FromSeconds(perTick / policy.EventsPerSecond),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}

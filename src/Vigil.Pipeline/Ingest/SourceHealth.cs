using System.Collections.Concurrent;

namespace Vigil.Pipeline.Ingest;

/// <summary>
/// In-memory per-source ingest counters, for the server to expose. Counters are plain longs updated with
/// <see cref="Interlocked"/>, so concurrent channels (HTTP, syslog UDP and TCP) never block one another.
/// Reset when the process restarts; the store holds the durable truth.
/// </summary>
public sealed class SourceHealth(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Counters> _sources = new(StringComparer.Ordinal);

    public void Received(string source, int count)
    {
        var counters = For(source);
        Interlocked.Add(ref counters.Received, count);
        Interlocked.Exchange(ref counters.LastReceivedTicks, time.GetUtcNow().UtcTicks);
    }

    public void Stored(string source, int created, int deduplicated)
    {
        var counters = For(source);
        Interlocked.Add(ref counters.Stored, created);
        Interlocked.Add(ref counters.Deduplicated, deduplicated);
    }

    public void DeadLettered(string source, int count) => Interlocked.Add(ref For(source).DeadLettered, count);

    public void Drifted(string source, int count) => Interlocked.Add(ref For(source).Drifted, count);

    public SourceHealthSnapshot? Get(string source) => _sources.TryGetValue(source, out var counters) ? Snapshot(source, counters) : null;

    /// <summary>Every source seen so far, ordered by name.</summary>
    public IReadOnlyList<SourceHealthSnapshot> Snapshot() =>
        [.. _sources.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => Snapshot(s.Key, s.Value))];

    private Counters For(string source) => _sources.GetOrAdd(source, static _ => new Counters());

    private static SourceHealthSnapshot Snapshot(string source, Counters counters)
    {
        var ticks = Interlocked.Read(ref counters.LastReceivedTicks);
        return new SourceHealthSnapshot
        {
            Source = source,
            Received = Interlocked.Read(ref counters.Received),
            Stored = Interlocked.Read(ref counters.Stored),
            Deduplicated = Interlocked.Read(ref counters.Deduplicated),
            DeadLettered = Interlocked.Read(ref counters.DeadLettered),
            Drifted = Interlocked.Read(ref counters.Drifted),
            LastReceivedAt = ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero),
        };
    }

    private sealed class Counters
    {
        public long Received;
        public long Stored;
        public long Deduplicated;
        public long DeadLettered;
        public long Drifted;
        public long LastReceivedTicks;
    }
}

namespace Vigil.Detection.Correlation;

/// <summary>
/// Streams Sigma rule hits through correlation rules and reports the correlations that fire.
/// </summary>
/// <remarks>
/// Windows are kept in memory per (correlation, group-by values) and measured on event time, not arrival time.
/// Input is assumed to arrive roughly in time order (<c>vigil detect</c> reads each file in order; logs are written
/// in order): a hit earlier than others is placed correctly as long as it is within the correlation's timespan of
/// the newest time seen (the watermark); older hits are counted as late and ignored.
/// Conditions with only gt/gte are judged on a sliding window as each hit arrives and fire as soon as they hold;
/// the window's hits are then consumed, so the next match needs new hits. Conditions with an upper bound
/// (lt, lte, eq, neq) can only be judged when the timespan is over: such windows open at a group's first hit and
/// are judged once the watermark passes their end, or at <see cref="Flush"/>. Windows whose timespan has passed
/// are dropped as the watermark advances, which keeps memory bounded by the timespan's worth of hits.
/// Not thread-safe: one engine per stream.
/// </remarks>
public sealed partial class CorrelationEngine
{
    private readonly CorrelationSet _set;
    private readonly CorrelationOptions _options;
    private readonly Dictionary<string, CorrelationWindow>[] _windows;
    private readonly PriorityQueue<(int Correlation, string Key, CorrelationWindow Window), DateTimeOffset> _due = new();
    private readonly List<(int Correlation, int RuleIndex)> _subscribers = [];
    private DateTimeOffset _watermark = DateTimeOffset.MinValue;
    private long _late;
    private long _skipped;
    private long _truncated;

    public CorrelationEngine(CorrelationSet set, CorrelationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        _set = set;
        _options = options ?? new CorrelationOptions();
        _windows = new Dictionary<string, CorrelationWindow>[set.Compiled.Length];
        for (var i = 0; i < _windows.Length; i++)
        {
            _windows[i] = new Dictionary<string, CorrelationWindow>(StringComparer.Ordinal);
        }
    }

    public CorrelationSet Set => _set;

    public CorrelationStatistics Statistics => new()
    {
        OpenWindows = _windows.Sum(w => w.Count),
        HeldHits = _windows.Sum(w => w.Values.Sum(window => (long)window.Count)),
        LateHits = _late,
        SkippedHits = _skipped,
        Truncated = _truncated,
    };

    /// <summary>
    /// Feeds one rule hit. Returns the correlations that fired because of it, or because its time closed windows
    /// judged at close; chained correlations fire in the same call. Empty (and allocation-free) for hits of rules no
    /// correlation references.
    /// </summary>
    public IReadOnlyList<CorrelationMatch> Process(CorrelationEvent hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        _set.CollectSubscribers(hit.RuleId, hit.RuleName, _subscribers);
        if (_subscribers.Count == 0 && hit.Timestamp <= _watermark)
        {
            return [];
        }

        List<CorrelationMatch>? matches = null;
        if (hit.Timestamp > _watermark)
        {
            _watermark = hit.Timestamp;
            CloseDue(closeAll: false, ref matches);
        }

        if (_subscribers.Count > 0)
        {
            CorrelatedEvent[] events = [new(hit.Event, hit.RuleId ?? hit.RuleName ?? "", hit.Timestamp)];
            foreach (var (correlation, ruleIndex) in _subscribers)
            {
                Feed(_set.Compiled[correlation], ruleIndex, hit.Timestamp, hit.Field, events, ref matches);
            }
        }

        return matches ?? (IReadOnlyList<CorrelationMatch>)[];
    }

    /// <summary>End of input: judges every window still waiting for its timespan to end, and drops the rest.</summary>
    public IReadOnlyList<CorrelationMatch> Flush()
    {
        List<CorrelationMatch>? matches = null;
        CloseDue(closeAll: true, ref matches);
        return matches ?? (IReadOnlyList<CorrelationMatch>)[];
    }
}

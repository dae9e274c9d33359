using Vigil.Detection.Engine;

namespace Vigil.Detection.Correlation;

/// <summary>
/// Correlates a finite set of Sigma matches, such as <c>vigil detect</c> produces over several files: the hits of
/// referenced rules are collected first and fed to the engine in event-time order, so files that overlap in time
/// (Security and Sysmon logs of one host) correlate as if they were one stream. Only referenced hits are kept.
/// </summary>
public sealed class CorrelationBatch(CorrelationEngine engine)
{
    private readonly List<(DateTimeOffset Time, long Order, SigmaMatch Match)> _hits = [];

    /// <summary>The correlation rules this batch runs; also says which rule matches still report on their own.</summary>
    public CorrelationSet Set => engine.Set;

    /// <summary>Matches of referenced rules whose event had no readable timestamp, so could not be correlated.</summary>
    public long Untimed { get; private set; }

    /// <summary>Matches held for correlation.</summary>
    public int Buffered => _hits.Count;

    /// <summary>Keeps the match if a correlation references its rule.</summary>
    public void Add(SigmaMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        if (!engine.Set.References(match.RuleId, match.RuleName))
        {
            return;
        }

        if (EventTimestamps.TryRead(match.Event, out var time))
        {
            _hits.Add((time, _hits.Count, match));
        }
        else
        {
            Untimed++;
        }
    }

    /// <summary>Feeds the kept matches in time order (ties in arrival order), flushes, and returns every correlation match.</summary>
    public IReadOnlyList<CorrelationMatch> Run()
    {
        _hits.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Order.CompareTo(b.Order));
        var matches = new List<CorrelationMatch>();
        foreach (var (time, _, match) in _hits)
        {
            matches.AddRange(engine.Process(match, time));
        }

        matches.AddRange(engine.Flush());
        _hits.Clear();
        return matches;
    }
}

using Vigil.Detection.Engine;

namespace Vigil.Detection.Correlation;

public sealed partial class CorrelationEngine
{
    private long _untimed;

    /// <summary>Hits ignored because their event had no readable timestamp (see <see cref="EventTimestamps"/>).</summary>
    public long UntimedHits => _untimed;

    /// <summary>
    /// Feeds a Sigma match from <see cref="SigmaEngine"/>: the event time comes from <see cref="EventTimestamps"/>,
    /// fields are read by their Sigma names through the match's field mapping. A match without a readable time
    /// cannot be placed in a window and is counted in <see cref="UntimedHits"/>.
    /// </summary>
    public IReadOnlyList<CorrelationMatch> Process(SigmaMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        if (!EventTimestamps.TryRead(match.Event, out var timestamp))
        {
            _untimed++;
            return [];
        }

        return Process(match, timestamp);
    }

    /// <summary>Feeds a Sigma match whose event time the caller already knows.</summary>
    public IReadOnlyList<CorrelationMatch> Process(SigmaMatch match, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(match);
        return Process(new CorrelationEvent
        {
            RuleId = match.RuleId,
            RuleName = match.RuleName,
            Timestamp = timestamp,
            Event = new EventRef(match.Event.Source, match.EventIndex),
            Field = match.GetField,
        });
    }
}

namespace Vigil.Detection.Correlation;

public sealed partial class CorrelationEngine
{
    private void Emit(
        CompiledCorrelation correlation,
        CorrelationWindow window,
        double aggregate,
        string? fieldValue,
        ReadOnlySpan<Contribution> items,
        ref List<CorrelationMatch>? matches)
    {
        var events = new List<CorrelatedEvent>(items.Length);
        foreach (ref readonly var item in items)
        {
            if (fieldValue is null || item.Value == fieldValue)
            {
                events.AddRange(item.Events);
            }
        }

        events.Sort((a, b) => a.Timestamp.CompareTo(b.Timestamp));
        var groupBy = new KeyValuePair<string, string?>[window.GroupValues.Length];
        for (var i = 0; i < groupBy.Length; i++)
        {
            groupBy[i] = new(correlation.Rule.GroupBy[i], window.GroupValues[i]);
        }

        var match = new CorrelationMatch
        {
            Rule = correlation.Rule,
            GroupBy = groupBy,
            Value = aggregate,
            FieldValue = fieldValue,
            FirstSeen = events[0].Timestamp,
            LastSeen = events[^1].Timestamp,
            Events = events,
            Standalone = correlation.Standalone,
        };
        (matches ??= []).Add(match);

        // Chaining (spec "Related rules"): the match is a hit of this correlation for the correlations that
        // reference it, at the time of its last event, exposing its group-by values as fields.
        foreach (var (consumer, ruleIndex) in correlation.Consumers)
        {
            Feed(_set.Compiled[consumer], ruleIndex, match.LastSeen, name => GroupValue(match, name), events, ref matches);
        }
    }

    private static string? GroupValue(CorrelationMatch match, string name)
    {
        foreach (var (key, value) in match.GroupBy)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}

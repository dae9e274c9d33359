using System.Globalization;

namespace Vigil.Detection.Correlation;

public sealed partial class CorrelationEngine
{
    private const char KeySeparator = '\u001f';

    private void Feed(
        CompiledCorrelation correlation,
        int ruleIndex,
        DateTimeOffset time,
        Func<string, string?> field,
        IReadOnlyList<CorrelatedEvent> events,
        ref List<CorrelationMatch>? matches)
    {
        var timespan = correlation.Rule.Timespan;
        if (time < EventTime.Minus(_watermark, timespan))
        {
            _late++;
            return;
        }

        if (!TryReadGroup(correlation.GroupFields[ruleIndex], field, out var groupValues, out var key)
            || !TryReadValue(correlation, ruleIndex, field, out var value, out var number))
        {
            _skipped++;
            return;
        }

        var windows = _windows[correlation.Index];
        var window = windows.GetValueOrDefault(key);
        if (window is not null && !correlation.JudgeOnArrival)
        {
            if (time > EventTime.Plus(window.Start, timespan))
            {
                // The hit starts the group's next window; the current one is complete and can be judged now.
                Close(correlation, key, window, ref matches);
                window = null;
            }
            else if (time < window.Start)
            {
                if (window.Latest - time > timespan)
                {
                    _late++;
                    return;
                }

                window.Start = time;
            }
        }

        if (window is null)
        {
            window = new CorrelationWindow(groupValues, correlation.Rule.Rules.Count, time);
            windows[key] = window;
            _due.Enqueue((correlation.Index, key, window), EventTime.Plus(time, timespan));
        }

        window.Add(new Contribution(time, ruleIndex, value, number, events));
        while (window.Count > _options.MaxEventsPerWindow)
        {
            window.RemoveOldest();
            _truncated++;
        }

        if (correlation.JudgeOnArrival)
        {
            window.EvictBefore(EventTime.Minus(window.Latest, timespan));
            var aggregate = CorrelationAggregate.Of(correlation, window, value);
            if (Holds(correlation, aggregate))
            {
                windows.Remove(key);
                Emit(correlation, window, aggregate, null, window.Items, ref matches);
            }
        }
    }

    private void CloseDue(bool closeAll, ref List<CorrelationMatch>? matches)
    {
        // A window is done once no future hit can join it: its due time (end of the timespan after its start for
        // windows judged at close, after its newest hit for sliding ones) is earlier than the watermark.
        while (_due.TryPeek(out var entry, out var due) && (closeAll || due < _watermark))
        {
            _due.Dequeue();
            var (index, key, window) = entry;
            var correlation = _set.Compiled[index];
            if (!_windows[index].TryGetValue(key, out var current) || !ReferenceEquals(current, window))
            {
                continue;
            }

            var actualDue = EventTime.Plus(correlation.JudgeOnArrival ? window.Latest : window.Start, correlation.Rule.Timespan);
            if (!closeAll && actualDue >= _watermark)
            {
                _due.Enqueue(entry, actualDue);
            }
            else if (correlation.JudgeOnArrival)
            {
                _windows[index].Remove(key);
            }
            else
            {
                Close(correlation, key, window, ref matches);
            }
        }
    }

    private void Close(CompiledCorrelation correlation, string key, CorrelationWindow window, ref List<CorrelationMatch>? matches)
    {
        _windows[correlation.Index].Remove(key);
        if (CorrelationAggregate.IsShare(correlation.Rule))
        {
            // value_percentile by share: every value of the completed window is judged, each with its own events.
            foreach (var (value, _) in window.ValueCounts.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                var share = CorrelationAggregate.Of(correlation, window, value);
                if (Holds(correlation, share))
                {
                    Emit(correlation, window, share, value, window.Items, ref matches);
                }
            }

            return;
        }

        var aggregate = CorrelationAggregate.Of(correlation, window, null);
        if (Holds(correlation, aggregate))
        {
            Emit(correlation, window, aggregate, null, window.Items, ref matches);
        }
    }

    private static bool Holds(CompiledCorrelation correlation, double aggregate) =>
        !double.IsNaN(aggregate) && correlation.Rule.Condition.IsSatisfiedBy(aggregate);

    private static bool TryReadGroup(string[] fields, Func<string, string?> field, out string?[] values, out string key)
    {
        values = new string?[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            // Like a backend's group-by, an event without the field belongs to no group.
            if ((values[i] = field(fields[i])) is null)
            {
                key = "";
                return false;
            }
        }

        key = fields.Length switch
        {
            0 => "",
            1 => values[0]!,
            _ => string.Join(KeySeparator, values),
        };
        return true;
    }

    private static bool TryReadValue(
        CompiledCorrelation correlation, int ruleIndex, Func<string, string?> field, out string? value, out double number)
    {
        value = null;
        number = double.NaN;
        var fields = correlation.ValueFields[ruleIndex];
        if (fields.Length == 0)
        {
            return true;
        }

        for (var i = 0; i < fields.Length; i++)
        {
            // Several value_count fields are joined by AND: the combination is what is counted.
            if (field(fields[i]) is not { } part)
            {
                return false;
            }

            value = i == 0 ? part : value + KeySeparator + part;
        }

        if (!CorrelationAggregate.IsNumeric(correlation.Rule))
        {
            return true;
        }

        var parsed = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
        value = null;
        return parsed;
    }
}

namespace Vigil.Detection.Correlation;

/// <summary>Computes the number a correlation's condition is tested on, from a window's running aggregates.</summary>
internal static class CorrelationAggregate
{
    /// <param name="subject">For value_percentile by share: the value whose share is wanted.</param>
    public static double Of(CompiledCorrelation correlation, CorrelationWindow window, string? subject) =>
        correlation.Rule.Type switch
        {
            CorrelationType.EventCount => window.Count,
            CorrelationType.ValueCount => window.DistinctValues,
            CorrelationType.Temporal => window.DistinctRules,
            CorrelationType.TemporalOrdered => OrderedPrefix(window),
            CorrelationType.ValueSum => window.Sum,
            CorrelationType.ValueAverage => window.NumericCount == 0 ? double.NaN : window.Sum / window.NumericCount,
            CorrelationType.ValuePercentile or CorrelationType.ValueMedian =>
                correlation.Rule.Condition.Percentile is { } percentile
                    ? NearestRank(window, percentile)
                    : Share(window, subject),
            _ => throw new ArgumentOutOfRangeException(nameof(correlation), correlation.Rule.Type, "unknown correlation type"),
        };

    /// <summary>Whether the type reads a number (sum, average, percentile) rather than a string value.</summary>
    public static bool IsNumeric(CorrelationRule rule) =>
        rule.Type is CorrelationType.ValueSum or CorrelationType.ValueAverage
        || (rule.Type is CorrelationType.ValuePercentile or CorrelationType.ValueMedian && rule.Condition.Percentile is not null);

    /// <summary>Whether the type is value_percentile read as the share of a value (no <c>percentile</c> key).</summary>
    public static bool IsShare(CorrelationRule rule) =>
        rule.Type is CorrelationType.ValuePercentile && rule.Condition.Percentile is null;

    /// <summary>
    /// temporal_ordered: how many of the listed rules matched in the listed order. Taking each rule's earliest hit
    /// after the previous rule's greedily yields the longest such prefix.
    /// </summary>
    private static int OrderedPrefix(CorrelationWindow window)
    {
        var next = 0;
        foreach (ref readonly var item in window.Items)
        {
            if (item.RuleIndex == next)
            {
                next++;
            }
        }

        return next;
    }

    /// <summary>Nearest-rank percentile of the numeric values held (the median of an even count is the lower middle).</summary>
    private static double NearestRank(CorrelationWindow window, double percentile)
    {
        if (window.NumericCount == 0)
        {
            return double.NaN;
        }

        var values = new double[window.NumericCount];
        var i = 0;
        foreach (ref readonly var item in window.Items)
        {
            if (!double.IsNaN(item.Number))
            {
                values[i++] = item.Number;
            }
        }

        Array.Sort(values);
        var rank = (int)Math.Ceiling(percentile / 100 * values.Length);
        return values[Math.Clamp(rank, 1, values.Length) - 1];
    }

    private static double Share(CorrelationWindow window, string? subject) =>
        subject is null || window.Count == 0 ? double.NaN : 100.0 * window.ValueCounts.GetValueOrDefault(subject) / window.Count;
}

namespace Vigil.Detection.Correlation;

/// <summary>The <c>condition</c> map of a correlation: comparisons joined by AND, and the aggregated field(s).</summary>
public sealed record CorrelationCondition
{
    public required IReadOnlyList<CorrelationComparison> Comparisons { get; init; }

    /// <summary>
    /// <c>field</c>: the field(s) a value_* correlation aggregates. For value_count several fields are joined by AND
    /// (spec "Value Count"), i.e. distinct combinations are counted.
    /// </summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>
    /// pySigma's <c>percentile</c> key (0–100) for value_percentile: when present, the P-th percentile of the numeric
    /// field is compared. When absent, value_percentile follows the spec's own example ("a process name seen in fewer
    /// than 1% of all processes", <c>field: Image, lte: 1</c>): the compared number is the share, in percent, of the
    /// group's events that carry the same field value.
    /// </summary>
    public double? Percentile { get; init; }

    public bool IsSatisfiedBy(double value)
    {
        foreach (var comparison in Comparisons)
        {
            if (!comparison.IsSatisfiedBy(value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when every comparison is gt/gte, so a growing count can be judged as each event arrives.</summary>
    public bool HasOnlyLowerBounds
    {
        get
        {
            foreach (var comparison in Comparisons)
            {
                if (!comparison.IsLowerBound)
                {
                    return false;
                }
            }

            return true;
        }
    }
}

namespace Vigil.Detection.Correlation;

/// <summary>The correlation types of the Sigma correlation rules specification 2.1.0, plus pySigma's <c>value_median</c>.</summary>
public enum CorrelationType
{
    /// <summary><c>event_count</c>: number of matching events per group.</summary>
    EventCount,

    /// <summary><c>value_count</c>: number of distinct values of <c>condition.field</c> per group.</summary>
    ValueCount,

    /// <summary><c>temporal</c>: number of distinct referenced rules that matched per group, in any order.</summary>
    Temporal,

    /// <summary><c>temporal_ordered</c>: like temporal, but the rules must match in the order they are listed.</summary>
    TemporalOrdered,

    /// <summary><c>value_sum</c>: sum of the numeric field per group.</summary>
    ValueSum,

    /// <summary><c>value_avg</c>: average of the numeric field per group.</summary>
    ValueAverage,

    /// <summary><c>value_percentile</c>: see <see cref="CorrelationCondition.Percentile"/> for the two readings.</summary>
    ValuePercentile,

    /// <summary><c>value_median</c>: not in spec 2.1.0 ("median is a percentile 50"); accepted as pySigma does.</summary>
    ValueMedian,
}

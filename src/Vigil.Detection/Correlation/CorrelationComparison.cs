namespace Vigil.Detection.Correlation;

/// <summary>One <c>op: threshold</c> entry of a correlation condition.</summary>
public sealed record CorrelationComparison(CorrelationOperator Operator, double Threshold)
{
    public bool IsSatisfiedBy(double value) => Operator switch
    {
        CorrelationOperator.GreaterThan => value > Threshold,
        CorrelationOperator.GreaterThanOrEqual => value >= Threshold,
        CorrelationOperator.LessThan => value < Threshold,
        CorrelationOperator.LessThanOrEqual => value <= Threshold,
        CorrelationOperator.Equal => value == Threshold,
        CorrelationOperator.NotEqual => value != Threshold,
        _ => throw new ArgumentOutOfRangeException(nameof(Operator), Operator, "unknown operator"),
    };

    /// <summary>True for gt/gte: adding events to a window can only make a count reach them, never un-reach them.</summary>
    public bool IsLowerBound => Operator is CorrelationOperator.GreaterThan or CorrelationOperator.GreaterThanOrEqual;
}

namespace Vigil.Detection.Correlation;

/// <summary>A comparison in a correlation <c>condition</c>; several in one map are joined by AND.</summary>
public enum CorrelationOperator
{
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
    Equal,
    NotEqual,
}

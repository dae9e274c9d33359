namespace Vigil.Detection.Matching;

internal enum NumericOperator
{
    Equal,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

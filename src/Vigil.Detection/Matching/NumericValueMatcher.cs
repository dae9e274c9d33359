using System.Globalization;

namespace Vigil.Detection.Matching;

/// <summary><c>|lt</c>, <c>|lte</c>, <c>|gt</c>, <c>|gte</c>: the field parses as a number (decimal or 0x hex) and compares.</summary>
internal sealed class NumericValueMatcher(NumericOperator op, double operand) : ValueMatcher
{
    public override bool Matches(ReadOnlySpan<char> value) => TryParse(value, out var number) && Compare(number);

    public bool Compare(double number) => op switch
    {
        NumericOperator.Less => number < operand,
        NumericOperator.LessOrEqual => number <= operand,
        NumericOperator.Greater => number > operand,
        NumericOperator.GreaterOrEqual => number >= operand,
        _ => number == operand,
    };

    public static bool TryParse(ReadOnlySpan<char> value, out double number)
    {
        value = value.Trim();
        if (value.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && long.TryParse(value[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
        {
            number = hex;
            return true;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    public override int Cost => 3;
}

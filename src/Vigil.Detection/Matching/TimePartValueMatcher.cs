using System.Globalization;

namespace Vigil.Detection.Matching;

/// <summary>
/// Time modifiers (<c>minute</c>, <c>hour</c>, <c>day</c>, <c>week</c>, <c>month</c>, <c>year</c>): extract a number
/// from a timestamp, then compare it. No time-zone conversion, as the modifiers appendix warns.
/// </summary>
internal sealed class TimePartValueMatcher(string part, NumericValueMatcher comparison) : ValueMatcher
{
    public override bool Matches(ReadOnlySpan<char> value)
    {
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return false;
        }

        var number = part switch
        {
            "minute" => time.Minute,
            "hour" => time.Hour,
            "day" => time.Day,
            "week" => ISOWeek.GetWeekOfYear(time.DateTime),
            "month" => time.Month,
            _ => time.Year,
        };
        return comparison.Compare(number);
    }

    public override int Cost => 10;
}

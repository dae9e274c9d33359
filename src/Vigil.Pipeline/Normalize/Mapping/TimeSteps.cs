using System.Globalization;

namespace Vigil.Pipeline.Normalize.Mapping;

/// <summary>Time transforms: every one yields OCSF <c>timestamp_t</c>, milliseconds since the Unix epoch.</summary>
internal static class TimeSteps
{
    public static readonly string[] Named = ["iso8601", "epoch", "epoch_s", "epoch_ms", "epoch_us", "epoch_ns"];

    public static ValueStep Create(string format, string origin) => format switch
    {
        "iso8601" => (values, context) => Convert(values, context, origin, format, ParseIso),
        "epoch" => (values, context) => Convert(values, context, origin, format, v => Epoch(v, AutoDivisor)),
        "epoch_s" => (values, context) => Convert(values, context, origin, format, v => Epoch(v, _ => 0.001)),
        "epoch_ms" => (values, context) => Convert(values, context, origin, format, v => Epoch(v, _ => 1)),
        "epoch_us" => (values, context) => Convert(values, context, origin, format, v => Epoch(v, _ => 1_000)),
        "epoch_ns" => (values, context) => Convert(values, context, origin, format, v => Epoch(v, _ => 1_000_000)),
        _ => (values, context) => Convert(values, context, origin, format, v => ParseExact(v, format)),
    };

    private static void Convert(List<MappedValue> values, ApplyContext context, string origin, string format, Func<MappedValue, long?> parse)
    {
        for (var i = values.Count - 1; i >= 0; i--)
        {
            if (parse(values[i]) is { } milliseconds)
            {
                values[i] = MappedValue.FromInteger(milliseconds);
            }
            else
            {
                context.AddProblem($"{origin}: '{values[i].AsText()}' is not a {format} time");
                values.RemoveAt(i);
            }
        }
    }

    private static long? ParseIso(MappedValue value)
    {
        if (value.Kind != MappedValueKind.String)
        {
            return null;
        }

        var text = value.Text!;
        const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, Styles, out var parsed))
        {
            return parsed.ToUnixTimeMilliseconds();
        }

        // Suricata and others write the offset without a colon (-0400), which ISO 8601 allows in basic format.
        if (text.Length > 5 && text[^5] is '+' or '-' && char.IsAsciiDigit(text[^1]))
        {
            var withColon = string.Concat(text.AsSpan(0, text.Length - 2), ":", text.AsSpan(text.Length - 2));
            if (DateTimeOffset.TryParse(withColon, CultureInfo.InvariantCulture, Styles, out parsed))
            {
                return parsed.ToUnixTimeMilliseconds();
            }
        }

        return null;
    }

    private static long? ParseExact(MappedValue value, string format) =>
        value.Kind == MappedValueKind.String
        && DateTimeOffset.TryParseExact(value.Text, format, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed.ToUnixTimeMilliseconds()
            : null;

    // divisor: how many source units make one millisecond.
    private static long? Epoch(MappedValue value, Func<double, double> divisor)
    {
        double number;
        switch (value.Kind)
        {
            case MappedValueKind.Integer:
                number = value.Integer;
                break;
            case MappedValueKind.Real:
                number = value.Real;
                break;
            case MappedValueKind.String when double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                number = parsed;
                break;
            default:
                return null;
        }

        return (long)Math.Round(number / divisor(Math.Abs(number)));
    }

    // Seconds until year 5138, then milliseconds, microseconds, nanoseconds: the magnitudes do not overlap for real dates.
    private static double AutoDivisor(double magnitude) => magnitude switch
    {
        < 1e11 => 0.001,
        < 1e14 => 1,
        < 1e17 => 1_000,
        _ => 1_000_000,
    };
}

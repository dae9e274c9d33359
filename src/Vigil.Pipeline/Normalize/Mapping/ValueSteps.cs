using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Vigil.Pipeline.Normalize.Mapping;

/// <summary>The small transforms a mapping may chain; each is compiled once into a <see cref="ValueStep"/>.</summary>
internal static class ValueSteps
{
    /// <summary>Maps each value through a table; values the table lacks are dropped so a later <c>default</c> applies.</summary>
    public static ValueStep Map(FrozenDictionary<string, MappedValue> table) => (values, _) =>
    {
        for (var i = values.Count - 1; i >= 0; i--)
        {
            if (table.TryGetValue(values[i].AsText(), out var mapped))
            {
                values[i] = mapped;
            }
            else
            {
                values.RemoveAt(i);
            }
        }
    };

    /// <summary>Numeric bands: each value becomes the result of the highest lower bound it reaches (GuardDuty 0.1–8.9, Wazuh 0–15).</summary>
    public static ValueStep Ranges((double Lower, MappedValue Result)[] bands) => (values, _) =>
    {
        for (var i = values.Count - 1; i >= 0; i--)
        {
            MappedValue? result = null;
            if (TryNumber(values[i], out var number))
            {
                foreach (var (lower, mapped) in bands)
                {
                    if (number >= lower)
                    {
                        result = mapped;
                    }
                }
            }

            if (result is { } found)
            {
                values[i] = found;
            }
            else
            {
                values.RemoveAt(i);
            }
        }
    };

    /// <summary>Replaces every value with a constant: "when the source has X, say Y" (e.g. a hash's algorithm_id).</summary>
    public static ValueStep Set(MappedValue constant) => (values, _) =>
    {
        for (var i = 0; i < values.Count; i++)
        {
            values[i] = constant;
        }
    };

    /// <summary>Multiplies numbers and rounds to an integer: unit changes such as Zeek's seconds to OCSF's milliseconds.</summary>
    public static ValueStep Multiply(double factor) => (values, _) =>
    {
        for (var i = values.Count - 1; i >= 0; i--)
        {
            if (TryNumber(values[i], out var number))
            {
                values[i] = MappedValue.FromInteger((long)Math.Round(number * factor));
            }
            else
            {
                values.RemoveAt(i);
            }
        }
    };

    /// <summary>Drops placeholder values such as Windows' "-" for "none".</summary>
    public static ValueStep Skip(FrozenSet<string> placeholders) => (values, _) =>
        values.RemoveAll(value => value.IsScalar && placeholders.Contains(value.AsText()));

    public static ValueStep Lower() => (values, _) => Rewrite(values, text => text.ToLowerInvariant());

    public static ValueStep Upper() => (values, _) => Rewrite(values, text => text.ToUpperInvariant());

    public static ValueStep Trim() => (values, _) => Rewrite(values, text => text.Trim());

    public static ValueStep Prefix(string prefix) => (values, _) => Rewrite(values, text => string.Concat(prefix, text));

    public static ValueStep Split(string separator) => (values, _) =>
    {
        var count = values.Count;
        for (var i = 0; i < count; i++)
        {
            foreach (var part in values[i].AsText().Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                values.Add(MappedValue.FromString(part));
            }
        }

        values.RemoveRange(0, count);
    };

    public static ValueStep Join(string separator) => (values, _) =>
    {
        if (values.Count <= 1)
        {
            return;
        }

        var joined = string.Join(separator, values.Select(v => v.AsText()));
        values.Clear();
        values.Add(MappedValue.FromString(joined));
    };

    /// <summary>Keeps the first capture group (or the whole match); values that do not match are dropped.</summary>
    public static ValueStep Extract(Regex pattern) => (values, context) =>
    {
        for (var i = values.Count - 1; i >= 0; i--)
        {
            Match match;
            try
            {
                match = pattern.Match(values[i].AsText());
            }
            catch (RegexMatchTimeoutException)
            {
                context.AddProblem($"regex '{pattern}' timed out");
                match = Match.Empty;
            }

            if (match.Success)
            {
                values[i] = MappedValue.FromString(match.Groups.Count > 1 ? match.Groups[1].Value : match.Value);
            }
            else
            {
                values.RemoveAt(i);
            }
        }
    };

    /// <summary>Integers from numbers, decimal strings and the hex strings Windows logs use ("0x2b90").</summary>
    public static ValueStep ToInt(string origin) => (values, context) =>
    {
        for (var i = values.Count - 1; i >= 0; i--)
        {
            if (TryInteger(values[i], out var integer))
            {
                values[i] = MappedValue.FromInteger(integer);
            }
            else
            {
                context.AddProblem($"{origin}: '{values[i].AsText()}' is not an integer");
                values.RemoveAt(i);
            }
        }
    };

    public static ValueStep ToBool() => (values, _) =>
    {
        for (var i = values.Count - 1; i >= 0; i--)
        {
            bool? flag = values[i].Kind switch
            {
                MappedValueKind.Boolean => values[i].Integer != 0,
                MappedValueKind.Integer => values[i].Integer != 0,
                _ => values[i].AsText().Trim().ToLowerInvariant() switch
                {
                    "true" or "yes" or "1" or "y" or "on" => true,
                    "false" or "no" or "0" or "n" or "off" => false,
                    _ => null,
                },
            };
            if (flag is { } value)
            {
                values[i] = MappedValue.FromBoolean(value);
            }
            else
            {
                values.RemoveAt(i);
            }
        }
    };

    public static ValueStep ToText() => (values, _) =>
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Kind != MappedValueKind.String)
            {
                values[i] = MappedValue.FromString(values[i].AsText());
            }
        }
    };

    public static ValueStep First() => (values, _) =>
    {
        if (values.Count > 1)
        {
            values.RemoveRange(1, values.Count - 1);
        }
    };

    public static ValueStep Default(MappedValue fallback) => (values, _) =>
    {
        if (values.Count == 0)
        {
            values.Add(fallback);
        }
    };

    public static bool TryInteger(MappedValue value, out long integer)
    {
        switch (value.Kind)
        {
            case MappedValueKind.Integer or MappedValueKind.Boolean:
                integer = value.Integer;
                return true;
            case MappedValueKind.Real when value.Real == Math.Floor(value.Real) && Math.Abs(value.Real) < 9e18:
                integer = (long)value.Real;
                return true;
            case MappedValueKind.String:
                var text = value.Text!.Trim();
                if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
                {
                    return long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out integer);
                }

                return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out integer);
            default:
                integer = 0;
                return false;
        }
    }

    private static bool TryNumber(MappedValue value, out double number)
    {
        switch (value.Kind)
        {
            case MappedValueKind.Integer:
                number = value.Integer;
                return true;
            case MappedValueKind.Real:
                number = value.Real;
                return true;
            case MappedValueKind.String:
                return double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
            default:
                number = 0;
                return false;
        }
    }

    private static void Rewrite(List<MappedValue> values, Func<string, string> rewrite)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].IsScalar)
            {
                values[i] = MappedValue.FromString(rewrite(values[i].AsText()));
            }
        }
    }
}

using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigil.Pipeline.Normalize.Mapping;

internal sealed partial class MappingCompiler
{
    private static readonly FrozenSet<string> SourceKeys = FrozenSet.Create(StringComparer.Ordinal, "path", "paths", "const", "template", "first_of");

    private static readonly FrozenSet<string> FlagKeys = FrozenSet.Create(StringComparer.Ordinal, "optional", "type");

    // Guards against catastrophic backtracking on hostile input; generous, because a preempted thread on a busy
    // 2-core machine was seen to exceed 50 ms on a trivial pattern.
    private static readonly TimeSpan RegexBudget = TimeSpan.FromSeconds(1);

    /// <summary>A value spec: a bare path, or a mapping with one source key and transforms applied in the order written.</summary>
    private ValueExpression Value(YamlNode node, string origin, ExpectedKind expected, bool trackMissing = true)
    {
        if (node is YamlScalarNode scalar)
        {
            // A bare number is a constant (activity: 1); bare text is a path.
            var constant = Constant(scalar);
            return constant.Kind == MappedValueKind.String
                ? new ValueExpression { Origin = origin, Path = ParsePath(scalar), Expected = expected, TrackMissing = trackMissing }
                : new ValueExpression { Origin = origin, Constant = constant, Expected = expected };
        }

        var spec = AsMapping(node, origin);
        FieldPath? path = null;
        FieldPath[]? coalesce = null;
        MappedValue? constantValue = null;
        TemplatePart[]? template = null;
        ValueExpression[]? alternatives = null;
        var steps = new List<ValueStep>();
        var track = trackMissing;
        foreach (var (keyNode, value) in spec.Children)
        {
            var key = Text(keyNode);
            switch (key)
            {
                case "path": path = ParsePath(value); break;
                case "paths": coalesce = Sequence(value).Select(ParsePath).ToArray(); break;
                case "const": constantValue = Constant(AsScalar(value)); break;
                case "template": template = Template(value); break;
                case "first_of": alternatives = Sequence(value).Select(n => Value(n, origin, expected, trackMissing: false)).ToArray(); break;
                case "optional": track &= !Flag(value); break;
                case "type": expected = Kind(value); break;
                case "default":
                    track = false;
                    steps.Add(ValueSteps.Default(Constant(AsScalar(value))));
                    break;
                default: steps.Add(Step(keyNode, value, origin)); break;
            }
        }

        var sources = spec.Children.Keys.Count(k => SourceKeys.Contains(Text(k)));
        if (sources != 1 && !(sources == 0 && steps.Count > 0 && spec.Children.Keys.Any(k => Text(k) == "default")))
        {
            throw Error(spec, $"{origin}: a value needs exactly one of path, paths, const, template or first_of (found {sources})");
        }

        return new ValueExpression
        {
            Origin = origin,
            Path = path,
            Coalesce = coalesce,
            Constant = constantValue,
            Template = template,
            Alternatives = alternatives,
            Steps = [.. steps],
            Expected = expected,
            TrackMissing = track,
        };
    }

    private ValueExpression TimeValue(YamlNode node)
    {
        var expression = Value(node, "time", ExpectedKind.Scalar);
        var hasFormat = node is YamlMappingNode spec && spec.Children.Keys.Any(k => Text(k) == "format");
        return hasFormat ? expression : expression with { Steps = [.. expression.Steps, AutoTime] };
    }

    // Without an explicit format, text is read as ISO 8601 and numbers (or digit strings) as epoch (unit guessed by magnitude).
    private static readonly ValueStep IsoTime = TimeSteps.Create("iso8601", "time");
    private static readonly ValueStep EpochTime = TimeSteps.Create("epoch", "time");

    private static void AutoTime(List<MappedValue> values, ApplyContext context)
    {
        // Digits-only text ("1709120000000", CEF rt) is an epoch number written as a string.
        if (values.Count > 0 && values[0].Kind == MappedValueKind.String && !values[0].Text!.AsSpan().Trim().ContainsAnyExcept("0123456789."))
        {
            EpochTime(values, context);
        }
        else if (values.Count > 0 && values[0].Kind == MappedValueKind.String)
        {
            IsoTime(values, context);
        }
        else
        {
            EpochTime(values, context);
        }
    }

    private ValueStep Step(YamlNode keyNode, YamlNode value, string origin)
    {
        var key = Text(keyNode);
        return key switch
        {
            "map" => ValueSteps.Map(Table(value)),
            "lookup" => ValueSteps.Map(_lookups.TryGetValue(Text(value), out var table)
                ? table
                : throw Error(value, $"{origin}: no lookup table named '{Text(value)}' under 'lookups:'")),
            "ranges" => ValueSteps.Ranges(Ranges(value)),
            "lower" => Enabled(value, ValueSteps.Lower()),
            "upper" => Enabled(value, ValueSteps.Upper()),
            "trim" => Enabled(value, ValueSteps.Trim()),
            "first" => Enabled(value, ValueSteps.First()),
            "to_int" => Enabled(value, ValueSteps.ToInt(origin)),
            "to_bool" => Enabled(value, ValueSteps.ToBool()),
            "to_string" => Enabled(value, ValueSteps.ToText()),
            "prefix" => ValueSteps.Prefix(Text(value)),
            "set" => ValueSteps.Set(Constant(AsScalar(value))),
            "skip" => ValueSteps.Skip((value is YamlSequenceNode list ? list.Children.Select(Text) : [Text(value)]).ToFrozenSet(StringComparer.Ordinal)),
            "multiply" => ValueSteps.Multiply(double.TryParse(Text(value), NumberStyles.Float, CultureInfo.InvariantCulture, out var factor)
                ? factor
                : throw Error(value, $"{origin}: multiply needs a number")),
            "split" => ValueSteps.Split(Text(value)),
            "join" => ValueSteps.Join(Text(value)),
            "regex" => ValueSteps.Extract(Pattern(value)),
            "format" => TimeSteps.Create(Text(value), origin),
            _ => throw Error(keyNode, $"{origin}: '{key}' is not a value key (path, paths, const, template, first_of, map, lookup, ranges, "
                + "set, skip, multiply, lower, upper, trim, prefix, split, join, regex, format, to_int, to_bool, to_string, first, default, optional, type)"),
        };
    }

    private ValueStep Enabled(YamlNode value, ValueStep step) =>
        Flag(value) ? step : static (_, _) => { };

    private TemplatePart[] Template(YamlNode node)
    {
        var text = Text(node);
        var parts = new List<TemplatePart>();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf('{', position);
            if (open < 0)
            {
                parts.Add(new TemplatePart(text[position..], null));
                break;
            }

            var close = text.IndexOf('}', open);
            if (close < 0)
            {
                throw Error(node, $"template '{text}' has '{{' without '}}'");
            }

            if (open > position)
            {
                parts.Add(new TemplatePart(text[position..open], null));
            }

            var path = FieldPath.TryParse(text[(open + 1)..close], out var error) ?? throw Error(node, $"template '{text}': {error}");
            parts.Add(new TemplatePart(null, path));
            position = close + 1;
        }

        return [.. parts];
    }

    private FrozenDictionary<string, MappedValue> Table(YamlNode node)
    {
        var table = new Dictionary<string, MappedValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in AsMapping(node, "map").Children)
        {
            if (!table.TryAdd(Text(key), Constant(AsScalar(value))))
            {
                throw Error(key, $"'{Text(key)}' appears twice in the table (keys compare without case)");
            }
        }

        return table.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private (double Lower, MappedValue Result)[] Ranges(YamlNode node)
    {
        var bands = new List<(double, MappedValue)>();
        foreach (var (key, value) in AsMapping(node, "ranges").Children)
        {
            if (!double.TryParse(Text(key), NumberStyles.Float, CultureInfo.InvariantCulture, out var lower))
            {
                throw Error(key, $"range bound '{Text(key)}' is not a number");
            }

            bands.Add((lower, Constant(AsScalar(value))));
        }

        return [.. bands.OrderBy(b => b.Item1)];
    }

    private Regex Pattern(YamlNode node)
    {
        try
        {
            return new Regex(Text(node), RegexOptions.CultureInvariant | RegexOptions.Compiled, RegexBudget);
        }
        catch (ArgumentException exception)
        {
            throw Error(node, $"invalid regular expression: {exception.Message}");
        }
    }

    private ExpectedKind Kind(YamlNode node) => Text(node) switch
    {
        "scalar" => ExpectedKind.Scalar,
        "string" => ExpectedKind.String,
        "number" => ExpectedKind.Number,
        "boolean" => ExpectedKind.Boolean,
        "object" => ExpectedKind.Object,
        "array" => ExpectedKind.Array,
        "any" => ExpectedKind.Any,
        var other => throw Error(node, $"type '{other}' is not one of scalar, string, number, boolean, object, array, any"),
    };

    private bool Flag(YamlNode node) => Text(node) switch
    {
        "true" or "yes" => true,
        "false" or "no" => false,
        var other => throw Error(node, $"'{other}' is not true or false"),
    };

    /// <summary>Plain YAML scalars that look like numbers or booleans are typed; quoted ones stay text.</summary>
    private static MappedValue Constant(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style == ScalarStyle.Plain)
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                return MappedValue.FromInteger(integer);
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && text.Contains('.', StringComparison.Ordinal))
            {
                return MappedValue.FromReal(real);
            }

            if (text is "true" or "false")
            {
                return MappedValue.FromBoolean(text == "true");
            }
        }

        return MappedValue.FromString(text);
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Vigil.Detection.Loading;
using Vigil.Detection.Parsing;
using YamlDotNet.RepresentationModel;

namespace Vigil.Detection.Correlation;

public static partial class CorrelationRuleParser
{
    private static readonly Dictionary<string, CorrelationOperator> Operators = new(StringComparer.Ordinal)
    {
        ["gt"] = CorrelationOperator.GreaterThan,
        ["gte"] = CorrelationOperator.GreaterThanOrEqual,
        ["lt"] = CorrelationOperator.LessThan,
        ["lte"] = CorrelationOperator.LessThanOrEqual,
        ["eq"] = CorrelationOperator.Equal,
        ["neq"] = CorrelationOperator.NotEqual,
    };

    private static readonly Dictionary<string, CorrelationType> Types = new(StringComparer.Ordinal)
    {
        ["event_count"] = CorrelationType.EventCount,
        ["value_count"] = CorrelationType.ValueCount,
        ["temporal"] = CorrelationType.Temporal,
        ["temporal_ordered"] = CorrelationType.TemporalOrdered,
        ["value_sum"] = CorrelationType.ValueSum,
        ["value_avg"] = CorrelationType.ValueAverage,
        ["value_percentile"] = CorrelationType.ValuePercentile,
        ["value_median"] = CorrelationType.ValueMedian,
    };

    /// <summary>Spec "Time Selection": number + lowercase letter, s/m/h/d. <c>w</c> is accepted as pySigma does.</summary>
    public static bool TryParseTimespan(string text, out TimeSpan timespan)
    {
        timespan = default;
        var match = TimespanShape().Match(text);
        if (!match.Success || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return false;
        }

        var unit = match.Groups[2].Value[0] switch
        {
            's' => TimeSpan.FromSeconds(1),
            'm' => TimeSpan.FromMinutes(1),
            'h' => TimeSpan.FromHours(1),
            'd' => TimeSpan.FromDays(1),
            _ => TimeSpan.FromDays(7),
        };
        if (count <= 0 || count > TimeSpan.MaxValue.Ticks / unit.Ticks)
        {
            return false;
        }

        timespan = TimeSpan.FromTicks(count * unit.Ticks);
        return true;
    }

    private static TimeSpan ParseTimespan(YamlMappingNode section, int line)
    {
        var text = Yaml.RequiredString(section, "timespan", line);
        return TryParseTimespan(text, out var timespan)
            ? timespan
            : throw new SigmaFormatException(
                $"invalid timespan '{text}': expected a positive number followed by s, m, h or d (e.g. 5m, 1h, 1d)",
                Yaml.LineOf(Yaml.Child(section, "timespan")!));
    }

    private static CorrelationCondition ParseCondition(YamlMappingNode section, CorrelationType type, int ruleCount, int line)
    {
        var node = Yaml.Child(section, "condition");
        var isTemporal = type is CorrelationType.Temporal or CorrelationType.TemporalOrdered;
        if (node is null)
        {
            // Spec "Correlation Types": temporal needs all referenced rules to match in the timespan.
            return isTemporal
                ? new CorrelationCondition { Comparisons = [new(CorrelationOperator.GreaterThanOrEqual, ruleCount)] }
                : throw new SigmaFormatException($"missing required 'condition' for {TypeName(type)}", line);
        }

        if (node is not YamlMappingNode map)
        {
            throw new SigmaFormatException($"'condition' must be a map such as 'gte: 10', not a {Yaml.Describe(node)}", Yaml.LineOf(node));
        }

        var comparisons = new List<CorrelationComparison>();
        IReadOnlyList<string> fields = [];
        double? percentile = null;
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            if (Operators.TryGetValue(key, out var op))
            {
                comparisons.Add(new CorrelationComparison(op, ParseNumber(valueNode, key)));
            }
            else if (key == "field")
            {
                fields = Yaml.StringList(map, "field");
            }
            else if (key == "percentile")
            {
                percentile = ParseNumber(valueNode, key);
                if (percentile is < 0 or > 100)
                {
                    throw new SigmaFormatException("condition 'percentile' must be between 0 and 100", Yaml.LineOf(valueNode));
                }
            }
            else
            {
                throw new SigmaFormatException(
                    $"unknown condition key '{key}'; expected gt, gte, lt, lte, eq, neq, field or percentile", Yaml.LineOf(keyNode));
            }
        }

        var conditionLine = Yaml.LineOf(map);
        if (comparisons.Count == 0)
        {
            throw new SigmaFormatException("'condition' needs a comparison: gt, gte, lt, lte, eq or neq", conditionLine);
        }

        var needsField = type is not (CorrelationType.EventCount or CorrelationType.Temporal or CorrelationType.TemporalOrdered);
        if (needsField && fields.Count == 0)
        {
            throw new SigmaFormatException($"{TypeName(type)} needs 'field' in its condition", conditionLine);
        }

        if (!needsField && fields.Count > 0)
        {
            throw new SigmaFormatException($"{TypeName(type)} counts events or rules; its condition cannot name a field", conditionLine);
        }

        if (type != CorrelationType.ValueCount && fields.Count > 1)
        {
            throw new SigmaFormatException($"{TypeName(type)} aggregates one numeric field; 'field' lists {fields.Count}", conditionLine);
        }

        return new CorrelationCondition
        {
            Comparisons = comparisons,
            Fields = fields,
            Percentile = type == CorrelationType.ValueMedian ? 50 : percentile,
        };
    }

    private static Dictionary<string, IReadOnlyDictionary<string, string>> ParseAliases(
        YamlMappingNode section, IReadOnlyList<string> rules)
    {
        var aliases = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        switch (Yaml.Child(section, "aliases"))
        {
            case null:
                return aliases;
            case YamlMappingNode map:
                foreach (var (aliasNode, fieldsNode) in map.Children)
                {
                    var alias = ((YamlScalarNode)aliasNode).Value ?? "";
                    if (fieldsNode is not YamlMappingNode perRule)
                    {
                        throw new SigmaFormatException(
                            $"alias '{alias}' must map rule names to field names", Yaml.LineOf(fieldsNode));
                    }

                    var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (var (ruleNode, fieldNode) in perRule.Children)
                    {
                        var rule = ((YamlScalarNode)ruleNode).Value ?? "";
                        if (!rules.Contains(rule, StringComparer.Ordinal))
                        {
                            throw new SigmaFormatException(
                                $"alias '{alias}' names rule '{rule}', which is not in 'rules'", Yaml.LineOf(ruleNode));
                        }

                        fields[rule] = fieldNode is YamlScalarNode { Value: { Length: > 0 } field }
                            ? field
                            : throw new SigmaFormatException(
                                $"alias '{alias}' for rule '{rule}' must be a field name", Yaml.LineOf(fieldNode));
                    }

                    aliases[alias] = fields;
                }

                return aliases;
            case var other:
                throw new SigmaFormatException($"'aliases' must be a map, not a {Yaml.Describe(other)}", Yaml.LineOf(other));
        }
    }

    private static string? ScalarOrNull(YamlMappingNode root, string key) =>
        Yaml.Child(root, key) is YamlScalarNode scalar ? scalar.Value : null;

    internal static string TypeName(CorrelationType type) => Types.First(t => t.Value == type).Key;

    [GeneratedRegex("^([0-9]+)([smhdw])$", RegexOptions.CultureInvariant)]
    private static partial Regex TimespanShape();
}

using Vigil.Detection.Loading;
using Vigil.Detection.Rules;
using YamlDotNet.RepresentationModel;

namespace Vigil.Detection.Parsing;

/// <summary>Reads a <c>detection</c> (or filter) section into search identifiers and conditions.</summary>
internal static class DetectionParser
{
    public static SigmaDetection Parse(YamlMappingNode detection)
    {
        var searches = new Dictionary<string, SigmaDetectionItem>(StringComparer.Ordinal);
        IReadOnlyList<string>? conditions = null;
        var conditionLine = Yaml.LineOf(detection);
        foreach (var (keyNode, valueNode) in detection.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value
                ?? throw new SigmaFormatException("search identifiers must be plain names", Yaml.LineOf(keyNode));
            switch (key)
            {
                case "condition":
                    conditionLine = Yaml.LineOf(valueNode);
                    conditions = ParseConditions(valueNode);
                    break;
                case "timeframe":
                    // Sigma 1.0 aggregation window; meaningful only with the deprecated '| count()' syntax, rejected there.
                    break;
                default:
                    searches[key] = ParseSearch(valueNode);
                    break;
            }
        }

        if (conditions is null)
        {
            throw new SigmaFormatException("detection has no 'condition'", Yaml.LineOf(detection));
        }

        return new SigmaDetection(searches, conditions, conditionLine);
    }

    private static List<string> ParseConditions(YamlNode node) => node switch
    {
        YamlScalarNode { Value: { Length: > 0 } text } => [text],
        YamlSequenceNode sequence when sequence.Children.Count > 0 => sequence.Children
            .Select(c => c is YamlScalarNode { Value: { Length: > 0 } s }
                ? s
                : throw new SigmaFormatException("each condition must be a non-empty string", Yaml.LineOf(c)))
            .ToList(),
        _ => throw new SigmaFormatException("condition must be a non-empty string or list of strings", Yaml.LineOf(node)),
    };

    private static SigmaDetectionItem ParseSearch(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                return ParseMap(map);
            case YamlSequenceNode sequence:
                if (sequence.Children.Count == 0)
                {
                    throw new SigmaFormatException("empty search identifier list", Yaml.LineOf(node));
                }

                if (sequence.Children.All(c => c is YamlScalarNode))
                {
                    return new SigmaFieldTest(null, [], ScalarValues(sequence), Yaml.LineOf(node));
                }

                var items = new List<SigmaDetectionItem>(sequence.Children.Count);
                foreach (var child in sequence.Children)
                {
                    items.Add(child switch
                    {
                        YamlMappingNode map => ParseMap(map),
                        YamlScalarNode scalar => new SigmaFieldTest(null, [], [Yaml.Value(scalar)], Yaml.LineOf(scalar)),
                        _ => throw new SigmaFormatException("a search list may hold maps or keywords, not nested lists", Yaml.LineOf(child)),
                    });
                }

                return new SigmaDetectionAny(items, Yaml.LineOf(node));
            case YamlScalarNode scalar:
                return new SigmaFieldTest(null, [], [Yaml.Value(scalar)], Yaml.LineOf(scalar));
            default:
                throw new SigmaFormatException("unsupported search identifier", Yaml.LineOf(node));
        }
    }

    private static SigmaDetectionAll ParseMap(YamlMappingNode map)
    {
        if (map.Children.Count == 0)
        {
            throw new SigmaFormatException("empty search identifier map", Yaml.LineOf(map));
        }

        var items = new List<SigmaDetectionItem>(map.Children.Count);
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value
                ?? throw new SigmaFormatException("field names must be strings", Yaml.LineOf(keyNode));
            var parts = key.Split('|');
            var field = parts[0].Length == 0 ? null : parts[0];
            var modifiers = parts.Skip(1).ToList();
            if (modifiers.Any(m => m.Length == 0))
            {
                throw new SigmaFormatException($"'{key}': empty modifier", Yaml.LineOf(keyNode));
            }

            var values = valueNode switch
            {
                YamlScalarNode scalar => [Yaml.Value(scalar)],
                YamlSequenceNode sequence => ScalarValues(sequence),
                _ => throw new SigmaFormatException($"'{key}': a field value must be a value or a list of values, not a map", Yaml.LineOf(valueNode)),
            };
            if (values.Count == 0)
            {
                throw new SigmaFormatException($"'{key}': empty value list", Yaml.LineOf(valueNode));
            }

            items.Add(new SigmaFieldTest(field, modifiers, values, Yaml.LineOf(keyNode)));
        }

        return new SigmaDetectionAll(items, Yaml.LineOf(map));
    }

    private static List<SigmaValue> ScalarValues(YamlSequenceNode sequence)
    {
        var values = new List<SigmaValue>(sequence.Children.Count);
        foreach (var child in sequence.Children)
        {
            values.Add(child is YamlScalarNode scalar
                ? Yaml.Value(scalar)
                : throw new SigmaFormatException("a value list may only hold values", Yaml.LineOf(child)));
        }

        return values;
    }
}

using System.Globalization;
using Vigil.Detection.Loading;
using Vigil.Detection.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigil.Detection.Parsing;

/// <summary>Small typed accessors over YamlDotNet's representation model, failing with the node's line.</summary>
internal static class Yaml
{
    public static int LineOf(YamlNode node) => checked((int)node.Start.Line);

    public static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? OptionalString(YamlMappingNode map, string key)
    {
        var node = Child(map, key);
        return node switch
        {
            null => null,
            YamlScalarNode scalar when IsNull(scalar) => null,
            YamlScalarNode scalar => scalar.Value,
            _ => throw new SigmaFormatException($"'{key}' must be a single value, not a {Describe(node)}", LineOf(node)),
        };
    }

    public static string RequiredString(YamlMappingNode map, string key, int line) =>
        OptionalString(map, key) is { Length: > 0 } value
            ? value
            : throw new SigmaFormatException($"missing required '{key}'", line);

    public static IReadOnlyList<string> StringList(YamlMappingNode map, string key)
    {
        var node = Child(map, key);
        switch (node)
        {
            case null:
                return [];
            case YamlScalarNode scalar:
                return IsNull(scalar) ? [] : [scalar.Value ?? ""];
            case YamlSequenceNode sequence:
                var list = new List<string>(sequence.Children.Count);
                foreach (var item in sequence.Children)
                {
                    list.Add(item is YamlScalarNode s
                        ? s.Value ?? ""
                        : throw new SigmaFormatException($"'{key}' must be a list of strings", LineOf(item)));
                }

                return list;
            default:
                throw new SigmaFormatException($"'{key}' must be a list of strings", LineOf(node));
        }
    }

    public static YamlMappingNode RequiredMap(YamlMappingNode map, string key, int line) => Child(map, key) switch
    {
        YamlMappingNode child => child,
        null => throw new SigmaFormatException($"missing required '{key}'", line),
        var other => throw new SigmaFormatException($"'{key}' must be a map, not a {Describe(other)}", LineOf(other)),
    };

    public static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style is ScalarStyle.Plain or ScalarStyle.Any
        && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary>Interprets a scalar the way YAML 1.2's core schema does, keeping the original spelling.</summary>
    public static SigmaValue Value(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        var line = LineOf(scalar);
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return new SigmaValue(text, SigmaValueKind.String, line);
        }

        if (IsNull(scalar))
        {
            return new SigmaValue("", SigmaValueKind.Null, line);
        }

        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return new SigmaValue(text.ToLowerInvariant(), SigmaValueKind.Boolean, line);
        }

        var numeric = text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] is '-' or '+' or '.')
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        return numeric
            ? new SigmaValue(text, SigmaValueKind.Number, line)
            : new SigmaValue(text, SigmaValueKind.String, line);
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "map",
        YamlSequenceNode => "list",
        _ => "value",
    };
}

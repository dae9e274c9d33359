using System.Globalization;
using System.Reflection;
using Vigil.Domain.Cases;
using Vigil.Domain.Evidence;
using YamlDotNet.RepresentationModel;

namespace Vigil.Pipeline.Evidence.Retention;

/// <summary>
/// Days each kind of data is kept after closure, per classification (content/policy/retention.yaml, or
/// Vigil:Retention:PolicyFile). A classification without its own line uses <c>default</c>; a kind missing from both is
/// kept for ever. Unknown classifications or kinds and negative days are refused at load.
/// </summary>
public sealed class RetentionPolicy(IReadOnlyDictionary<string, int> defaults, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> classifications)
{
    private const string Resource = "Vigil.Content.Policy.retention.yaml";

    /// <summary>The days <paramref name="kind"/> is kept for a case closed as <paramref name="classification"/>, and the rule's name.</summary>
    public (int Days, string Rule)? For(Classification? classification, string kind)
    {
        var name = classification?.ToWire();
        if (name is not null && classifications.TryGetValue(name, out var own) && own.TryGetValue(kind, out var days))
        {
            return (days, string.Create(CultureInfo.InvariantCulture, $"{name}.{kind}={days}d"));
        }

        return defaults.TryGetValue(kind, out var fallback) ? (fallback, string.Create(CultureInfo.InvariantCulture, $"default.{kind}={fallback}d")) : null;
    }

    public static RetentionPolicy Load(string? path)
    {
        if (path is not null)
        {
            return Parse(path, File.ReadAllText(path));
        }

        using var reader = new StreamReader(Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource)!);
        return Parse("retention.yaml", reader.ReadToEnd());
    }

    public static RetentionPolicy Parse(string fileName, string yaml)
    {
        var root = YamlRoot.Mapping(fileName, yaml, "a mapping with default and classifications");

        var defaults = new Dictionary<string, int>(StringComparer.Ordinal);
        var classes = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        foreach (var (key, value) in root.Children)
        {
            switch (((YamlScalarNode)key).Value)
            {
                case "default":
                    defaults = Kinds(fileName, "default", value);
                    break;
                case "classifications" when value is YamlMappingNode map:
                    foreach (var (name, kinds) in map.Children)
                    {
                        var text = ((YamlScalarNode)name).Value;
                        if (!CaseNames.TryParseClassification(text, out _))
                        {
                            throw new InvalidDataException($"{fileName}: unknown classification '{text}'");
                        }

                        classes[text!] = Kinds(fileName, text!, kinds);
                    }

                    break;
                default:
                    throw new InvalidDataException($"{fileName}: unknown key '{key}' (expected default, classifications)");
            }
        }

        return new RetentionPolicy(defaults, classes);
    }

    private static Dictionary<string, int> Kinds(string fileName, string where, YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            throw new InvalidDataException($"{fileName}: {where} must map data kinds to days");
        }

        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            var kind = ((YamlScalarNode)key).Value!;
            if (!RetentionDataKinds.All.Contains(kind, StringComparer.Ordinal))
            {
                throw new InvalidDataException($"{fileName}: {where}: unknown data kind '{kind}' (expected {string.Join(", ", RetentionDataKinds.All)})");
            }

            if (!int.TryParse(((YamlScalarNode)value).Value, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
            {
                throw new InvalidDataException($"{fileName}: {where}.{kind}: days must be a whole number of 0 or more");
            }

            result[kind] = days;
        }

        return result;
    }
}

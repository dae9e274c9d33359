using System.Reflection;
using YamlDotNet.RepresentationModel;

namespace Vigil.Pipeline.Evidence.Controls;

/// <summary>
/// The framework mappings: the shipped <c>content/frameworks/*.yaml</c> (embedded), with files of the same name in an
/// override directory replacing them and new names adding frameworks. A mapping naming an unknown gap check is refused.
/// </summary>
public sealed class FrameworkCatalog(IReadOnlyList<FrameworkMapping> frameworks)
{
    private const string ResourcePrefix = "Vigil.Frameworks.";

    public IReadOnlyList<FrameworkMapping> Frameworks => frameworks;

    public static FrameworkCatalog Load(string? overrideDirectory)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            files[name[ResourcePrefix.Length..]] = reader.ReadToEnd();
        }

        if (overrideDirectory is not null && Directory.Exists(overrideDirectory))
        {
            foreach (var path in Directory.EnumerateFiles(overrideDirectory, "*.yaml"))
            {
                files[Path.GetFileName(path)] = File.ReadAllText(path);
            }
        }

        return new FrameworkCatalog(files.Select(f => Parse(f.Key, f.Value)).ToArray());
    }

    public static FrameworkMapping Parse(string fileName, string yaml)
    {
        var root = YamlRoot.Mapping(fileName, yaml, "one mapping with framework, name and controls");
        var controls = new List<ControlMapping>();
        if (Child(root, "controls") is not YamlSequenceNode list)
        {
            throw new InvalidDataException($"{fileName}: 'controls' must be a list");
        }

        foreach (var node in list.Children.OfType<YamlMappingNode>())
        {
            var id = Text(fileName, node, "id");
            var evidence = (Child(node, "evidence") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>()
                .Select(e => new EvidenceMatcher(
                    Text(fileName, e, "kind"),
                    (Child(e, "where") as YamlMappingNode)?.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value ?? string.Empty, StringComparer.Ordinal)
                        ?? new Dictionary<string, string>(StringComparer.Ordinal)))
                .ToArray() ?? [];
            var gaps = (Child(node, "gaps") as YamlSequenceNode)?.Children.OfType<YamlScalarNode>().Select(s => s.Value!).ToArray() ?? [];
            foreach (var gap in gaps.Where(g => !GapChecks.Names.Contains(g)))
            {
                throw new InvalidDataException($"{fileName}: control {id} names an unknown gap check '{gap}' (known: {string.Join(", ", GapChecks.Names)})");
            }

            controls.Add(new ControlMapping(id, Text(fileName, node, "title"), evidence, gaps));
        }

        return new FrameworkMapping(Text(fileName, root, "framework"), Text(fileName, root, "name"), controls);
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string Text(string fileName, YamlMappingNode node, string key) =>
        (Child(node, key) as YamlScalarNode)?.Value is { Length: > 0 } value
            ? value
            : throw new InvalidDataException($"{fileName} line {node.Start.Line}: '{key}' is required");
}

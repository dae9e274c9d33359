using Vigil.Detection.Loading;
using Vigil.Detection.Parsing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigil.Detection.Pipelines;

/// <summary>Reads a processing pipeline YAML file (see content/pipelines/windows.yml for the format).</summary>
public static class SigmaPipelineLoader
{
    /// <summary>Loads a pipeline file.</summary>
    /// <exception cref="SigmaFormatException">The file is not a valid pipeline; the message names file and line.</exception>
    public static SigmaPipeline LoadFile(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses pipeline YAML; <paramref name="source"/> names it in errors.</summary>
    public static SigmaPipeline Parse(string yaml, string source)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                throw new SigmaFormatException($"{source}: a pipeline must be a YAML map");
            }

            var line = Yaml.LineOf(root);
            return new SigmaPipeline
            {
                Name = Yaml.RequiredString(root, "name", line),
                Description = Yaml.OptionalString(root, "description"),
                RouteBy = Yaml.OptionalString(root, "route_by") ?? "EventID",
                FieldMappings = StringMap(Yaml.Child(root, "fieldmappings")),
                Placeholders = ListMap(Yaml.Child(root, "placeholders")),
                LogSources = LogSources(Yaml.Child(root, "logsources")),
                Products = Yaml.StringList(root, "products"),
                RequireLogSourceMapping = Yaml.OptionalString(root, "require_logsource_mapping") is "true" or "True",
            };
        }
        catch (SigmaFormatException exception) when (exception.Line > 0)
        {
            throw new SigmaFormatException($"{source}:{exception.Line}: {exception.Message}", exception);
        }
        catch (YamlException exception)
        {
            throw new SigmaFormatException($"{source}:{exception.Start.Line}: YAML syntax error: {exception.Message}", exception);
        }
    }

    private static List<SigmaLogSourceMapping> LogSources(YamlNode? node)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            throw new SigmaFormatException("'logsources' must be a list", Yaml.LineOf(node));
        }

        var mappings = new List<SigmaLogSourceMapping>();
        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode entry)
            {
                throw new SigmaFormatException("each logsource entry must be a map", Yaml.LineOf(item));
            }

            var mapping = new SigmaLogSourceMapping(
                Yaml.OptionalString(entry, "product"),
                Yaml.OptionalString(entry, "category"),
                Yaml.OptionalString(entry, "service"),
                ListMap(Yaml.Child(entry, "conditions")),
                StringMap(Yaml.Child(entry, "fieldmappings")));
            if (mapping is { Product: null, Category: null, Service: null })
            {
                throw new SigmaFormatException("a logsource entry needs product, category or service", Yaml.LineOf(entry));
            }

            mappings.Add(mapping);
        }

        return mappings;
    }

    private static string Name(YamlNode key) =>
        (key as YamlScalarNode)?.Value ?? throw new SigmaFormatException("names must be plain values", Yaml.LineOf(key));

    private static Dictionary<string, string> StringMap(YamlNode? node)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is null)
        {
            return map;
        }

        if (node is not YamlMappingNode mapping)
        {
            throw new SigmaFormatException("expected a map of field names", Yaml.LineOf(node));
        }

        foreach (var (key, value) in mapping.Children)
        {
            map[Name(key)] = value is YamlScalarNode { Value: { } text }
                ? text
                : throw new SigmaFormatException("a field mapping maps one name to one name", Yaml.LineOf(value));
        }

        return map;
    }

    private static Dictionary<string, IReadOnlyList<string>> ListMap(YamlNode? node)
    {
        var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (node is null)
        {
            return map;
        }

        if (node is not YamlMappingNode mapping)
        {
            throw new SigmaFormatException("expected a map of names to values", Yaml.LineOf(node));
        }

        foreach (var (key, value) in mapping.Children)
        {
            map[Name(key)] = value switch
            {
                YamlScalarNode scalar => [scalar.Value ?? ""],
                YamlSequenceNode list => [.. list.Children.Select(c => (c as YamlScalarNode)?.Value
                    ?? throw new SigmaFormatException("values must be scalars", Yaml.LineOf(c)))],
                _ => throw new SigmaFormatException("expected a value or a list of values", Yaml.LineOf(value)),
            };
        }

        return map;
    }
}

using Vigil.Detection.Loading;
using Vigil.Detection.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigil.Detection.Parsing;

/// <summary>
/// Splits a YAML file into documents and sorts them: detection rules and filters are parsed here,
/// correlation documents are passed on raw. One bad document never hides the others.
/// </summary>
internal sealed class SigmaDocumentParser
{
    private static readonly HashSet<string> Levels = ["informational", "low", "medium", "high", "critical"];
    private static readonly HashSet<string> Statuses = ["stable", "test", "experimental", "deprecated", "unsupported"];

    public List<SigmaRule> Rules { get; } = [];
    public List<SigmaFilter> Filters { get; } = [];
    public List<SigmaRawDocument> Correlations { get; } = [];
    public List<SigmaLoadError> Errors { get; } = [];

    public void ParseFile(string file, string text)
    {
        var stream = new YamlStream();
        try
        {
            // Rules are plain block YAML; the fast reader takes those, YamlDotNet's parser everything else.
            stream.Load(BlockYamlReader.TryRead(text) is { } events ? new EventListParser(events) : new Parser(new StringReader(text)));
        }
        catch (YamlException exception)
        {
            Errors.Add(new SigmaLoadError(file, checked((int)exception.Start.Line), $"YAML syntax error: {exception.Message}"));
            return;
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner and loader throw these on some malformed input (found by RuleFuzzTests); it is still a syntax error.
            Errors.Add(new SigmaLoadError(file, 1, $"YAML syntax error: {exception.Message}"));
            return;
        }

        foreach (var document in stream.Documents)
        {
            ParseDocument(file, document.RootNode);
        }
    }

    private void ParseDocument(string file, YamlNode root)
    {
        var line = Yaml.LineOf(root);
        if (root is not YamlMappingNode map)
        {
            if (root is YamlScalarNode scalar && Yaml.IsNull(scalar))
            {
                return; // an empty document, e.g. a trailing '---'
            }

            Errors.Add(new SigmaLoadError(file, line, $"a Sigma document must be a map, not a {Yaml.Describe(root)}"));
            return;
        }

        string? id = null;
        string? title = null;
        try
        {
            id = Yaml.OptionalString(map, "id");
            title = Yaml.OptionalString(map, "title");
            if (Yaml.Child(map, "correlation") is not null)
            {
                Correlations.Add(new SigmaRawDocument(file, line, map));
            }
            else if (Yaml.Child(map, "filter") is not null)
            {
                Filters.Add(ParseFilter(file, map, line));
            }
            else if (Yaml.OptionalString(map, "action") is { } action)
            {
                throw new SigmaFormatException($"Sigma 1.0 rule collections ('action: {action}') are not supported; split them into plain rules", line);
            }
            else if (Yaml.Child(map, "detection") is not null)
            {
                Rules.Add(ParseRule(file, map, line));
            }
            else
            {
                throw new SigmaFormatException("document has neither 'detection', 'filter' nor 'correlation'", line);
            }
        }
        catch (SigmaFormatException exception)
        {
            Errors.Add(new SigmaLoadError(file, exception.Line == 0 ? line : exception.Line, exception.Message, id, title));
        }
    }

    private static SigmaRule ParseRule(string file, YamlMappingNode map, int line)
    {
        var level = Yaml.OptionalString(map, "level");
        if (level is not null && !Levels.Contains(level))
        {
            throw new SigmaFormatException($"level '{level}' is not one of {string.Join(", ", Levels)}", LineOfKey(map, "level", line));
        }

        var status = Yaml.OptionalString(map, "status");
        if (status is not null && !Statuses.Contains(status))
        {
            throw new SigmaFormatException($"status '{status}' is not one of {string.Join(", ", Statuses)}", LineOfKey(map, "status", line));
        }

        return new SigmaRule
        {
            Title = Yaml.RequiredString(map, "title", line),
            Id = Yaml.OptionalString(map, "id"),
            Name = Yaml.OptionalString(map, "name"),
            Status = status,
            Description = Yaml.OptionalString(map, "description"),
            Level = level,
            Author = Yaml.OptionalString(map, "author"),
            License = Yaml.OptionalString(map, "license"),
            Date = Yaml.OptionalString(map, "date"),
            Modified = Yaml.OptionalString(map, "modified"),
            Taxonomy = Yaml.OptionalString(map, "taxonomy"),
            Tags = Yaml.StringList(map, "tags"),
            References = Yaml.StringList(map, "references"),
            FalsePositives = Yaml.StringList(map, "falsepositives"),
            Fields = Yaml.StringList(map, "fields"),
            Scope = Yaml.StringList(map, "scope"),
            Related = ParseRelated(map),
            LogSource = ParseLogSource(map, line),
            Detection = DetectionParser.Parse(Yaml.RequiredMap(map, "detection", line)),
            Location = new SigmaSourceLocation(file, line),
        };
    }

    private static SigmaFilter ParseFilter(string file, YamlMappingNode map, int line)
    {
        var filter = Yaml.RequiredMap(map, "filter", line);
        var rules = Yaml.StringList(filter, "rules");
        if (rules.Count == 0)
        {
            throw new SigmaFormatException("filter has no 'rules' to apply to", Yaml.LineOf(filter));
        }

        // The filter section is a detection whose 'rules' key names targets rather than a search.
        var detection = new YamlMappingNode();
        foreach (var (key, value) in filter.Children)
        {
            if (key is YamlScalarNode { Value: not "rules" })
            {
                detection.Add(key, value);
            }
        }

        return new SigmaFilter
        {
            Title = Yaml.RequiredString(map, "title", line),
            Id = Yaml.OptionalString(map, "id"),
            Description = Yaml.OptionalString(map, "description"),
            LogSource = ParseLogSource(map, line),
            Rules = rules,
            Detection = DetectionParser.Parse(detection),
            Location = new SigmaSourceLocation(file, line),
        };
    }

    private static SigmaLogSource ParseLogSource(YamlMappingNode map, int line)
    {
        var logsource = Yaml.RequiredMap(map, "logsource", line);
        var source = new SigmaLogSource(
            Yaml.OptionalString(logsource, "product"),
            Yaml.OptionalString(logsource, "category"),
            Yaml.OptionalString(logsource, "service"),
            Yaml.OptionalString(logsource, "definition"));
        return source is { Product: null, Category: null, Service: null }
            ? throw new SigmaFormatException("logsource needs at least one of product, category or service", Yaml.LineOf(logsource))
            : source;
    }

    private static List<SigmaRelated> ParseRelated(YamlMappingNode map)
    {
        if (Yaml.Child(map, "related") is not YamlSequenceNode sequence)
        {
            return [];
        }

        var related = new List<SigmaRelated>();
        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode entry)
            {
                throw new SigmaFormatException("each 'related' entry must be a map with id and type", Yaml.LineOf(item));
            }

            related.Add(new SigmaRelated(
                Yaml.RequiredString(entry, "type", Yaml.LineOf(entry)),
                Yaml.RequiredString(entry, "id", Yaml.LineOf(entry))));
        }

        return related;
    }

    private static int LineOfKey(YamlMappingNode map, string key, int fallback) =>
        Yaml.Child(map, key) is { } node ? Yaml.LineOf(node) : fallback;
}

using System.Globalization;
using Vigil.Detection.Loading;
using Vigil.Detection.Parsing;
using Vigil.Detection.Rules;
using YamlDotNet.RepresentationModel;

namespace Vigil.Detection.Correlation;

/// <summary>
/// Reads correlation documents (YAML documents with a <c>correlation</c> key) into <see cref="CorrelationRule"/>s,
/// checking what the spec marks mandatory per type. Errors name the file and the line of the offending node.
/// </summary>
public static partial class CorrelationRuleParser
{
    private const string Section = "correlation";

    /// <summary>True when a YAML document is a correlation rule rather than a detection rule or filter.</summary>
    public static bool IsCorrelation(YamlMappingNode document) =>
        Yaml.Child(document, Section) is not null;

    /// <summary>Parses every document; rejected ones come back as errors, the rest as rules.</summary>
    public static (IReadOnlyList<CorrelationRule> Rules, IReadOnlyList<SigmaLoadError> Errors) ParseAll(
        IEnumerable<SigmaRawDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var rules = new List<CorrelationRule>();
        var errors = new List<SigmaLoadError>();
        foreach (var document in documents)
        {
            try
            {
                rules.Add(Parse(document));
            }
            catch (SigmaFormatException exception)
            {
                errors.Add(new SigmaLoadError(
                    document.File,
                    exception.Line == 0 ? document.Line : exception.Line,
                    exception.Message,
                    ScalarOrNull(document.Root, "id"),
                    ScalarOrNull(document.Root, "title")));
            }
        }

        return (rules, errors);
    }

    /// <summary>Parses one correlation document.</summary>
    /// <exception cref="SigmaFormatException">The document breaks the specification; <c>Line</c> points at the node.</exception>
    public static CorrelationRule Parse(SigmaRawDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var root = document.Root;
        var line = document.Line;
        var section = Yaml.RequiredMap(root, Section, line);
        var sectionLine = Yaml.LineOf(section);
        var type = ParseType(section, sectionLine);
        var (rules, ruleLines) = ParseRules(section, sectionLine);
        var groupBy = ParseGroupBy(section, sectionLine);
        return new CorrelationRule
        {
            Title = Yaml.RequiredString(root, "title", line),
            Id = Yaml.OptionalString(root, "id"),
            Name = Yaml.OptionalString(root, "name"),
            Status = Yaml.OptionalString(root, "status"),
            Description = Yaml.OptionalString(root, "description"),
            Author = Yaml.OptionalString(root, "author"),
            Level = Yaml.OptionalString(root, "level"),
            Date = Yaml.OptionalString(root, "date"),
            Modified = Yaml.OptionalString(root, "modified"),
            Taxonomy = Yaml.OptionalString(root, "taxonomy"),
            Tags = Yaml.StringList(root, "tags"),
            References = Yaml.StringList(root, "references"),
            FalsePositives = Yaml.StringList(root, "falsepositives"),
            Type = type,
            Rules = rules,
            RuleLines = ruleLines,
            GroupBy = groupBy,
            Timespan = ParseTimespan(section, sectionLine),
            Condition = ParseCondition(section, type, rules.Count, sectionLine),
            Aliases = ParseAliases(section, rules),
            Generate = ParseGenerate(section),
            Location = new SigmaSourceLocation(document.File, line),
        };
    }

    private static CorrelationType ParseType(YamlMappingNode section, int line)
    {
        var text = Yaml.RequiredString(section, "type", line);
        return Types.TryGetValue(text, out var type)
            ? type
            : throw new SigmaFormatException(
                $"unknown correlation type '{text}'; expected one of {string.Join(", ", Types.Keys)}",
                Yaml.LineOf(Yaml.Child(section, "type")!));
    }

    private static (IReadOnlyList<string> Rules, IReadOnlyList<int> Lines) ParseRules(YamlMappingNode section, int line)
    {
        var node = Yaml.Child(section, "rules") ?? throw new SigmaFormatException("missing required 'rules'", line);
        var items = node is YamlSequenceNode sequence ? sequence.Children : (IList<YamlNode>)[node];
        var rules = new List<string>(items.Count);
        var lines = new List<int>(items.Count);
        foreach (var item in items)
        {
            if (item is not YamlScalarNode { Value: { Length: > 0 } reference } || Yaml.IsNull((YamlScalarNode)item))
            {
                throw new SigmaFormatException("'rules' must be a list of rule ids or names", Yaml.LineOf(item));
            }

            if (rules.Contains(reference, StringComparer.Ordinal))
            {
                throw new SigmaFormatException($"'rules' lists '{reference}' twice", Yaml.LineOf(item));
            }

            rules.Add(reference);
            lines.Add(Yaml.LineOf(item));
        }

        return rules.Count > 0
            ? (rules, lines)
            : throw new SigmaFormatException("'rules' must reference at least one rule", Yaml.LineOf(node));
    }

    private static IReadOnlyList<string> ParseGroupBy(YamlMappingNode section, int line)
    {
        // Schema 2.1.0 requires group-by for every type.
        var node = Yaml.Child(section, "group-by") ?? throw new SigmaFormatException("missing required 'group-by'", line);
        var fields = Yaml.StringList(section, "group-by");
        var duplicate = fields.GroupBy(f => f, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? fields
            : throw new SigmaFormatException($"'group-by' lists '{duplicate.Key}' twice", Yaml.LineOf(node));
    }

    private static bool ParseGenerate(YamlMappingNode section) => Yaml.Child(section, "generate") switch
    {
        null => false,
        YamlScalarNode { Value: "true" or "True" or "TRUE" } => true,
        YamlScalarNode { Value: "false" or "False" or "FALSE" } => false,
        var other => throw new SigmaFormatException("'generate' must be true or false", Yaml.LineOf(other)),
    };

    private static double ParseNumber(YamlNode node, string key) =>
        node is YamlScalarNode { Value: { } text }
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
        && double.IsFinite(number)
            ? number
            : throw new SigmaFormatException($"condition '{key}' must be a number", Yaml.LineOf(node));
}

using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Vigil.Pipeline.Normalize.Ocsf;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigil.Pipeline.Normalize.Mapping;

/// <summary>
/// Compiles one mapping YAML file into a <see cref="SourceMapping"/>. Everything that can be checked without an
/// event is checked here, so a mistake is reported once, at load, with its file and line.
/// The file format is documented in content/mappings/README.md.
/// </summary>
internal sealed partial class MappingCompiler
{
    private static readonly FrozenSet<string> TopKeys = FrozenSet.Create(StringComparer.Ordinal,
        "source", "description", "vendor", "product", "match", "class", "activity", "time", "severity", "title",
        "source_ref", "fields", "entities", "dedup", "lookups", "ignore", "variants");

    private static readonly FrozenSet<string> VariantKeys = FrozenSet.Create(StringComparer.Ordinal,
        "name", "when", "class", "activity", "time", "severity", "title", "source_ref", "fields", "entities", "ignore");

    private static readonly Regex SourceName = new("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant);

    private readonly string _file;
    private readonly OcsfSchema _schema;
    private readonly Dictionary<string, FrozenDictionary<string, MappedValue>> _lookups = new(StringComparer.Ordinal);

    private MappingCompiler(string file, OcsfSchema schema)
    {
        _file = file;
        _schema = schema;
    }

    public static SourceMapping Compile(string file, string yaml, string origin, OcsfSchema schema)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException exception)
        {
            throw new MappingLoadException(file, exception.Start.Line, exception.Start.Column, exception.Message);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new MappingLoadException(file, 1, 1, "a mapping file holds exactly one YAML mapping");
        }

        return new MappingCompiler(file, schema).CompileRoot(root, origin);
    }

    private SourceMapping CompileRoot(YamlMappingNode root, string origin)
    {
        CheckKeys(root, TopKeys, "mapping");
        var nameNode = Required(root, "source");
        var name = Text(nameNode);
        if (!SourceName.IsMatch(name))
        {
            throw Error(nameNode, $"source name '{name}' must be lower-case letters, digits and underscores");
        }

        if (Optional(root, "lookups") is { } lookups)
        {
            CompileLookups(lookups);
        }

        var header = new MappingHeader(
            name,
            Optional(root, "description") is { } description ? Text(description) : "",
            Optional(root, "vendor") is { } vendor ? Text(vendor) : "",
            Optional(root, "product") is { } product ? Text(product) : name,
            origin);
        var match = Optional(root, "match") is { } matchNode ? Conditions(matchNode) : [];
        var dedup = Optional(root, "dedup") is { } dedupNode ? Sequence(dedupNode).Select(ParsePath).ToArray() : [];

        var variants = new List<CompiledVariant>();
        if (Optional(root, "variants") is { } variantNodes)
        {
            foreach (var node in Sequence(variantNodes))
            {
                var variant = AsMapping(node, "variant");
                CheckKeys(variant, VariantKeys, "variant");
                variants.Add(CompileVariant(root, variant, match, dedup, variants.Count));
            }
        }
        else
        {
            variants.Add(CompileVariant(root, null, match, dedup, 0));
        }

        CheckSharedFields(Optional(root, "fields"), [.. variants.Select(v => v.Class)]);
        return new SourceMapping(header, match, [.. variants], dedup, new OcsfValidator(_schema));
    }

    private CompiledVariant CompileVariant(YamlMappingNode root, YamlMappingNode? variant, Condition[] match, FieldPath[] dedup, int index)
    {
        YamlNode? Pick(string key) => (variant is null ? null : Optional(variant, key)) ?? Optional(root, key);

        var classNode = Pick("class") ?? throw Error(variant ?? (YamlNode)root, "no 'class:' (the OCSF class_uid) for this mapping or variant");
        var definition = OcsfClass(classNode);
        var when = variant is not null && Optional(variant, "when") is { } whenNode ? Conditions(whenNode) : [];

        var activityNode = Pick("activity") ?? throw Error(variant ?? (YamlNode)root, "no 'activity:' (a number or a value spec giving the OCSF activity_id)");
        var activity = Value(activityNode, "activity", ExpectedKind.Scalar);
        if (activity.Constant is { } constant)
        {
            CheckActivity(activityNode, definition, constant);
        }

        var timeNode = Pick("time") ?? throw Error(variant ?? (YamlNode)root, "no 'time:' (the event time is required by OCSF)");
        var time = TimeValue(timeNode);

        var fields = new List<IFieldWriter>();
        AddFields(Optional(root, "fields"), definition, fields, shared: variant is not null);
        AddFields(variant is null ? null : Optional(variant, "fields"), definition, fields);

        var entities = Entities(Optional(root, "entities")).Concat(Entities(variant is null ? null : Optional(variant, "entities"))).ToArray();
        var severity = Pick("severity") is { } severityNode ? Value(severityNode, "severity", ExpectedKind.Scalar) : null;
        var sourceRef = Pick("source_ref") is { } sourceRefNode ? Value(sourceRefNode, "source_ref", ExpectedKind.Scalar) : null;
        var title = Pick("title") is { } titleNode ? Template(titleNode) : null;

        var trie = new PathTrie();
        // Consumed: written into the OCSF event. Known: read (shape tests, entities, dedup, title, ignore list) but
        // not written, so kept under unmapped without counting as drift.
        foreach (var path in fields.SelectMany(f => f.ConsumedPaths)
            .Concat(new[] { activity, time, severity, sourceRef }.Where(e => e is not null).SelectMany(e => e!.SourcePaths).Select(p => p.Text)))
        {
            trie.Add(path, consumed: true);
        }

        var ignored = (Optional(root, "ignore") is { } ignore ? Sequence(ignore) : [])
            .Concat(variant is not null && Optional(variant, "ignore") is { } variantIgnore ? Sequence(variantIgnore) : [])
            .Select(n => ParsePath(n).Text);
        foreach (var path in ignored
            .Concat(match.Concat(when).Select(c => c.Path.Text))
            .Concat(entities.SelectMany(e => e.Expression.SourcePaths).Select(p => p.Text))
            .Concat(dedup.Select(p => p.Text))
            .Concat((title ?? []).Where(p => p.Path is not null).Select(p => p.Path!.Text)))
        {
            trie.Add(path, consumed: false);
        }

        return new CompiledVariant
        {
            Name = variant is not null && Optional(variant, "name") is { } variantName ? Text(variantName) : $"variant {index + 1}",
            When = when,
            Class = definition,
            Activity = activity,
            Time = time,
            Severity = severity,
            Title = title,
            SourceRef = sourceRef,
            Fields = [.. fields],
            Entities = entities,
            Trie = trie,
        };
    }

    private OcsfClassDefinition OcsfClass(YamlNode node)
    {
        if (!int.TryParse(Text(node), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var classUid)
            || !_schema.TryGetClass(classUid, out var definition))
        {
            throw Error(node, $"class '{Text(node)}' is not an OCSF {OcsfSchema.Version} class_uid");
        }

        if (definition.Deprecated)
        {
            throw Error(node, $"class {classUid} {definition.Ref.ClassName} is deprecated in OCSF {OcsfSchema.Version}");
        }

        return definition;
    }

    private void CheckActivity(YamlNode node, OcsfClassDefinition definition, MappedValue constant)
    {
        if (!ValueSteps.TryInteger(constant, out var activityId) || definition.ActivityName((int)activityId) is null)
        {
            throw Error(node, $"activity {constant.AsText()} is not in the {definition.Ref.ClassName} activity enum");
        }
    }

    private void CompileLookups(YamlNode node)
    {
        foreach (var (key, table) in AsMapping(node, "lookups").Children)
        {
            _lookups[Text(key)] = Table(table);
        }
    }
}

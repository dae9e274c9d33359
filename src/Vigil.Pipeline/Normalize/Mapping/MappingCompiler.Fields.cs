using System.Collections.Frozen;
using Vigil.Domain.Entities;
using Vigil.Pipeline.Normalize.Ocsf;
using YamlDotNet.RepresentationModel;

namespace Vigil.Pipeline.Normalize.Mapping;

internal sealed partial class MappingCompiler
{
    // The engine writes these from class/activity/time/severity/source_ref so they always agree with each other.
    private static readonly FrozenSet<string> EngineAttributes = FrozenSet.Create(StringComparer.Ordinal,
        "class_uid", "class_name", "category_uid", "category_name", "activity_id", "activity_name", "type_uid",
        "type_name", "time", "severity_id", "severity", "unmapped");

    /// <summary>
    /// Compiles a fields table. The mapping-wide table is shared by variants of different classes, so an entry
    /// whose attribute a variant's class lacks is skipped for that variant (<paramref name="shared"/>) — but an
    /// attribute no variant's class has is still an error, caught by <see cref="CheckSharedFields"/>.
    /// </summary>
    private void AddFields(YamlNode? node, OcsfClassDefinition definition, List<IFieldWriter> into, bool shared = false)
    {
        if (node is null)
        {
            return;
        }

        foreach (var (keyNode, value) in AsMapping(node, "fields").Children)
        {
            var target = TargetPath.TryParse(Text(keyNode), out var error) ?? throw Error(keyNode, error!);
            if (EngineAttributes.Contains(target.Attribute) && target.Names.Length == 1)
            {
                throw Error(keyNode, $"'{target.Attribute}' is set by the engine from class/activity/time/severity; do not map it in fields");
            }

            if (!definition.Attributes.ContainsKey(target.Attribute))
            {
                if (shared)
                {
                    continue;
                }

                throw Error(keyNode, $"'{target.Attribute}' is not an attribute of OCSF class {definition.ClassUid} {definition.Ref.ClassName}");
            }

            into.Add(FieldWriter(target, value, "", definition));
        }
    }

    private void CheckSharedFields(YamlNode? node, IReadOnlyCollection<OcsfClassDefinition> classes)
    {
        if (node is null)
        {
            return;
        }

        foreach (var keyNode in AsMapping(node, "fields").Children.Keys)
        {
            var target = TargetPath.TryParse(Text(keyNode), out var error) ?? throw Error(keyNode, error!);
            if (!classes.Any(c => c.Attributes.ContainsKey(target.Attribute)))
            {
                throw Error(keyNode, $"'{target.Attribute}' is not an attribute of OCSF class {string.Join(" or ", classes.Select(c => $"{c.ClassUid} {c.Ref.ClassName}").Distinct())}");
            }
        }
    }

    private IFieldWriter FieldWriter(TargetPath target, YamlNode value, string scopePrefix, OcsfClassDefinition definition)
    {
        if (value is YamlMappingNode spec && Optional(spec, "each") is { } eachNode)
        {
            CheckKeys(spec, EachKeys, "each block");
            if (!target.EndsWithArray || target.ArrayAt != target.Names.Length - 1)
            {
                throw Error(value, $"an 'each' block builds an array: write the target as '{target.Text}[]'");
            }

            var each = ParsePath(eachNode);
            var fullPath = scopePrefix.Length == 0 || each.FromRoot ? each.Text.TrimStart('$', '.') : $"{scopePrefix}.{each.Text}";
            var when = Optional(spec, "when") is { } whenNode ? Conditions(whenNode) : [];
            var fieldsNode = Required(spec, "fields");
            var fields = new List<IFieldWriter>();
            foreach (var (keyNode, inner) in AsMapping(fieldsNode, "fields").Children)
            {
                var innerTarget = TargetPath.TryParse(Text(keyNode), out var error) ?? throw Error(keyNode, error!);
                fields.Add(FieldWriter(innerTarget, inner, fullPath, definition));
            }

            return new EachFieldWriter(target, each, fullPath, when, [.. fields]);
        }

        // Inside an 'each' block fields vary per element, so their absence is not drift.
        var expression = Value(value, $"fields.{target.Text}", ExpectedKind.Scalar, trackMissing: scopePrefix.Length == 0);
        return new ValueFieldWriter(target, expression, scopePrefix);
    }

    private static readonly FrozenSet<string> EachKeys = FrozenSet.Create(StringComparer.Ordinal, "each", "when", "fields");

    private static readonly FrozenSet<string> ConditionKeys = FrozenSet.Create(StringComparer.Ordinal,
        "path", "exists", "absent", "equals", "prefix", "contains", "regex");

    private Condition[] Conditions(YamlNode node)
    {
        var conditions = new List<Condition>();
        foreach (var item in Sequence(node))
        {
            var spec = AsMapping(item, "condition");
            CheckKeys(spec, ConditionKeys, "condition");
            var path = ParsePath(Required(spec, "path"));
            var tests = spec.Children.Where(c => Text(c.Key) != "path").ToList();
            if (tests.Count != 1)
            {
                throw Error(spec, "a condition has a path and exactly one of exists, absent, equals, prefix, contains, regex");
            }

            var (keyNode, value) = tests[0];
            conditions.Add(Text(keyNode) switch
            {
                "exists" => new Condition { Path = path, Kind = Flag(value) ? ConditionKind.Exists : ConditionKind.Absent },
                "absent" => new Condition { Path = path, Kind = Flag(value) ? ConditionKind.Absent : ConditionKind.Exists },
                "equals" => new Condition
                {
                    Path = path,
                    Kind = ConditionKind.Equals,
                    Values = value is YamlSequenceNode list ? list.Children.Select(Text).ToArray() : [Text(value)],
                },
                "prefix" => new Condition { Path = path, Kind = ConditionKind.Prefix, Values = [Text(value)] },
                "contains" => new Condition { Path = path, Kind = ConditionKind.Contains, Values = [Text(value)] },
                _ => new Condition { Path = path, Kind = ConditionKind.Regex, Pattern = Pattern(value) },
            });
        }

        return [.. conditions];
    }

    private IEnumerable<EntityRule> Entities(YamlNode? node)
    {
        if (node is null)
        {
            yield break;
        }

        foreach (var item in Sequence(node))
        {
            var spec = AsMapping(item, "entity");
            var typeNode = Required(spec, "type");
            if (!EntityTypeNames.TryParse(Text(typeNode), out var type))
            {
                throw Error(typeNode, $"'{Text(typeNode)}' is not an entity type (user, host, ip, domain, url, file_hash, email, process, cloud_account, api_token, repository, service, vulnerability, rule)");
            }

            var rest = new YamlMappingNode(spec.Children.Where(c => Text(c.Key) != "type"));
            yield return new EntityRule(type, Value(rest, $"entities.{Text(typeNode)}", ExpectedKind.Scalar, trackMissing: false));
        }
    }
}

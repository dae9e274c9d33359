using System.Globalization;
using System.Reflection;
using Vigil.Domain.Entities;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigil.Pipeline.Correlate;

/// <summary>
/// Reads the grouping policy: <c>content/policy/grouping.yaml</c> (shipped, embedded), replaced whole by
/// <c>policy/grouping.yaml</c> in the data directory when that file exists. A policy with any problem is refused whole
/// and every problem is named with its line, so a typo cannot silently turn grouping off.
/// </summary>
public static class GroupingPolicyLoader
{
    public const string ResourceName = "Vigil.Content.Policy.grouping.yaml";

    /// <summary>The override's path relative to the data directory.</summary>
    public static readonly string OverridePath = Path.Combine("policy", "grouping.yaml");

    private static readonly string[] TopLevel = ["defaults", "ignore", "rules"];
    private static readonly string[] RuleKeys = ["name", "when", "group_by", "entity_types", "lookback", "max_alerts"];
    private static readonly string[] SelectorKeys = ["source", "title", "rule", "tag"];

    public static GroupingPolicy LoadDefault()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return Load("grouping.yaml (shipped)", reader.ReadToEnd());
    }

    /// <summary>The data directory's override when it has one, else the shipped policy.</summary>
    public static GroupingPolicy LoadFor(string? dataDirectory)
    {
        var file = dataDirectory is null ? null : Path.Combine(dataDirectory, OverridePath);
        return file is not null && File.Exists(file) ? Load(file, File.ReadAllText(file)) : LoadDefault();
    }

    public static GroupingPolicy Load(string origin, string yaml)
    {
        var problems = new List<string>();
        var root = ReadRoot(origin, yaml, problems);
        var rules = new List<GroupingRule>();
        var ignored = new List<Entity>();
        if (root is not null)
        {
            var reader = new PolicyReader(origin, problems);
            reader.OnlyKeys(root, TopLevel);
            var defaults = reader.Map(root, "defaults");
            var lookback = defaults is null ? GroupingPolicy.DefaultLookback : reader.Duration(defaults, "lookback", GroupingPolicy.DefaultLookback);
            var maxAlerts = defaults is null ? GroupingPolicy.DefaultMaxAlerts : reader.Count(defaults, "max_alerts", GroupingPolicy.DefaultMaxAlerts);
            if (defaults is not null)
            {
                reader.OnlyKeys(defaults, ["lookback", "max_alerts"]);
            }

            ReadIgnored(reader, reader.Map(root, "ignore"), ignored);
            if (root.Children.TryGetValue(new YamlScalarNode("rules"), out var rulesNode) && rulesNode is YamlSequenceNode sequence)
            {
                foreach (var node in sequence)
                {
                    if (ReadRule(reader, node, lookback, maxAlerts) is { } rule)
                    {
                        rules.Add(rule);
                    }
                }
            }
            else
            {
                problems.Add($"{origin}:{root.Start.Line}: expected a 'rules' list");
            }
        }

        return problems.Count == 0 ? new GroupingPolicy(origin, rules, ignored) : throw new GroupingPolicyException(problems);
    }

    private static YamlMappingNode? ReadRoot(string origin, string yaml, List<string> problems)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            problems.Add($"{origin}:{ex.Start.Line}: {ex.Message}");
            return null;
        }

        if (stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode root)
        {
            return root;
        }

        problems.Add($"{origin}:1: expected one YAML document holding a mapping");
        return null;
    }

    private static void ReadIgnored(PolicyReader reader, YamlMappingNode? ignore, List<Entity> ignored)
    {
        if (ignore is null)
        {
            return;
        }

        foreach (var (key, _) in ignore.Children)
        {
            var typeName = (key as YamlScalarNode)?.Value;
            if (!EntityTypeNames.TryParse(typeName, out var type))
            {
                reader.Problem(key, $"'{typeName}' is not an entity type");
                continue;
            }

            foreach (var value in reader.Strings(ignore, typeName!))
            {
                if (Entity.TryCreate(type, value, out var entity))
                {
                    ignored.Add(entity);
                }
                else
                {
                    reader.Problem(key, $"'{value}' is not a valid {type.ToWire()}");
                }
            }
        }
    }

    private static GroupingRule? ReadRule(PolicyReader reader, YamlNode node, TimeSpan lookback, int maxAlerts)
    {
        if (node is not YamlMappingNode map)
        {
            reader.Problem(node, "each rule must be a mapping");
            return null;
        }

        var before = reader.ProblemCount;
        reader.OnlyKeys(map, RuleKeys);
        var name = reader.Scalar(map, "name");
        if (string.IsNullOrWhiteSpace(name))
        {
            reader.Problem(map, "a rule needs a 'name'");
        }

        var when = AlertSelector.Everything;
        if (reader.Map(map, "when") is { } selector)
        {
            reader.OnlyKeys(selector, SelectorKeys);
            when = new AlertSelector(reader.Strings(selector, "source"), reader.Strings(selector, "title"), reader.Strings(selector, "rule"), reader.Strings(selector, "tag"));
        }

        var typeNames = reader.Strings(map, "entity_types");
        var types = new HashSet<EntityType>();
        foreach (var typeName in typeNames)
        {
            if (EntityTypeNames.TryParse(typeName, out var type))
            {
                types.Add(type);
            }
            else
            {
                reader.Problem(map, $"'{typeName}' in entity_types is not an entity type");
            }
        }

        var mode = reader.Scalar(map, "group_by") switch
        {
            "any" => GroupingMode.Any,
            "all" or "selected" => GroupingMode.All,
            "none" or "never" => GroupingMode.Never,
            null => reader.Problem(map, "'group_by' is required (any, all, selected or none)", GroupingMode.Never),
            var other => reader.Problem(map, $"'group_by' must be any, all, selected or none, not '{other}'", GroupingMode.Never),
        };
        if (reader.Scalar(map, "group_by") == "selected" && types.Count == 0)
        {
            reader.Problem(map, "'group_by: selected' needs 'entity_types'");
        }

        var rule = new GroupingRule
        {
            Name = name ?? string.Empty,
            When = when,
            Mode = mode,
            EntityTypes = types.Count > 0 ? types : GroupingPolicy.DefaultEntityTypes,
            SelectedTypes = types.Count > 0,
            Lookback = reader.Duration(map, "lookback", lookback),
            MaxAlerts = reader.Count(map, "max_alerts", maxAlerts),
        };
        return reader.ProblemCount == before ? rule : null;
    }

    /// <summary>Reads fields and collects problems as "file:line: what".</summary>
    private sealed class PolicyReader(string origin, List<string> problems)
    {
        public int ProblemCount => problems.Count;

        public void Problem(YamlNode node, string message) => problems.Add($"{origin}:{node.Start.Line}: {message}");

        public T Problem<T>(YamlNode node, string message, T fallback)
        {
            Problem(node, message);
            return fallback;
        }

        public void OnlyKeys(YamlMappingNode map, string[] known)
        {
            foreach (var key in map.Children.Keys)
            {
                if (key is not YamlScalarNode { Value: { } name } || Array.IndexOf(known, name) < 0)
                {
                    Problem(key, $"unknown key '{(key as YamlScalarNode)?.Value}' (known: {string.Join(", ", known)})");
                }
            }
        }

        public YamlMappingNode? Map(YamlMappingNode map, string key)
        {
            if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
            {
                return null;
            }

            return node as YamlMappingNode ?? Problem<YamlMappingNode?>(node, $"'{key}' must be a mapping", null);
        }

        public string? Scalar(YamlMappingNode map, string key)
        {
            if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
            {
                return null;
            }

            return node is YamlScalarNode scalar ? scalar.Value?.Trim() : Problem<string?>(node, $"'{key}' must be a single value", null);
        }

        /// <summary>A single value or a list of values.</summary>
        public IReadOnlyList<string> Strings(YamlMappingNode map, string key)
        {
            if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
            {
                return [];
            }

            return node switch
            {
                YamlScalarNode { Value: { } one } => [one.Trim()],
                YamlSequenceNode list when list.All(item => item is YamlScalarNode) =>
                    [.. list.Cast<YamlScalarNode>().Select(item => item.Value?.Trim() ?? string.Empty).Where(v => v.Length > 0)],
                _ => Problem<IReadOnlyList<string>>(node, $"'{key}' must be a value or a list of values", []),
            };
        }

        public TimeSpan Duration(YamlMappingNode map, string key, TimeSpan fallback)
        {
            var text = Scalar(map, key);
            if (text is null)
            {
                return fallback;
            }

            if (text.Length > 1 && long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount > 0)
            {
                switch (text[^1])
                {
                    case 's': return TimeSpan.FromSeconds(amount);
                    case 'm': return TimeSpan.FromMinutes(amount);
                    case 'h': return TimeSpan.FromHours(amount);
                    case 'd': return TimeSpan.FromDays(amount);
                }
            }

            return Problem(map, $"'{key}' must be a duration such as 90s, 30m, 4h or 7d, not '{text}'", fallback);
        }

        public int Count(YamlMappingNode map, string key, int fallback)
        {
            var text = Scalar(map, key);
            if (text is null)
            {
                return fallback;
            }

            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
                ? count
                : Problem(map, $"'{key}' must be a positive whole number, not '{text}'", fallback);
        }
    }
}

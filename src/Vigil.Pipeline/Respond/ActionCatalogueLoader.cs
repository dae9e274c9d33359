using System.Globalization;
using System.Reflection;
using Vigil.Domain.Actions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigil.Pipeline.Respond;

/// <summary>
/// Reads the action catalogue from YAML (content/policy/actions.yaml, shipped embedded; a data directory may
/// override it). Every problem names the file, the line and the field; a catalogue with any problem — YAML or
/// safety rule — is refused whole, because a half-loaded policy is a policy nobody reviewed.
/// </summary>
public static class ActionCatalogueLoader
{
    public const string ResourceName = "Vigil.Content.Policy.actions.yaml";

    private static readonly string[] Known =
        ["type", "title", "connector", "inputs", "blast_radius", "level", "required_evidence", "rollback", "irreversible", "approver_roles", "step_up", "approval_window"];

    /// <summary>The shipped default catalogue.</summary>
    public static ActionCatalogue LoadDefault()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return Load("actions.yaml", reader.ReadToEnd());
    }

    public static ActionCatalogue Load(string fileName, string yaml)
    {
        var problems = new List<string>();
        var definitions = Parse(fileName, yaml, problems);
        var catalogue = ActionCatalogue.Create(definitions, out var ruleProblems);
        problems.AddRange(ruleProblems.Select(p => $"{fileName}: {p}"));
        return problems.Count == 0 ? catalogue : throw new PolicyLoadException(problems);
    }

    private static List<ActionDefinition> Parse(string fileName, string yaml, List<string> problems)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            problems.Add($"{fileName}:{ex.Start.Line}: {ex.Message}");
            return [];
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("actions"), out var actionsNode) || actionsNode is not YamlSequenceNode actions)
        {
            problems.Add($"{fileName}:1: expected one document with an 'actions' list");
            return [];
        }

        var result = new List<ActionDefinition>();
        foreach (var node in actions)
        {
            if (node is not YamlMappingNode map)
            {
                problems.Add($"{fileName}:{node.Start.Line}: each action must be a mapping");
                continue;
            }

            var before = problems.Count;
            var reader = new Fields(fileName, map, problems);
            foreach (var key in map.Children.Keys.OfType<YamlScalarNode>())
            {
                if (Array.IndexOf(Known, key.Value) < 0)
                {
                    problems.Add($"{fileName}:{key.Start.Line}: unknown field '{key.Value}' (known: {string.Join(", ", Known)})");
                }
            }

            var definition = new ActionDefinition
            {
                Type = reader.Required("type"),
                Title = reader.Required("title"),
                Connector = reader.Required("connector"),
                RequiredInputs = reader.List("inputs"),
                BlastRadius = reader.Enum("blast_radius", BlastRadius.None),
                Level = reader.Enum("level", AutomationLevel.HumanApproval),
                RequiredEvidence = reader.List("required_evidence"),
                Rollback = reader.Optional("rollback"),
                Irreversible = reader.Flag("irreversible"),
                ApproverRoles = reader.List("approver_roles"),
                RequiresStepUp = reader.Flag("step_up"),
                ApprovalWindow = reader.Duration("approval_window", TimeSpan.FromHours(4)),
            };
            if (problems.Count == before)
            {
                result.Add(definition);
            }
        }

        return result;
    }

    private sealed class Fields(string fileName, YamlMappingNode map, List<string> problems)
    {
        public string Required(string name)
        {
            var value = Optional(name);
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{fileName}:{map.Start.Line}: '{name}' is required");
                return string.Empty;
            }

            return value;
        }

        public string? Optional(string name) =>
            map.Children.TryGetValue(new YamlScalarNode(name), out var node) ? Scalar(name, node) : null;

        public IReadOnlyList<string> List(string name)
        {
            if (!map.Children.TryGetValue(new YamlScalarNode(name), out var node))
            {
                return [];
            }

            if (node is YamlSequenceNode sequence)
            {
                return sequence.Select(item => Scalar(name, item) ?? string.Empty).Where(s => s.Length > 0).ToArray();
            }

            problems.Add($"{fileName}:{node.Start.Line}: '{name}' must be a list");
            return [];
        }

        public bool Flag(string name) => Optional(name) switch
        {
            null or "false" => false,
            "true" => true,
            var other => Problem(name, $"expected true or false, got '{other}'", false),
        };

        public T Enum<T>(string name, T fallback)
            where T : struct, System.Enum
        {
            var text = Optional(name);
            if (text is null)
            {
                return Problem(name, $"is required ({string.Join(", ", System.Enum.GetNames<T>().Select(Snake))})", fallback);
            }

            foreach (var value in System.Enum.GetValues<T>())
            {
                if (Snake(value.ToString()) == text)
                {
                    return value;
                }
            }

            return Problem(name, $"unknown value '{text}' (expected {string.Join(", ", System.Enum.GetNames<T>().Select(Snake))})", fallback);
        }

        public TimeSpan Duration(string name, TimeSpan fallback)
        {
            var text = Optional(name);
            if (text is null)
            {
                return fallback;
            }

            var unit = text[^1];
            if (text.Length > 1 && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount > 0)
            {
                switch (unit)
                {
                    case 'm': return TimeSpan.FromMinutes(amount);
                    case 'h': return TimeSpan.FromHours(amount);
                    case 'd': return TimeSpan.FromDays(amount);
                }
            }

            return Problem(name, $"expected a duration like 30m, 4h or 1d, got '{text}'", fallback);
        }

        private string? Scalar(string name, YamlNode node)
        {
            if (node is YamlScalarNode scalar)
            {
                return scalar.Value?.Trim();
            }

            problems.Add($"{fileName}:{node.Start.Line}: '{name}' must be a single value");
            return null;
        }

        private T Problem<T>(string name, string message, T fallback)
        {
            var line = map.Children.TryGetValue(new YamlScalarNode(name), out var node) ? node.Start.Line : map.Start.Line;
            problems.Add($"{fileName}:{line}: '{name}' {message}");
            return fallback;
        }

        private static string Snake(string pascal) =>
            string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
    }
}

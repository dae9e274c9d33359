using System.Text;
using System.Text.RegularExpressions;

namespace Vigil.Pipeline.Learn;

/// <summary>
/// Adds an exclusion to a Sigma rule's text: a new selection under <c>detection:</c> and the condition rewritten to
/// <c>(old) and not filter</c>. The rest of the file is kept byte for byte, so the diff shows exactly the tuning.
/// </summary>
public static partial class RuleFilterWriter
{
    public static string AddFilter(string ruleYaml, string filterName, IReadOnlyList<(string Field, IReadOnlyList<string> Values)> filter)
    {
        var lines = ruleYaml.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var detection = lines.FindIndex(l => DetectionLine().IsMatch(l));
        if (detection < 0)
        {
            throw new InvalidDataException("the rule has no top-level 'detection:' block");
        }

        var condition = -1;
        for (var i = detection + 1; i < lines.Count && (lines[i].Length == 0 || char.IsWhiteSpace(lines[i][0]) || lines[i].StartsWith('#')); i++)
        {
            if (ConditionLine().Match(lines[i]) is { Success: true })
            {
                condition = i;
                break;
            }
        }

        if (condition < 0)
        {
            throw new InvalidDataException("the rule's detection has no single-line 'condition:'");
        }

        var match = ConditionLine().Match(lines[condition]);
        var indent = match.Groups["indent"].Value;
        var old = Unquote(match.Groups["value"].Value.Trim());
        if (old.Length == 0 || old.StartsWith('|') || old.StartsWith('>') || old.StartsWith('-'))
        {
            throw new InvalidDataException("the rule's condition is a list or a block scalar; tune it by hand");
        }

        var inner = indent + (indent.Length == 0 ? "    " : indent);
        var block = new List<string> { $"{indent}{filterName}:" };
        foreach (var (field, values) in filter)
        {
            if (values.Count == 1)
            {
                block.Add($"{inner}{field}: {Quote(values[0])}");
            }
            else
            {
                block.Add($"{inner}{field}:");
                block.AddRange(values.Select(v => $"{inner}    - {Quote(v)}"));
            }
        }

        block.Add($"{indent}condition: ({old}) and not {filterName}");
        lines.RemoveAt(condition);
        lines.InsertRange(condition, block);
        return string.Join('\n', lines);
    }

    /// <summary>A literal value in Sigma notation (backslash escapes *, ? and itself) inside YAML single quotes.</summary>
    public static string Quote(string value)
    {
        var sigma = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (c is '*' or '?' or '\\')
            {
                sigma.Append('\\');
            }

            sigma.Append(c);
        }

        return "'" + sigma.ToString().Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && ((value[0] == '\'' && value[^1] == '\'') || (value[0] == '"' && value[^1] == '"')) ? value[1..^1] : value;

    [GeneratedRegex(@"^detection:\s*(#.*)?$")]
    private static partial Regex DetectionLine();

    [GeneratedRegex(@"^(?<indent>\s+)condition:(?<value>.*)$")]
    private static partial Regex ConditionLine();
}

using System.Text.Json;
using System.Text.RegularExpressions;

namespace Vigil.Pipeline.Normalize.Mapping;

/// <summary>
/// One test on an event (or on an array element inside an 'each' block): a field exists, is absent, equals one
/// of some values, starts with or contains a text, or matches a regular expression. Reads the first value a path reaches.
/// </summary>
internal sealed class Condition
{
    public required FieldPath Path { get; init; }

    public required ConditionKind Kind { get; init; }

    public string[] Values { get; init; } = [];

    public Regex? Pattern { get; init; }

    public string Describe() => Kind switch
    {
        ConditionKind.Exists => $"{Path} exists",
        ConditionKind.Absent => $"{Path} absent",
        ConditionKind.Equals => $"{Path} = {string.Join(" | ", Values)}",
        ConditionKind.Prefix => $"{Path} starts with {Values[0]}",
        ConditionKind.Contains => $"{Path} contains {Values[0]}",
        ConditionKind.Regex => $"{Path} ~ {Pattern}",
        _ => Path.Text,
    };

    public bool Holds(JsonElement scope, JsonElement root)
    {
        var element = Path.First(scope, root);
        var present = element.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null);
        if (Kind == ConditionKind.Exists)
        {
            return present;
        }

        if (Kind == ConditionKind.Absent)
        {
            return !present;
        }

        if (!present || !MappedValue.TryFromElement(element, out var value) || !value.IsScalar)
        {
            return false;
        }

        var text = value.AsText();
        return Kind switch
        {
            ConditionKind.Equals => Array.IndexOf(Values, text) >= 0,
            ConditionKind.Prefix => text.StartsWith(Values[0], StringComparison.Ordinal),
            ConditionKind.Contains => text.Contains(Values[0], StringComparison.Ordinal),
            ConditionKind.Regex => Pattern!.IsMatch(text),
            _ => false,
        };
    }

    public static bool All(Condition[] conditions, JsonElement scope, JsonElement root)
    {
        foreach (var condition in conditions)
        {
            if (!condition.Holds(scope, root))
            {
                return false;
            }
        }

        return true;
    }
}

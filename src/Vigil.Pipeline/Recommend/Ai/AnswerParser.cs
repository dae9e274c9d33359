using System.Text.Json;

namespace Vigil.Pipeline.Recommend.Ai;

/// <summary>
/// Checks a model's answer against <see cref="AnswerSchema"/> by hand (required members, types, no extra members,
/// the size limits) and reads it. A model may ignore the response format, so nothing is assumed: the first
/// deviation is returned as a problem naming its JSON path, and the answer is refused whole.
/// </summary>
public static class AnswerParser
{
    public static ParsedAnswer? Parse(string? text, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "$: the answer is empty";
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(StripFence(text), new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            problem = $"$: not JSON ({ex.Message})";
            return null;
        }

        using (document)
        {
            try
            {
                var root = document.RootElement;
                Only(root, "$", "summary", "hypothesis", "claims", "proposed_actions");
                var hypothesis = Required(root, "hypothesis", "$", JsonValueKind.Object);
                var claims = Items(root, "claims", "$", AnswerSchema.MaxClaims);
                var actions = Items(root, "proposed_actions", "$", AnswerSchema.MaxActions);
                return new ParsedAnswer
                {
                    Summary = Text(root, "summary", "$"),
                    Hypothesis = ReadClaim(hypothesis, "$.hypothesis"),
                    Claims = claims.Select((c, i) => ReadClaim(c, $"$.claims[{i}]")).ToArray(),
                    Actions = actions.Select((a, i) => ReadAction(a, $"$.proposed_actions[{i}]")).ToArray(),
                };
            }
            catch (SchemaException ex)
            {
                problem = ex.Message;
                return null;
            }
        }
    }

    /// <summary>Some models wrap JSON in a markdown fence even when asked not to; the fence is not content.</summary>
    private static string StripFence(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal))
        {
            return trimmed;
        }

        var firstLine = trimmed.IndexOf('\n', StringComparison.Ordinal);
        var end = trimmed.LastIndexOf("```", StringComparison.Ordinal);
        return firstLine > 0 && end > firstLine ? trimmed[(firstLine + 1)..end] : trimmed;
    }

    private static Claim ReadClaim(JsonElement element, string path)
    {
        Only(element, path, "text", "evidence_ids");
        return new Claim { Text = Text(element, "text", path), EvidenceIds = Strings(element, "evidence_ids", path), Origin = "llm" };
    }

    private static ParsedAction ReadAction(JsonElement element, string path)
    {
        Only(element, path, "type", "inputs", "rationale", "evidence_ids");
        var inputs = Required(element, "inputs", path, JsonValueKind.Object);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in inputs.EnumerateObject())
        {
            map[property.Name] = property.Value.ValueKind == JsonValueKind.String
                ? property.Value.GetString()!
                : throw new SchemaException($"{path}.inputs.{property.Name}: must be a string");
        }

        return new ParsedAction(Text(element, "type", path), map, Text(element, "rationale", path), Strings(element, "evidence_ids", path));
    }

    private static void Only(JsonElement element, string path, params string[] names)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new SchemaException($"{path}: must be an object");
        }

        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(names, property.Name) < 0)
            {
                throw new SchemaException($"{path}.{property.Name}: not allowed by the schema");
            }
        }
    }

    private static JsonElement Required(JsonElement element, string name, string path, JsonValueKind kind) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind == kind ? value : throw new SchemaException($"{path}.{name}: must be {kind.ToString().ToLowerInvariant()}")
            : throw new SchemaException($"{path}.{name}: is required");

    private static string Text(JsonElement element, string name, string path)
    {
        var text = Required(element, name, path, JsonValueKind.String).GetString()!;
        return text.Length <= AnswerSchema.MaxText ? text : throw new SchemaException($"{path}.{name}: longer than {AnswerSchema.MaxText} characters");
    }

    private static string[] Strings(JsonElement element, string name, string path) =>
        Required(element, name, path, JsonValueKind.Array).EnumerateArray()
            .Select((item, i) => item.ValueKind == JsonValueKind.String ? item.GetString()! : throw new SchemaException($"{path}.{name}[{i}]: must be a string"))
            .ToArray();

    private static JsonElement[] Items(JsonElement element, string name, string path, int max)
    {
        var items = Required(element, name, path, JsonValueKind.Array).EnumerateArray().ToArray();
        return items.Length <= max ? items : throw new SchemaException($"{path}.{name}: more than {max} items");
    }

    private sealed class SchemaException(string message) : Exception(message);
}

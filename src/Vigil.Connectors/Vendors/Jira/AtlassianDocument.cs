using System.Text.Json.Nodes;

namespace Vigil.Connectors.Vendors.Jira;

/// <summary>
/// Atlassian Document Format for Jira Cloud's v3 rich-text fields: one paragraph of plain text nodes per line. Text
/// nodes are never parsed as markup, so attacker-controlled alert text stays text.
/// </summary>
internal static class AtlassianDocument
{
    public static JsonObject From(string text) => new()
    {
        ["type"] = "doc",
        ["version"] = 1,
        ["content"] = new JsonArray(text.ReplaceLineEndings("\n").Split('\n')
            .Select(line => (JsonNode)new JsonObject
            {
                ["type"] = "paragraph",
                ["content"] = line.Length == 0 ? new JsonArray() : new JsonArray(new JsonObject { ["type"] = "text", ["text"] = line }),
            })
            .ToArray()),
    };
}

using System.Globalization;
using System.Text.Json;

namespace Vigil.Pipeline.Enrich.Context;

/// <summary>A JSON object as context fields (snake_case names); lists are arrays or ';'-separated strings.</summary>
internal sealed class JsonContextFields(string file, int index, JsonElement item) : IContextFields
{
    public string File => file;

    public string Location => string.Create(CultureInfo.InvariantCulture, $"index {index}");

    public string? Text(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (item.TryGetProperty(name, out var value))
            {
                return Scalar(value);
            }
        }

        return null;
    }

    public IReadOnlyList<string> List(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (item.TryGetProperty(name, out var value))
            {
                return value.ValueKind == JsonValueKind.Array
                    ? [.. value.EnumerateArray().Select(Scalar).OfType<string>()]
                    : Scalar(value)?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            }
        }

        return [];
    }

    public IReadOnlyList<TravelEntry> Travel(string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select((t, i) => t.ValueKind == JsonValueKind.Object
                ? new TravelEntry($"item {i}", Get(t, "country"), Get(t, "city"), Get(t, "from"), Get(t, "to"))
                : new TravelEntry($"item {i} (expected an object)", null, null, null, null))]
            : [];

    private static string? Get(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) ? Scalar(value) : null;

    private static string? Scalar(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}

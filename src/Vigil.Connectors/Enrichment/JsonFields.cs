using System.Globalization;
using System.Text.Json;

namespace Vigil.Connectors.Enrichment;

/// <summary>Optional reads along a dotted path ("data.attributes.country") of a vendor's JSON; absent or mistyped is null.</summary>
internal static class JsonFields
{
    public static JsonElement? At(JsonElement root, string path)
    {
        var current = root;
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.ValueKind == JsonValueKind.Array && int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                if (index >= current.GetArrayLength())
                {
                    return null;
                }

                current = current[index];
            }
            else if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
            {
                return null;
            }
        }

        return current.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : current;
    }

    /// <summary>A scalar as text (strings as they are, numbers and booleans in invariant form).</summary>
    public static string? Text(JsonElement root, string path) => At(root, path) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        _ => null,
    };

    public static long? Number(JsonElement root, string path) =>
        At(root, path) is { ValueKind: JsonValueKind.Number } n && n.TryGetInt64(out var value) ? value : null;

    public static double? Real(JsonElement root, string path) =>
        At(root, path) is { ValueKind: JsonValueKind.Number } n ? n.GetDouble() : null;

    public static bool? Flag(JsonElement root, string path) => At(root, path)?.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public static string[] Strings(JsonElement root, string path) =>
        At(root, path) is { ValueKind: JsonValueKind.Array } array
            ? [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : [];
}

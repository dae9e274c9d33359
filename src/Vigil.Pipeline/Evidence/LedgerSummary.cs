using System.Text;
using System.Text.Json;

namespace Vigil.Pipeline.Evidence;

/// <summary>A one-line reading of a ledger payload for timelines and reports: its scalar fields, in order, shortened.</summary>
public static class LedgerSummary
{
    private const int MaxLength = 240;

    public static string Of(string kind, string payload)
    {
        var text = new StringBuilder();
        try
        {
            using var document = JsonDocument.Parse(payload);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    var value = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString(),
                        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                        JsonValueKind.Array => $"[{property.Value.GetArrayLength()}]",
                        _ => null,
                    };
                    if (!string.IsNullOrEmpty(value) && text.Length < MaxLength)
                    {
                        text.Append(text.Length == 0 ? string.Empty : ", ").Append(property.Name).Append('=').Append(value);
                    }
                }
            }
        }
        catch (JsonException)
        {
            // A payload that is not JSON (a disposed one) is summarised by its kind alone.
        }

        var summary = text.Length == 0 ? kind : text.ToString();
        return summary.Length <= MaxLength ? summary : string.Concat(summary.AsSpan(0, MaxLength - 1), "…");
    }
}

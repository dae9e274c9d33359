using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Connectors.Pull;

/// <summary>
/// What an HTTP poller stores as its checkpoint cursor: where to read next (a URL, a token or a field value) and how
/// many items at that position were already committed. The skip is what makes resuming exact: an API's last page is
/// read again on the next run (it is where new items appear), and the items already stored from it are passed over.
/// </summary>
internal sealed record PollerCursor(
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("token")] string? Token,
    [property: JsonPropertyName("value")] string? Value,
    [property: JsonPropertyName("skip")] int Skip)
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static PollerCursor Start { get; } = new(null, null, null, 0);

    public static PollerCursor Read(string? text) =>
        string.IsNullOrEmpty(text) ? Start : JsonSerializer.Deserialize<PollerCursor>(text, Json) ?? Start;

    public string Write() => JsonSerializer.Serialize(this, Json);
}

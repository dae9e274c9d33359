using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Pipeline.Evidence;

/// <summary>
/// Serialises ledger payloads to the compact JSON text that is hashed and stored. One set of options, so the same
/// record always yields the same bytes.
/// </summary>
public static class LedgerPayload
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Payloads quote attacker-controlled text; escaping keeps them inert if a viewer forgets to escape.
        Encoder = JavaScriptEncoder.Default,
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string From<T>(T payload) => JsonSerializer.Serialize(payload, Options);
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Pipeline.Evidence;

/// <summary>The one set of JSON rules for evidence packages and reports: snake_case, HTML-significant characters escaped.</summary>
public static class PackageJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Packages quote attacker-controlled text; escaping <, >, & and quotes keeps it inert in any viewer.
        Encoder = JavaScriptEncoder.Default,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The same rules on one line, for JSON-lines exports.</summary>
    public static JsonSerializerOptions Compact { get; } = new(Options) { WriteIndented = false };

    /// <summary>Strict reading for verification: unknown fields are refused, so nothing unsigned hides in a package.</summary>
    public static JsonSerializerOptions Strict { get; } = new(Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };
}

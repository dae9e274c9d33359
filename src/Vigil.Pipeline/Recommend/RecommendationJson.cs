using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Pipeline.Recommend;

/// <summary>The stored form of a recommendation: the same snake_case JSON the API shows, so a version reads back exactly.</summary>
public static class RecommendationJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // Claims quote entity values that attackers chose; escaped JSON keeps them inert in any viewer.
        Encoder = JavaScriptEncoder.Default,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    public static string Serialize(Recommendation recommendation) => JsonSerializer.Serialize(recommendation, Options);

    public static Recommendation Deserialize(string json) =>
        JsonSerializer.Deserialize<Recommendation>(json, Options) ?? throw new JsonException("a stored recommendation is empty");
}

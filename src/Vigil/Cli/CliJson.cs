using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Cli;

/// <summary>JSON as the CLI prints it for machines: snake_case, enums as words, one object per line.</summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Line<T>(T value) => JsonSerializer.Serialize(value, Options);
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Storage.Enrich;

/// <summary>
/// How context records and indicators are kept in their <c>record</c> column: snake_case names and enum names, the
/// same spelling the import files and the API use, so a row can be read by eye.
/// </summary>
internal static class EnrichJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"stored {typeof(T).Name} is empty");
}

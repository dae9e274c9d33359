using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Hosting;

/// <summary>
/// The API's one set of JSON rules: snake_case names and enums, and strict reading — an unknown field or a wrong
/// type is a 400 naming it, never silently dropped (a dropped field in a security tool is lost evidence).
/// </summary>
internal static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new ActorJsonConverter());
    }
}

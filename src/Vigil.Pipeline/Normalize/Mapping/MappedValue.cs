using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Pipeline.Normalize.Mapping;

/// <summary>
/// A value flowing through a mapping expression. A struct, so that reading a field and transforming it
/// allocates nothing beyond the strings a transform itself makes.
/// </summary>
internal readonly struct MappedValue
{
    private MappedValue(MappedValueKind kind, string? text, long integer, double real, JsonElement element)
    {
        Kind = kind;
        Text = text;
        Integer = integer;
        Real = real;
        Element = element;
    }

    public MappedValueKind Kind { get; }

    public string? Text { get; }

    public long Integer { get; }

    public double Real { get; }

    public JsonElement Element { get; }

    public bool IsScalar => Kind != MappedValueKind.Json;

    public static MappedValue FromString(string text) => new(MappedValueKind.String, text, 0, 0, default);

    public static MappedValue FromInteger(long value) => new(MappedValueKind.Integer, null, value, 0, default);

    public static MappedValue FromReal(double value) => new(MappedValueKind.Real, null, 0, value, default);

    public static MappedValue FromBoolean(bool value) => new(MappedValueKind.Boolean, null, value ? 1 : 0, 0, default);

    /// <summary>Null and undefined elements yield no value: OCSF omits what the source does not say.</summary>
    public static bool TryFromElement(JsonElement element, out MappedValue value)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                value = FromString(element.GetString()!);
                return true;
            case JsonValueKind.Number:
                value = element.TryGetInt64(out var integer) ? FromInteger(integer) : FromReal(element.GetDouble());
                return true;
            case JsonValueKind.True:
            case JsonValueKind.False:
                value = FromBoolean(element.ValueKind == JsonValueKind.True);
                return true;
            case JsonValueKind.Object:
            case JsonValueKind.Array:
                value = new MappedValue(MappedValueKind.Json, null, 0, 0, element);
                return true;
            default:
                value = default;
                return false;
        }
    }

    public string AsText() => Kind switch
    {
        MappedValueKind.String => Text!,
        MappedValueKind.Integer => Integer.ToString(CultureInfo.InvariantCulture),
        MappedValueKind.Real => Real.ToString("R", CultureInfo.InvariantCulture),
        MappedValueKind.Boolean => Integer != 0 ? "true" : "false",
        MappedValueKind.Json => Element.GetRawText(),
        _ => "",
    };

    public JsonNode ToNode() => Kind switch
    {
        MappedValueKind.String => JsonValue.Create(Text!),
        MappedValueKind.Integer => JsonValue.Create(Integer),
        MappedValueKind.Real => JsonValue.Create(Real),
        MappedValueKind.Boolean => JsonValue.Create(Integer != 0),
        MappedValueKind.Json => Element.ValueKind == JsonValueKind.Object
            ? JsonObject.Create(Element)!
            : JsonArray.Create(Element)!,
        _ => throw new InvalidOperationException($"Unknown value kind {Kind}."),
    };

    /// <summary>The JSON kind name used in drift reports ("string", "number", "object"…).</summary>
    public string KindName => Kind switch
    {
        MappedValueKind.String => "string",
        MappedValueKind.Integer or MappedValueKind.Real => "number",
        MappedValueKind.Boolean => "boolean",
        _ => Element.ValueKind == JsonValueKind.Object ? "object" : "array",
    };
}

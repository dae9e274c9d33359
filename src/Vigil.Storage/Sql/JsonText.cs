using System.Buffers;
using System.Text;
using System.Text.Json;
using Vigil.Domain.Entities;

namespace Vigil.Storage.Sql;

/// <summary>
/// JSON text for list columns (entities, tags, scopes, roles). Written with Utf8JsonWriter into a reused buffer:
/// alert ingestion serialises entities for every new alert, and reflection-based serialisation costs several
/// times more per call.
/// </summary>
internal sealed class JsonText
{
    // Relaxed escaping keeps non-ASCII values readable in the column; this JSON is only ever parsed back here, never
    // embedded in HTML, which is what the default encoder's extra escaping guards against.
    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _writer;

    public JsonText() => _writer = new Utf8JsonWriter(_buffer, Options);

    public string Entities(IReadOnlyList<Entity> entities)
    {
        Reset();
        _writer.WriteStartArray();
        foreach (var entity in entities)
        {
            _writer.WriteStartObject();
            _writer.WriteString("type"u8, entity.Type.ToWire());
            _writer.WriteString("value"u8, entity.Value);
            _writer.WriteEndObject();
        }

        _writer.WriteEndArray();
        return Finish();
    }

    public string Strings(IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return "[]";
        }

        Reset();
        _writer.WriteStartArray();
        foreach (var value in values)
        {
            _writer.WriteStringValue(value);
        }

        _writer.WriteEndArray();
        return Finish();
    }

    public static IReadOnlyList<Entity> ParseEntities(string json)
    {
        if (json == "[]")
        {
            return [];
        }

        var result = new List<Entity>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        string? type = null;
        string? value = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    type = null;
                    value = null;
                    break;
                case JsonTokenType.PropertyName when reader.ValueTextEquals("type"u8):
                    reader.Read();
                    type = reader.GetString();
                    break;
                case JsonTokenType.PropertyName when reader.ValueTextEquals("value"u8):
                    reader.Read();
                    value = reader.GetString();
                    break;
                case JsonTokenType.EndObject:
                    result.Add(ToEntity(type, value));
                    break;
            }
        }

        return result;
    }

    public static IReadOnlyList<string> ParseStrings(string json)
    {
        if (json == "[]")
        {
            return [];
        }

        var result = new List<string>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                result.Add(reader.GetString()!);
            }
        }

        return result;
    }

    public static Entity ToEntity(string? type, string? value) =>
        EntityTypeNames.TryParse(type, out var parsed) && Entity.TryCreate(parsed, value, out var entity)
            ? entity
            : throw new InvalidDataException($"stored entity '{type}:{value}' is not valid");

    private void Reset()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
    }

    private string Finish()
    {
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }
}

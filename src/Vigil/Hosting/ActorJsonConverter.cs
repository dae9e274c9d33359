using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Domain.Ledger;

namespace Vigil.Hosting;

/// <summary>Writes an actor as its ledger text ("apikey:siem-forwarder"), the same form the hash covers.</summary>
internal sealed class ActorJsonConverter : JsonConverter<Actor>
{
    public override Actor Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Actor.Parse(reader.GetString() ?? throw new JsonException("an actor must be a string"));

    public override void Write(Utf8JsonWriter writer, Actor value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

using System.Text.Json;

namespace Vigil.Pipeline.Enrich.Intel.Misp;

/// <summary>
/// Indicators from MISP JSON: one event (<c>{"Event": {...}}</c>), a list of events, the REST search wrapper
/// (<c>{"response": [...]}</c>), or an attribute search (<c>{"response": {"Attribute": [...]}}</c>). Attributes of
/// the event and of its objects are read; deleted ones are skipped, and so are those with <c>to_ids</c> false unless
/// asked for, because MISP marks with to_ids what is fit for detection. The creator organisation (Orgc) is the
/// source; the event info is the description; event and attribute tags (tlp:amber, ...) become labels.
/// </summary>
public static partial class MispImporter
{
    public static IndicatorImport Import(string json, string source, MispImportOptions? options = null)
    {
        options ??= new MispImportOptions();
        var tally = new ImportTally(source);
        try
        {
            using var document = JsonDocument.Parse(json);
            var events = Events(document.RootElement, out var looseAttributes).ToList();
            foreach (var item in events)
            {
                ReadEvent(item, source, options, tally);
            }

            if (looseAttributes is { } attributes)
            {
                var context = new EventContext(source, null, [], options);
                ReadAttributes(attributes, context, tally);
            }

            if (events.Count == 0 && looseAttributes is null)
            {
                tally.Skip(source, "no MISP events (expected {\"Event\": ...}, a list of them, or a {\"response\": ...} wrapper)");
            }
        }
        catch (JsonException e)
        {
            tally.Skip(source, "not JSON: " + e.Message);
        }

        return tally.Complete();
    }

    private static IEnumerable<JsonElement> Events(JsonElement root, out JsonElement? looseAttributes)
    {
        looseAttributes = null;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("response", out var response))
        {
            root = response;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("Attribute", out var attributes))
            {
                looseAttributes = attributes;
                return [];
            }
        }

        var items = root.ValueKind == JsonValueKind.Array ? [.. root.EnumerateArray()] : new List<JsonElement> { root };
        return items
            .Where(i => i.ValueKind == JsonValueKind.Object)
            .Select(i => i.TryGetProperty("Event", out var inner) ? inner : i)
            .Where(e => e.ValueKind == JsonValueKind.Object && (e.TryGetProperty("Attribute", out _) || e.TryGetProperty("Object", out _)));
    }

    private static void ReadEvent(JsonElement item, string source, MispImportOptions options, ImportTally tally)
    {
        var organisation = item.TryGetProperty("Orgc", out var orgc) ? Text(orgc, "name") : null;
        var context = new EventContext(organisation ?? source, Text(item, "info"), Tags(item), options);
        if (item.TryGetProperty("Attribute", out var attributes))
        {
            ReadAttributes(attributes, context, tally);
        }

        if (item.TryGetProperty("Object", out var objects) && objects.ValueKind == JsonValueKind.Array)
        {
            foreach (var obj in objects.EnumerateArray())
            {
                if (Flag(obj, "deleted"))
                {
                    tally.Skip(Text(obj, "uuid") ?? "object", "object deleted");
                }
                else if (obj.TryGetProperty("Attribute", out var objectAttributes))
                {
                    ReadAttributes(objectAttributes, context with { ObjectName = Text(obj, "name") }, tally);
                }
            }
        }
    }

    private static void ReadAttributes(JsonElement attributes, EventContext context, ImportTally tally)
    {
        if (attributes.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var attribute in attributes.EnumerateArray())
        {
            tally.Read++;
            ReadAttribute(attribute, context, tally);
        }
    }
}

using System.Text.Json;
using Vigil.Pipeline.Enrich.Tabular;

namespace Vigil.Pipeline.Enrich.Intel.Misp;

public static partial class MispImporter
{
    private static void ReadAttribute(JsonElement attribute, EventContext context, ImportTally tally)
    {
        var id = Text(attribute, "uuid") ?? Text(attribute, "id") ?? "attribute";
        var type = Text(attribute, "type") ?? "";
        var raw = Text(attribute, "value");
        if (Flag(attribute, "deleted"))
        {
            tally.Skip(id, "deleted");
            return;
        }

        var ids = Flag(attribute, "to_ids");
        if (!ids && !context.Options.IncludeNonIds)
        {
            tally.Skip(id, $"{type} attribute has to_ids false");
            return;
        }

        var parts = Split(type, raw);
        if (parts.Count == 0)
        {
            tally.Skip(id, $"attribute type '{type}' is not matched by Vigil");
            return;
        }

        DateTimeOffset? changed = Timestamps.TryParse(Text(attribute, "timestamp"), out var stamp) ? stamp : null;
        var description = string.Join(" — ", new[] { context.Info, context.ObjectName, Text(attribute, "comment") }.Where(s => !string.IsNullOrWhiteSpace(s)));
        foreach (var (kind, text) in parts)
        {
            if (IndicatorValues.Normalize(kind, text) is not { } value)
            {
                tally.Skip(id, $"'{text}' is not a valid {kind.ToWire()} ({type})");
                continue;
            }

            tally.Add(new Indicator
            {
                Type = kind,
                Value = value,
                Confidence = ids ? context.Options.IdsConfidence : context.Options.NonIdsConfidence,
                Source = context.Source,
                OriginId = id,
                FirstSeen = Timestamps.TryParse(Text(attribute, "first_seen"), out var first) ? first : null,
                LastSeen = Timestamps.TryParse(Text(attribute, "last_seen"), out var last) ? last : changed,
                Labels = [.. context.Tags.Concat(Tags(attribute)).Distinct(StringComparer.Ordinal)],
                Description = description.Length == 0 ? null : description,
            });
        }
    }

    /// <summary>
    /// The indicator values inside an attribute. Composite types ("domain|ip", "filename|sha256", "ip-dst|port")
    /// hold two values separated by '|'; the filename and the port are not indicators on their own.
    /// </summary>
    private static List<(IndicatorType Type, string? Value)> Split(string type, string? value)
    {
        var bar = value?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        var left = bar < 0 ? value : value![..bar];
        var right = bar < 0 ? null : value![(bar + 1)..];
        return type switch
        {
            "ip-src" or "ip-dst" => [(Address(value), value)],
            "ip-src|port" or "ip-dst|port" => [(Address(left), left)],
            "domain" or "hostname" => [(IndicatorType.Domain, value)],
            "hostname|port" => [(IndicatorType.Domain, left)],
            "domain|ip" => [(IndicatorType.Domain, left), (Address(right), right)],
            "url" or "link" => [(IndicatorType.Url, value)],
            "md5" => [(IndicatorType.Md5, value)],
            "sha1" => [(IndicatorType.Sha1, value)],
            "sha256" => [(IndicatorType.Sha256, value)],
            "filename|md5" => [(IndicatorType.Md5, right)],
            "filename|sha1" => [(IndicatorType.Sha1, right)],
            "filename|sha256" => [(IndicatorType.Sha256, right)],
            "email" or "email-src" or "email-dst" or "email-reply-to" or "whois-registrant-email" => [(IndicatorType.Email, value)],
            _ => [],
        };
    }

    /// <summary>MISP allows a network in ip-src / ip-dst ("10.0.0.0/8").</summary>
    private static IndicatorType Address(string? value) =>
        value?.Contains('/', StringComparison.Ordinal) == true && IndicatorValues.Normalize(IndicatorType.Ip, value) is null
            ? IndicatorType.Cidr
            : IndicatorType.Ip;

    private static List<string> Tags(JsonElement item) =>
        item.TryGetProperty("Tag", out var tags) && tags.ValueKind == JsonValueKind.Array
            ? [.. tags.EnumerateArray().Select(t => Text(t, "name")).OfType<string>()]
            : [];

    private static string? Text(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>MISP writes booleans as true/false, "1"/"0" or 1/0 depending on version and endpoint.</summary>
    private static bool Flag(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.String => value.GetString() is "1" or "true" or "True",
            JsonValueKind.Number => value.TryGetInt32(out var n) && n != 0,
            _ => false,
        };

    private sealed record EventContext(string Source, string? Info, IReadOnlyList<string> Tags, MispImportOptions Options)
    {
        public string? ObjectName { get; init; }
    }
}

using System.Text.Json;
using Vigil.Pipeline.Enrich.Tabular;

namespace Vigil.Pipeline.Enrich.Intel.Stix;

public static partial class StixBundleImporter
{
    /// <summary>
    /// observed-data (STIX 2.1 section 4.13) points at SCOs with object_refs; the 2.0 form embeds them in "objects".
    /// Each simple SCO becomes an indicator seen between first_observed and last_observed.
    /// </summary>
    private static void ReadObservedData(JsonElement item, BundleContext context, ImportTally tally)
    {
        var id = Text(item, "id") ?? "observed-data without id";
        if (IsRevoked(item))
        {
            tally.Skip(id, "revoked");
            return;
        }

        var observables = Strings(item, "object_refs").Select(r => (Ref: r, Object: context.Find(r))).ToList();
        if (item.TryGetProperty("objects", out var embedded) && embedded.ValueKind == JsonValueKind.Object)
        {
            observables.AddRange(embedded.EnumerateObject().Select(p => (Ref: $"{id}/{p.Name}", Object: (JsonElement?)p.Value)));
        }

        var template = Template(item, context, id) with
        {
            FirstSeen = Time(item, "first_observed"),
            LastSeen = Time(item, "last_observed"),
            Labels = Strings(item, "labels"),
            Description = $"observed in {id}",
        };
        foreach (var (reference, observable) in observables)
        {
            if (observable is not { } sco)
            {
                tally.Skip(id, $"refers to {reference}, which the bundle does not hold");
                continue;
            }

            var before = tally.Count;
            foreach (var (type, raw) in Observables(sco))
            {
                if (IndicatorValues.Normalize(type, raw) is { } value)
                {
                    tally.Add(template with { Type = type, Value = value, OriginId = Text(sco, "id") ?? reference });
                }
            }

            if (tally.Count == before && Text(sco, "type") is not ("network-traffic" or "identity"))
            {
                tally.Skip(reference, $"{Text(sco, "type")} object has nothing Vigil matches");
            }
        }
    }

    private static IEnumerable<(IndicatorType Type, string? Value)> Observables(JsonElement sco)
    {
        var value = Text(sco, "value");
        switch (Text(sco, "type"))
        {
            case "ipv4-addr" or "ipv6-addr":
                yield return (value?.Contains('/', StringComparison.Ordinal) == true ? IndicatorType.Cidr : IndicatorType.Ip, value);
                break;
            case "domain-name":
                yield return (IndicatorType.Domain, value);
                break;
            case "url":
                yield return (IndicatorType.Url, value);
                break;
            case "email-addr":
                yield return (IndicatorType.Email, value);
                break;
            case "file" when sco.TryGetProperty("hashes", out var hashes) && hashes.ValueKind == JsonValueKind.Object:
                foreach (var hash in hashes.EnumerateObject())
                {
                    if (StixObservables.HashType(hash.Name) is { } type)
                    {
                        yield return (type, hash.Value.ValueKind == JsonValueKind.String ? hash.Value.GetString() : null);
                    }
                }

                break;
        }
    }

    /// <summary>Provenance shared by every indicator an object yields; type and value are filled in per observable.</summary>
    private static Indicator Template(JsonElement item, BundleContext context, string id) => new()
    {
        Type = IndicatorType.Ip,
        Value = "",
        Confidence = Confidence(item, context),
        Source = context.SourceOf(item),
        OriginId = id,
    };

    private static bool IsRevoked(JsonElement item) =>
        item.TryGetProperty("revoked", out var revoked) && revoked.ValueKind == JsonValueKind.True;

    private static int Confidence(JsonElement item, BundleContext context) =>
        item.TryGetProperty("confidence", out var c) && c.TryGetInt32(out var value) && value is >= 0 and <= 100
            ? value
            : context.DefaultConfidence;

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Time(JsonElement item, string name) =>
        Timestamps.TryParse(Text(item, name), out var time) ? time : null;

    private static List<string> Strings(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : [];

    private sealed class BundleContext(string source, int defaultConfidence, List<JsonElement> objects)
    {
        private readonly Dictionary<string, JsonElement> _byId = objects
            .Select(o => (Id: Text(o, "id"), Object: o))
            .Where(p => p.Id is not null)
            .DistinctBy(p => p.Id)
            .ToDictionary(p => p.Id!, p => p.Object, StringComparer.Ordinal);

        public int DefaultConfidence { get; } = defaultConfidence;

        public JsonElement? Find(string reference) => _byId.TryGetValue(reference, out var found) ? found : null;

        /// <summary>The creating identity's name, its id when the bundle lacks it, or the import's own source name.</summary>
        public string SourceOf(JsonElement item) =>
            Text(item, "created_by_ref") is not { } creator ? source
            : Find(creator) is { } identity && Text(identity, "name") is { } name ? name
            : creator;
    }
}

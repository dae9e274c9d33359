using System.Text.Json;

namespace Vigil.Pipeline.Enrich.Intel.Stix;

/// <summary>
/// Indicators from a STIX 2.1 bundle: <c>indicator</c> objects with STIX patterns, and the simple cyber-observable
/// objects that <c>observed-data</c> refers to. Revoked objects are skipped; <c>created_by_ref</c> is resolved to the
/// identity's name when the bundle holds it. AND-ed comparisons are kept as compound parts
/// (<see cref="Indicator.CompoundKey"/>) because an analyst wants to know that one part was seen, while the index
/// flags such matches as partial. Nothing in the input makes the import throw: every object that yields no indicator
/// is in the report with its id and the reason.
/// </summary>
public static partial class StixBundleImporter
{
    public static IndicatorImport Import(Stream json, string source, int defaultConfidence = 50)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Import(document.RootElement, source, defaultConfidence);
        }
        catch (JsonException e)
        {
            return NotJson(source, e);
        }
    }

    public static IndicatorImport Import(string json, string source, int defaultConfidence = 50)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Import(document.RootElement, source, defaultConfidence);
        }
        catch (JsonException e)
        {
            return NotJson(source, e);
        }
    }

    private static IndicatorImport NotJson(string source, JsonException e)
    {
        var tally = new ImportTally(source);
        tally.Skip(source, "not JSON: " + e.Message);
        return tally.Complete();
    }

    private static IndicatorImport Import(JsonElement root, string source, int defaultConfidence)
    {
        var tally = new ImportTally(source);
        var objects = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("objects", out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.Object)]
            : root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.Object).ToList() : [];
        if (objects.Count == 0)
        {
            tally.Skip(source, "no STIX objects (expected a bundle with an \"objects\" array)");
            return tally.Complete();
        }

        var context = new BundleContext(source, defaultConfidence, objects);
        foreach (var item in objects)
        {
            switch (Text(item, "type"))
            {
                case "indicator":
                    tally.Read++;
                    ReadIndicator(item, context, tally);
                    break;
                case "observed-data":
                    tally.Read++;
                    ReadObservedData(item, context, tally);
                    break;
            }
        }

        return tally.Complete();
    }

    private static void ReadIndicator(JsonElement item, BundleContext context, ImportTally tally)
    {
        var id = Text(item, "id") ?? "indicator without id";
        if (IsRevoked(item))
        {
            tally.Skip(id, "revoked");
            return;
        }

        var patternType = Text(item, "pattern_type") ?? "stix";
        if (!patternType.Equals("stix", StringComparison.OrdinalIgnoreCase))
        {
            tally.Skip(id, $"pattern_type '{patternType}' is not STIX patterning");
            return;
        }

        if (Text(item, "pattern") is not { } text)
        {
            tally.Skip(id, "no pattern");
            return;
        }

        StixPattern pattern;
        try
        {
            pattern = StixPatternParser.Parse(text);
        }
        catch (StixPatternException e)
        {
            tally.Skip(id, e.Message);
            return;
        }

        var template = Template(item, context, id) with
        {
            FirstSeen = Time(item, "created"),
            LastSeen = Time(item, "modified"),
            ValidFrom = Time(item, "valid_from"),
            ValidUntil = Time(item, "valid_until"),
            Labels = [.. Strings(item, "labels").Concat(Strings(item, "indicator_types")).Distinct(StringComparer.Ordinal)],
            Description = Text(item, "description") ?? Text(item, "name"),
        };
        for (var b = 0; b < pattern.Branches.Count; b++)
        {
            AddBranch(pattern.Branches[b], b, pattern.Branches.Count, template, tally);
        }
    }

    private static void AddBranch(IReadOnlyList<StixComparison> branch, int index, int branchCount, Indicator template, ImportTally tally)
    {
        var parts = new List<Indicator>(branch.Count);
        var where = branchCount == 1 ? template.OriginId : $"{template.OriginId} (alternative {index + 1} of {branchCount})";
        foreach (var comparison in branch)
        {
            if (!StixObservables.TryMap(comparison, out var type, out var value, out var problem))
            {
                tally.Skip(where, branch.Count == 1 ? problem : $"{problem}, so the AND-ed alternative cannot be matched");
                return;
            }

            parts.Add(template with { Type = type, Value = value });
        }

        foreach (var part in parts)
        {
            tally.Add(parts.Count == 1 ? part : part with { CompoundKey = $"{template.OriginId}#{index}", CompoundSize = parts.Count });
        }
    }
}

using System.Text.Json;
using Vigil.Pipeline.Enrich.Intel.Misp;
using Vigil.Pipeline.Enrich.Intel.Stix;

namespace Vigil.Pipeline.Enrich.Intel;

/// <summary>One entry point for every intel format, for the CLI's files and the API's request bodies alike.</summary>
public static class IntelImport
{
    public static IndicatorImport Read(string text, string source, IntelFormat format = IntelFormat.Auto) =>
        (format == IntelFormat.Auto ? Detect(text) : format) switch
        {
            IntelFormat.Stix => StixBundleImporter.Import(text, source),
            IntelFormat.Misp => MispImporter.Import(text, source),
            _ => CsvIndicatorImporter.Import(new StringReader(text), source),
        };

    /// <summary>A JSON object of <c>"type": "bundle"</c> is STIX; any other JSON object or array is MISP; anything else is CSV.</summary>
    public static IntelFormat Detect(string text)
    {
        var start = text.AsSpan().TrimStart();
        if (start.Length == 0 || (start[0] != '{' && start[0] != '['))
        {
            return IntelFormat.Csv;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "bundle"
                ? IntelFormat.Stix
                : IntelFormat.Misp;
        }
        catch (JsonException)
        {
            // Not JSON after all: the MISP importer names the parse error in its report.
            return IntelFormat.Misp;
        }
    }
}

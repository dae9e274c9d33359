using Vigil.Domain.Text;
using System.Globalization;
using Vigil.Pipeline.Enrich.Tabular;

namespace Vigil.Pipeline.Enrich.Context;

/// <summary>
/// A CSV row as context fields. List cells separate items with ';'. A travel cell holds periods separated by ';',
/// each "country|city|from|to" (city may be empty), e.g. "FR|Paris|2026-11-02|2026-11-06".
/// </summary>
internal sealed class CsvContextFields(string file, CsvHeader header, CsvRow row) : IContextFields
{
    public string File => file;

    public string Location => string.Create(CultureInfo.InvariantCulture, $"line {row.Line}");

    public string? Text(params ReadOnlySpan<string> names) => header.Get(row, names);

    public IReadOnlyList<string> List(params ReadOnlySpan<string> names) => CsvHeader.SplitList(header.Get(row, names));

    public IReadOnlyList<TravelEntry> Travel(string name) =>
        [.. CsvHeader.SplitList(header.Get(row, name)).Select((item, i) =>
        {
            var parts = item.Split('|', StringSplitOptions.TrimEntries);
            string? Part(int n) => n < parts.Length && parts[n].Length > 0 ? parts[n] : null;
            return parts.Length == 4
                ? new TravelEntry($"item {i + 1}", Part(0), Part(1), Part(2), Part(3))
                : new TravelEntry($"item {i + 1} ('{item}', expected country|city|from|to)", null, null, null, null);
        })];
}

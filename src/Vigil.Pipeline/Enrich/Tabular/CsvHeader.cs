using Vigil.Domain.Text;
namespace Vigil.Pipeline.Enrich.Tabular;

/// <summary>Column positions by case-insensitive name, with aliases, so files from different tools line up.</summary>
internal sealed class CsvHeader
{
    private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);

    public CsvHeader(IReadOnlyList<string> names)
    {
        for (var i = 0; i < names.Count; i++)
        {
            _columns.TryAdd(names[i].Trim(), i);
        }
    }

    public bool Has(string name) => _columns.ContainsKey(name);

    /// <summary>The trimmed cell under the first of <paramref name="names"/> present, or null when empty or absent.</summary>
    public string? Get(CsvRow row, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (_columns.TryGetValue(name, out var index) && index < row.Fields.Count)
            {
                var value = row.Fields[index].Trim();
                return value.Length == 0 ? null : value;
            }
        }

        return null;
    }

    public static IReadOnlyList<string> SplitList(string? cell) =>
        cell is null ? [] : cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

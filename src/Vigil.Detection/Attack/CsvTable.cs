using Vigil.Domain.Text;

namespace Vigil.Detection.Attack;

/// <summary>
/// Reads the catalogue's CSV files: a header row, then RFC 4180 rows (tokenised by <see cref="CsvRecordReader"/>). Fields are looked up by header name so a
/// re-export with reordered columns still loads.
/// </summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;
    private readonly string _source;

    private CsvTable(string source, Dictionary<string, int> columns, List<(int Line, string[] Fields)> rows)
    {
        _source = source;
        _columns = columns;
        Rows = rows;
    }

    public IReadOnlyList<(int Line, string[] Fields)> Rows { get; }

    public static CsvTable Read(TextReader reader, string source)
    {
        var rows = new List<(int, string[])>();
        string[]? header = null;
        foreach (var row in CsvRecordReader.Read(reader, skipComments: false))
        {
            var fields = row.Fields.ToArray();
            if (header is null)
            {
                header = fields;
                continue;
            }

            if (fields.Length != header.Length)
            {
                throw new InvalidDataException(
                    $"{source}:{row.Line}: expected {header.Length} fields, found {fields.Length}");
            }

            rows.Add((row.Line, fields));
        }

        if (header is null)
        {
            throw new InvalidDataException($"{source}: empty file, expected a header row");
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            columns[header[i].Trim()] = i;
        }

        return new CsvTable(source, columns, rows);
    }

    public int Column(string name) =>
        _columns.TryGetValue(name, out var index)
            ? index
            : throw new InvalidDataException($"{_source}: missing column '{name}'");
}

namespace Vigil.Detection.Attack;

/// <summary>
/// Reads the catalogue's CSV files: a header row, then RFC 4180 rows. Fields are looked up by header name so a
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
        string? line;
        var lineNumber = 0;
        string[]? header = null;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = SplitRow(line, source, lineNumber);
            if (header is null)
            {
                header = fields;
                continue;
            }

            if (fields.Length != header.Length)
            {
                throw new InvalidDataException(
                    $"{source}:{lineNumber}: expected {header.Length} fields, found {fields.Length}");
            }

            rows.Add((lineNumber, fields));
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

    private static string[] SplitRow(string line, string source, int lineNumber)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"')
                {
                    current.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        if (quoted)
        {
            throw new InvalidDataException($"{source}:{lineNumber}: unterminated quoted field");
        }

        fields.Add(current.ToString());
        return [.. fields];
    }
}

using Vigil.Domain.Text;
using System.Globalization;
using Vigil.Pipeline.Enrich.Tabular;

namespace Vigil.Pipeline.Enrich.Intel;

/// <summary>
/// Indicator lists as CSV. With a header row naming a <c>value</c> column (or <c>indicator</c>, <c>ioc</c>), columns are read by name
/// (case-insensitive): <c>type</c>, <c>value</c>, <c>confidence</c>, <c>source</c>, <c>first_seen</c>,
/// <c>last_seen</c>, <c>expires</c> (or <c>valid_until</c>), <c>description</c>, <c>labels</c> (or <c>tags</c>,
/// separated by ';'); a missing or empty type is inferred from the value. Without such a header the file is a
/// one-value-per-line list and every type is inferred (IP, CIDR, domain, URL, email, hash by length).
/// Lines starting with '#' are comments.
/// </summary>
public static class CsvIndicatorImporter
{
    private static readonly string[] ValueColumns = ["value", "indicator", "ioc"];

    public static IndicatorImport Import(TextReader reader, string source, int defaultConfidence = 50)
    {
        var tally = new ImportTally(source);
        CsvHeader? header = null;
        var first = true;
        foreach (var row in CsvRecordReader.Read(reader))
        {
            if (first)
            {
                first = false;
                if (row.Fields.Any(f => ValueColumns.Contains(f.Trim(), StringComparer.OrdinalIgnoreCase)))
                {
                    header = new CsvHeader(row.Fields);
                    continue;
                }
            }

            tally.Read++;
            var location = string.Create(CultureInfo.InvariantCulture, $"{source}:{row.Line}");
            if (header is null)
            {
                ReadBare(row, location, source, defaultConfidence, tally);
            }
            else
            {
                ReadColumns(header, row, location, source, defaultConfidence, tally);
            }
        }

        return tally.Complete();
    }

    private static void ReadBare(CsvRow row, string location, string source, int confidence, ImportTally tally)
    {
        var text = row.Fields[0].Trim();
        if (!IndicatorValues.TryInfer(text, out var type, out var value))
        {
            tally.Skip(location, $"cannot tell what kind of indicator '{text}' is");
            return;
        }

        tally.Add(new Indicator { Type = type, Value = value, Confidence = confidence, Source = source, OriginId = location });
    }

    private static void ReadColumns(CsvHeader header, CsvRow row, string location, string source, int defaultConfidence, ImportTally tally)
    {
        var raw = header.Get(row, ValueColumns);
        if (raw is null)
        {
            tally.Skip(location, "value is empty");
            return;
        }

        if (!TryResolve(header.Get(row, "type"), raw, out var type, out var value, out var problem))
        {
            tally.Skip(location, problem);
            return;
        }

        var confidenceText = header.Get(row, "confidence");
        var confidence = defaultConfidence;
        if (confidenceText is not null
            && (!int.TryParse(confidenceText, NumberStyles.Integer, CultureInfo.InvariantCulture, out confidence) || confidence is < 0 or > 100))
        {
            tally.Skip(location, $"confidence '{confidenceText}' is not a whole number from 0 to 100");
            return;
        }

        DateTimeOffset? firstSeen = null, lastSeen = null, expires = null;
        if (!TryTime(header, row, "first_seen", ref firstSeen, out problem)
            || !TryTime(header, row, "last_seen", ref lastSeen, out problem)
            || !TryTime(header, row, "expires", ref expires, out problem, "valid_until"))
        {
            tally.Skip(location, problem);
            return;
        }

        tally.Add(new Indicator
        {
            Type = type,
            Value = value,
            Confidence = confidence,
            Source = header.Get(row, "source") ?? source,
            OriginId = location,
            FirstSeen = firstSeen,
            LastSeen = lastSeen,
            ValidUntil = expires,
            Description = header.Get(row, "description"),
            Labels = CsvHeader.SplitList(header.Get(row, "labels", "tags")),
        });
    }

    private static bool TryResolve(string? typeText, string raw, out IndicatorType type, out string value, out string problem)
    {
        problem = "";
        if (typeText is null)
        {
            var inferred = IndicatorValues.TryInfer(raw, out type, out value);
            problem = $"cannot tell what kind of indicator '{raw}' is";
            return inferred;
        }

        value = "";
        type = default;
        if (!IndicatorTypeNames.TryParse(typeText, out var named, out var isHash))
        {
            problem = $"unknown indicator type '{typeText}'";
            return false;
        }

        type = named ?? IndicatorValues.HashTypeOf(raw) ?? IndicatorType.Sha256;
        // An address written with a prefix under type "ip" is a network, as feeds mean it.
        if (type == IndicatorType.Ip && raw.Contains('/', StringComparison.Ordinal) && IndicatorValues.Normalize(type, raw) is null)
        {
            type = IndicatorType.Cidr;
        }

        value = IndicatorValues.Normalize(type, raw) ?? "";
        problem = $"'{raw}' is not a valid {(isHash ? "hash" : type.ToWire())}";
        return value.Length > 0;
    }

    private static bool TryTime(CsvHeader header, CsvRow row, string column, ref DateTimeOffset? value, out string problem, string? alias = null)
    {
        problem = "";
        var text = alias is null ? header.Get(row, column) : header.Get(row, column, alias);
        if (text is null)
        {
            return true;
        }

        if (!Timestamps.TryParse(text, out var parsed))
        {
            problem = $"{column} '{text}' is not a time";
            return false;
        }

        value = parsed;
        return true;
    }
}

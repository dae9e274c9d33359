using Vigil.Domain.Text;
using System.Text.Json;
using Vigil.Pipeline.Enrich.Tabular;

namespace Vigil.Pipeline.Enrich.Context;

/// <summary>
/// Reads asset, identity and service context from CSV (header row, names case-insensitive, list cells separated by
/// ';') or JSON (an array of objects with snake_case names). Field names are listed on each record type's reader.
/// </summary>
public static class ContextImporter
{
    public static ContextImport<AssetContext> AssetsFromCsv(TextReader reader, string file) => FromCsv(reader, file, ContextRecords.Asset);

    public static ContextImport<AssetContext> AssetsFromJson(string json, string file) => FromJson(json, file, ContextRecords.Asset);

    public static ContextImport<IdentityContext> IdentitiesFromCsv(TextReader reader, string file) => FromCsv(reader, file, ContextRecords.Identity);

    public static ContextImport<IdentityContext> IdentitiesFromJson(string json, string file) => FromJson(json, file, ContextRecords.Identity);

    public static ContextImport<ServiceContext> ServicesFromCsv(TextReader reader, string file) => FromCsv(reader, file, ContextRecords.Service);

    public static ContextImport<ServiceContext> ServicesFromJson(string json, string file) => FromJson(json, file, ContextRecords.Service);

    private static ContextImport<T> FromCsv<T>(TextReader reader, string file, Func<ContextFieldReader, T?> read)
        where T : class
    {
        var records = new List<T>();
        var errors = new List<ContextError>();
        CsvHeader? header = null;
        foreach (var row in CsvRecordReader.Read(reader))
        {
            if (header is null)
            {
                header = new CsvHeader(row.Fields);
                continue;
            }

            if (read(new ContextFieldReader(new CsvContextFields(file, header, row), errors)) is { } record)
            {
                records.Add(record);
            }
        }

        if (header is null)
        {
            errors.Add(new ContextError(file, "line 1", "(header)", "the file is empty; expected a header row"));
        }

        return new ContextImport<T>(records, errors);
    }

    private static ContextImport<T> FromJson<T>(string json, string file, Func<ContextFieldReader, T?> read)
        where T : class
    {
        var records = new List<T>();
        var errors = new List<ContextError>();
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new ContextError(file, "root", "(document)", "expected an array of objects"));
                return new ContextImport<T>(records, errors);
            }

            var index = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new ContextError(file, $"index {index}", "(record)", $"expected an object, found {item.ValueKind.ToString().ToLowerInvariant()}"));
                }
                else if (read(new ContextFieldReader(new JsonContextFields(file, index, item), errors)) is { } record)
                {
                    records.Add(record);
                }

                index++;
            }
        }
        catch (JsonException e)
        {
            errors.Add(new ContextError(file, $"line {(e.LineNumber ?? 0) + 1}", "(document)", "not JSON: " + e.Message));
        }

        return new ContextImport<T>(records, errors);
    }
}

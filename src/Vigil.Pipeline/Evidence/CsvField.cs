namespace Vigil.Pipeline.Evidence;

/// <summary>
/// RFC 4180 fields for bulk exports. Text that a spreadsheet would run as a formula (leading = + - @ tab or CR) gets
/// a leading apostrophe (OWASP CSV injection advice): exported alert titles are attacker-controlled.
/// </summary>
public static class CsvField
{
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? string.Concat("\"", value.Replace("\"", "\"\"", StringComparison.Ordinal), "\"") : value;
    }

    public static string Line(params string?[] fields) => string.Join(',', fields.Select(Text));
}

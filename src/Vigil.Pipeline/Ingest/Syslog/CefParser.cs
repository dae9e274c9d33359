using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Vigil.Pipeline.Ingest.Syslog;

/// <summary>
/// ArcSight CEF: <c>CEF:Version|Device Vendor|Device Product|Device Version|Signature ID|Name|Severity|Extension</c>,
/// into the JSON shape content/mappings/cef.yaml reads. In the header <c>\|</c> and <c>\\</c> are escapes; in the
/// extension <c>\=</c>, <c>\\</c>, <c>\n</c> and <c>\r</c> are, and a value runs (spaces included) up to the
/// space before the next <c>key=</c>.
/// </summary>
public static class CefParser
{
    private const int HeaderFields = 7;

    public static bool TryParse(string text, out JsonObject record, out string error)
    {
        record = null!;
        error = string.Empty;
        if (!text.StartsWith("CEF:", StringComparison.Ordinal))
        {
            error = "not a CEF record (no 'CEF:' prefix)";
            return false;
        }

        var fields = new List<string>(HeaderFields);
        var position = 4;
        var field = new StringBuilder();
        while (fields.Count < HeaderFields && position < text.Length)
        {
            var c = text[position++];
            if (c == '\\' && position < text.Length && text[position] is '|' or '\\')
            {
                field.Append(text[position++]);
            }
            else if (c == '|')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (fields.Count == HeaderFields - 1 && field.Length > 0)
        {
            // A record without an extension may end right after the severity, without the last '|'.
            fields.Add(field.ToString());
        }

        if (fields.Count < HeaderFields)
        {
            error = $"CEF header has {fields.Count} of its {HeaderFields} '|'-separated fields (Version|Vendor|Product|Version|Signature ID|Name|Severity)";
            return false;
        }

        if (!int.TryParse(fields[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            error = $"CEF version '{fields[0]}' is not a number";
            return false;
        }

        record = new JsonObject
        {
            ["cef_version"] = version,
            ["device_vendor"] = fields[1],
            ["device_product"] = fields[2],
            ["device_version"] = fields[3],
            ["signature_id"] = fields[4],
            ["name"] = fields[5],
            ["severity"] = fields[6].Trim(),
            ["extensions"] = Extension(text.AsSpan(position)),
        };
        return true;
    }

    /// <summary>Key/value pairs; a key is letters, digits, '_', '.', '-' or brackets right before an unescaped '='.</summary>
    internal static JsonObject Extension(ReadOnlySpan<char> text)
    {
        var result = new JsonObject();
        string? key = null;
        var valueStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
                continue;
            }

            if (text[i] != '=')
            {
                continue;
            }

            var keyStart = i;
            while (keyStart > 0 && IsKeyChar(text[keyStart - 1]))
            {
                keyStart--;
            }

            // A key starts the text or follows a space; anything else (a URL's "?a=b") is part of the value.
            if (keyStart == i || (keyStart > 0 && text[keyStart - 1] != ' ') || keyStart < valueStart)
            {
                continue;
            }

            if (key is not null)
            {
                result[key] = Unescape(text[valueStart..keyStart].TrimEnd(' '));
            }

            key = text[keyStart..i].ToString();
            valueStart = i + 1;
        }

        if (key is not null)
        {
            result[key] = Unescape(text[valueStart..].TrimEnd(" \r\n"));
        }

        return result;
    }

    private static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '[' or ']';

    private static string Unescape(ReadOnlySpan<char> value)
    {
        if (value.IndexOf('\\') < 0)
        {
            return value.ToString();
        }

        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                var next = value[++i];
                builder.Append(next switch { 'n' => '\n', 'r' => '\r', _ => next });
            }
            else
            {
                builder.Append(value[i]);
            }
        }

        return builder.ToString();
    }
}

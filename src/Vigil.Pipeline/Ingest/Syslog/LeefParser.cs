using System.Globalization;
using System.Text.Json.Nodes;

namespace Vigil.Pipeline.Ingest.Syslog;

/// <summary>
/// IBM QRadar LEEF: <c>LEEF:1.0|Vendor|Product|Version|EventID|attrs</c> with tab-separated <c>key=value</c>
/// attributes, or <c>LEEF:2.0|Vendor|Product|Version|EventID|Delimiter|attrs</c> where the delimiter is one
/// character or its hex code (<c>x5E</c>, <c>0x09</c>); empty means tab. Shape:
/// <c>{ "leef_version", "device_vendor", "device_product", "device_version", "event_id", "attributes": {...} }</c>.
/// </summary>
public static class LeefParser
{
    public static bool TryParse(string text, out JsonObject record, out string error)
    {
        record = null!;
        error = string.Empty;
        if (!text.StartsWith("LEEF:", StringComparison.Ordinal))
        {
            error = "not a LEEF record (no 'LEEF:' prefix)";
            return false;
        }

        var parts = text[5..].Split('|', 7);
        if (parts.Length < 6)
        {
            error = $"LEEF header has {parts.Length - 1} of its 5 '|'-separated fields (Version|Vendor|Product|Version|EventID)";
            return false;
        }

        var version = parts[0].Trim();
        var delimiter = '\t';
        var attributes = parts[5];
        if (version.StartsWith('2') && parts.Length == 7 && TryDelimiter(parts[5], out var custom))
        {
            delimiter = custom;
            attributes = parts[6];
        }
        else if (parts.Length == 7)
        {
            attributes = string.Concat(parts[5], "|", parts[6]);
        }

        var values = new JsonObject();
        foreach (var pair in attributes.Split(delimiter, StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                values[pair[..equals].Trim()] = pair[(equals + 1)..].TrimEnd('\r', '\n');
            }
        }

        record = new JsonObject
        {
            ["leef_version"] = version,
            ["device_vendor"] = parts[1],
            ["device_product"] = parts[2],
            ["device_version"] = parts[3],
            ["event_id"] = parts[4],
            ["attributes"] = values,
        };
        return true;
    }

    private static bool TryDelimiter(string field, out char delimiter)
    {
        delimiter = '\t';
        if (field.Length == 0)
        {
            return true;
        }

        if (field.Length == 1)
        {
            delimiter = field[0];
            return true;
        }

        var hex = field.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? field[2..] : field.StartsWith('x') || field.StartsWith('X') ? field[1..] : null;
        if (hex is { Length: > 0 and <= 4 } && int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            delimiter = (char)code;
            return true;
        }

        return false;
    }
}

using System.Globalization;

namespace Vigil.Pipeline.Enrich.Tabular;

/// <summary>Times as feeds write them: ISO 8601 (with or without offset, assumed UTC), a bare date, or Unix seconds.</summary>
internal static class Timestamps
{
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            // MISP writes "timestamp" as Unix seconds in a string; 253402300799 is the last second of year 9999.
            if (seconds > 253402300799)
            {
                return false;
            }

            value = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }
}

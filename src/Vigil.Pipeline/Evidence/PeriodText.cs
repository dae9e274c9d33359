using System.Globalization;

namespace Vigil.Pipeline.Evidence;

/// <summary>Reads the period bounds reports and exports take (<c>2026-01-31</c> or an ISO 8601 time; UTC without an offset).</summary>
public static class PeriodText
{
    public static bool TryParse(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }
}

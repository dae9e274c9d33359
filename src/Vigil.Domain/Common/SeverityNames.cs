namespace Vigil.Domain;

/// <summary>Parses the severity words vendors use ("crit", "sev2", "4", "warning"…) onto <see cref="Severity"/>.</summary>
public static class SeverityNames
{
    public static string ToWire(this Severity severity) => severity switch
    {
        Severity.Unknown => "unknown",
        Severity.Informational => "informational",
        Severity.Low => "low",
        Severity.Medium => "medium",
        Severity.High => "high",
        Severity.Critical => "critical",
        _ => "unknown",
    };

    public static bool TryParse(string? text, out Severity severity)
    {
        severity = Severity.Unknown;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var word = text.Trim().ToLowerInvariant();
        if (int.TryParse(word, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            if (number is >= 0 and <= 5)
            {
                severity = (Severity)number;
                return true;
            }

            return false;
        }

        severity = word switch
        {
            "info" or "informational" or "information" or "informative" => Severity.Informational,
            "low" or "minor" => Severity.Low,
            "medium" or "moderate" or "warning" or "warn" => Severity.Medium,
            "high" or "major" or "error" or "important" => Severity.High,
            "critical" or "crit" or "fatal" or "emergency" or "severe" => Severity.Critical,
            "unknown" or "none" => Severity.Unknown,
            _ => (Severity)(-1),
        };
        if ((int)severity == -1)
        {
            severity = Severity.Unknown;
            return false;
        }

        return true;
    }
}

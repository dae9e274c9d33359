using System.Globalization;
using Vigil.Domain;

namespace Vigil.Web;

/// <summary>How the console writes times, durations and severities: UTC, compact, the same on every page.</summary>
internal static class ConsoleFormat
{
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>"3d 4h", "2h 05m", "12m", "40s": two units at most, enough to rank at a glance.</summary>
    public static string Duration(TimeSpan span)
    {
        var d = span.Duration();
        return d.TotalDays >= 1 ? $"{(int)d.TotalDays}d {d.Hours}h"
            : d.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalHours}h {d.Minutes:00}m")
            : d.TotalMinutes >= 1 ? $"{(int)d.TotalMinutes}m"
            : $"{(int)d.TotalSeconds}s";
    }

    public static string Ago(DateTimeOffset at, DateTimeOffset now) => Duration(now - at) + " ago";

    /// <summary>The SLA countdown text and its CSS class: breached, due within an hour, or fine.</summary>
    public static (string Text, string Css) Sla(DateTimeOffset due, DateTimeOffset now, bool closed)
    {
        if (closed)
        {
            return ("—", "sla-ok");
        }

        var left = due - now;
        return left <= TimeSpan.Zero ? ($"breached {Duration(left)}", "sla-breached")
            : left <= TimeSpan.FromHours(1) ? (Duration(left), "sla-soon")
            : (Duration(left), "sla-ok");
    }

    public static string SeverityCss(Severity severity) => "sev sev-" + severity.ToWire();

    public static string Words(string wire) => wire.Replace('_', ' ');
}

using System.Globalization;
using Vigil.Detection.Events;

namespace Vigil.Detection.Correlation;

/// <summary>
/// Finds when an event happened, for correlation windows. Sigma has no timestamp field of its own, so the usual
/// places are tried in order: evtx_dump's <c>Event.System.TimeCreated.SystemTime</c> (read as
/// <c>TimeCreated_SystemTime</c>), ECS/NXLog <c>@timestamp</c>, <c>TimeCreated</c>, <c>timestamp</c>, OCSF <c>time</c>
/// (epoch milliseconds), <c>EventTime</c>, CloudTrail <c>eventTime</c>, Zeek <c>ts</c> (epoch seconds), Sysmon <c>UtcTime</c>.
/// </summary>
public static class EventTimestamps
{
    private static readonly string[] Fields =
        ["TimeCreated_SystemTime", "@timestamp", "TimeCreated", "timestamp", "time", "EventTime", "eventTime", "ts", "UtcTime"];

    /// <summary>Reads the event's time from the first known timestamp field that parses.</summary>
    public static bool TryRead(SigmaEvent sigmaEvent, out DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(sigmaEvent);
        foreach (var field in Fields)
        {
            if (sigmaEvent.GetValue(field) is { } text && TryParse(text, out timestamp))
            {
                return true;
            }
        }

        timestamp = default;
        return false;
    }

    /// <summary>
    /// Parses ISO 8601 / RFC 3339 text (no offset means UTC, as Sysmon's UtcTime is written) or a Unix epoch number:
    /// above 10^11 it is taken as milliseconds (OCSF), otherwise as seconds (Zeek); 10^11 s is the year 5138.
    /// </summary>
    public static bool TryParse(string text, out DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var epoch))
        {
            var milliseconds = epoch > 1e11 ? epoch : epoch * 1000;
            if (double.IsFinite(milliseconds) && milliseconds >= 0 && milliseconds < 253402300800000)
            {
                timestamp = DateTimeOffset.UnixEpoch.AddMilliseconds(milliseconds);
                return true;
            }

            timestamp = default;
            return false;
        }

        return DateTimeOffset.TryParse(
            text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out timestamp);
    }
}

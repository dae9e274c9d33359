using System.Globalization;

namespace Vigil.Pipeline.Ingest.Syslog;

public static partial class SyslogParser
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    // RFC 3164 §4.1.3: the TAG is at most 32 alphanumeric characters; senders also use '-', '_', '.' and '/'.
    private const int MaxTagLength = 32;

    private static bool TryParse3164(ReadOnlySpan<char> rest, int priority, DateTimeOffset now, out SyslogMessage message, out string error)
    {
        error = string.Empty;
        DateTimeOffset? time = null;
        string? host = null;
        if (TryBsdTimestamp(rest, now, out var bsd))
        {
            time = bsd;
            rest = rest[15..].TrimStart(' ');
            host = ReadHost(ref rest);
        }
        else if (rest.Length > 19 && rest[4] == '-' && rest[10] == 'T')
        {
            // Many daemons (rsyslog's RFC3339 template, systemd) put an RFC 3339 time in an otherwise BSD header.
            var space = rest.IndexOf(' ');
            var token = space < 0 ? rest : rest[..space];
            if (DateTimeOffset.TryParseExact(token, Rfc3339, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var iso))
            {
                time = iso;
                rest = space < 0 ? default : rest[(space + 1)..];
                host = ReadHost(ref rest);
            }
        }

        // RFC 3164 §4.3.2: without a valid TIMESTAMP the whole remainder is the message.
        string? tag = null, pid = null;
        if (!IsPayload(rest))
        {
            ReadTag(ref rest, out tag, out pid);
        }

        message = new SyslogMessage
        {
            Format = SyslogFormat.Rfc3164,
            Facility = priority >> 3,
            Severity = priority & 7,
            Timestamp = time,
            Hostname = host,
            AppName = tag,
            ProcId = pid,
            Message = StripBom(rest),
        };
        return true;
    }

    /// <summary><c>Mmm dd hh:mm:ss</c> (day space-padded), with no year or zone: taken as UTC, in the year that keeps it from lying in the future.</summary>
    private static bool TryBsdTimestamp(ReadOnlySpan<char> text, DateTimeOffset now, out DateTimeOffset time)
    {
        time = default;
        if (text.Length < 15 || text[3] != ' ' || text[6] != ' ' || text[9] != ':' || text[12] != ':')
        {
            return false;
        }

        var month = Array.IndexOf(Months, text[..3].ToString()) + 1;
        if (month == 0
            || !int.TryParse(text[4..6].TrimStart(' '), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(text[7..9], NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            || !int.TryParse(text[10..12], NumberStyles.None, CultureInfo.InvariantCulture, out var minute)
            || !int.TryParse(text[13..15], NumberStyles.None, CultureInfo.InvariantCulture, out var second)
            || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        // A December message read in January belongs to last year; allow a day of clock skew the other way.
        var year = now.Year;
        if (month > now.Month + 1 || (month == 12 && now.Month == 1))
        {
            year--;
        }

        if (day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        time = new DateTimeOffset(year, month, day, hour, minute, Math.Min(second, 59), TimeSpan.Zero);
        return true;
    }

    private static string? ReadHost(ref ReadOnlySpan<char> rest)
    {
        var space = rest.IndexOf(' ');
        if (space <= 0 || rest[space - 1] == ':' || rest[..space].Contains('['))
        {
            // "TAG: msg" straight after the time: the sender left the hostname out.
            return null;
        }

        var host = rest[..space];
        if (IsPayload(host))
        {
            return null;
        }

        rest = rest[(space + 1)..];
        return host.ToString();
    }

    private static void ReadTag(ref ReadOnlySpan<char> rest, out string? tag, out string? pid)
    {
        tag = null;
        pid = null;
        var end = 0;
        while (end < rest.Length && end <= MaxTagLength && (char.IsAsciiLetterOrDigit(rest[end]) || rest[end] is '-' or '_' or '.' or '/'))
        {
            end++;
        }

        if (end == 0 || end > MaxTagLength || end == rest.Length)
        {
            return;
        }

        var after = end;
        string? id = null;
        if (rest[after] == '[')
        {
            var closeBracket = rest[after..].IndexOf(']');
            if (closeBracket < 0)
            {
                return;
            }

            id = rest[(after + 1)..(after + closeBracket)].ToString();
            after += closeBracket + 1;
        }

        if (after >= rest.Length || rest[after] != ':')
        {
            return;
        }

        tag = rest[..end].ToString();
        pid = id;
        rest = rest[(after + 1)..];
        if (!rest.IsEmpty && rest[0] == ' ')
        {
            rest = rest[1..];
        }
    }
}

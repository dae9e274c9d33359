using System.Globalization;

namespace Vigil.Pipeline.Ingest.Syslog;

/// <summary>
/// Parses one syslog message, RFC 5424 or BSD (RFC 3164), told apart by the "1 " version after the priority.
/// A bare <c>CEF:</c> or <c>LEEF:</c> line without a syslog header is accepted too, as some senders write them.
/// Never throws: whatever cannot be read comes back as the reason.
/// </summary>
public static partial class SyslogParser
{
    /// <summary>RFC 5424 §6.2.1: facility 23 × 8 + severity 7.</summary>
    public const int MaxPriority = 191;

    private const char Bom = '\uFEFF';

    public static bool TryParse(string text, DateTimeOffset now, out SyslogMessage message, out string error)
    {
        message = null!;
        error = string.Empty;
        var span = text.AsSpan().TrimEnd("\r\n\0");
        if (span.IsEmpty)
        {
            error = "empty message";
            return false;
        }

        if (span[0] != '<')
        {
            if (IsPayload(span))
            {
                message = new SyslogMessage { Format = SyslogFormat.None, Message = span.ToString() };
                return true;
            }

            error = "no <PRI> at the start of the message (RFC 5424 §6.2.1, RFC 3164 §4.1.1)";
            return false;
        }

        var close = span.IndexOf('>');
        if (close is < 2 or > 4 || !int.TryParse(span[1..close], NumberStyles.None, CultureInfo.InvariantCulture, out var priority) || priority > MaxPriority)
        {
            error = $"malformed priority '{Clip(span[..Math.Min(span.Length, 6)])}': expected <0>..<191> (RFC 5424 §6.2.1)";
            return false;
        }

        var rest = span[(close + 1)..];
        return rest.StartsWith("1 ")
            ? TryParse5424(rest[2..], priority, out message, out error)
            : TryParse3164(rest, priority, now, out message, out error);
    }

    /// <summary>True for a CEF or LEEF record (the payload formats Vigil parses further).</summary>
    public static bool IsPayload(ReadOnlySpan<char> text) => text.StartsWith("CEF:") || text.StartsWith("LEEF:");

    private static string Clip(ReadOnlySpan<char> text) => text.Length > 40 ? string.Concat(text[..40], "…") : text.ToString();

    private static string StripBom(ReadOnlySpan<char> text) => (text.Length > 0 && text[0] == Bom ? text[1..] : text).ToString();

    /// <summary>The next space-delimited token; false when the text ends without one.</summary>
    private static bool NextToken(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> token)
    {
        var space = rest.IndexOf(' ');
        if (space <= 0)
        {
            token = space < 0 ? rest : default;
            rest = space < 0 ? default : rest[1..];
            return space < 0 && !token.IsEmpty;
        }

        token = rest[..space];
        rest = rest[(space + 1)..];
        return true;
    }

    private static string? Nil(ReadOnlySpan<char> token) => token is "-" ? null : token.ToString();
}

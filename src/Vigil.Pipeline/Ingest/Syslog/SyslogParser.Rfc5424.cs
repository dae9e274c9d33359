using System.Globalization;
using System.Text;

namespace Vigil.Pipeline.Ingest.Syslog;

public static partial class SyslogParser
{
    // RFC 5424 §6.2.3: an RFC 3339 timestamp with at most six fractional digits, "Z" or a numeric offset.
    private static readonly string[] Rfc3339 = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    private static bool TryParse5424(ReadOnlySpan<char> rest, int priority, out SyslogMessage message, out string error)
    {
        message = null!;
        if (!NextToken(ref rest, out var timestamp) || !NextToken(ref rest, out var host) || !NextToken(ref rest, out var app)
            || !NextToken(ref rest, out var procId) || !NextToken(ref rest, out var msgId) || rest.IsEmpty)
        {
            error = "RFC 5424 header is incomplete: expected TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA (§6)";
            return false;
        }

        DateTimeOffset? time = null;
        if (timestamp is not "-")
        {
            if (!DateTimeOffset.TryParseExact(timestamp, Rfc3339, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                error = $"RFC 5424 timestamp '{Clip(timestamp)}' is not RFC 3339 (§6.2.3)";
                return false;
            }

            time = parsed;
        }

        var data = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        if (rest[0] == '-')
        {
            rest = rest[1..];
        }
        else if (!TryReadStructuredData(ref rest, data, out error))
        {
            return false;
        }

        if (!rest.IsEmpty && rest[0] != ' ')
        {
            error = "RFC 5424 structured data must be followed by a space and the message (§6)";
            return false;
        }

        message = new SyslogMessage
        {
            Format = SyslogFormat.Rfc5424,
            Facility = priority >> 3,
            Severity = priority & 7,
            Timestamp = time,
            Hostname = Nil(host),
            AppName = Nil(app),
            ProcId = Nil(procId),
            MsgId = Nil(msgId),
            StructuredData = data,
            Message = rest.IsEmpty ? string.Empty : StripBom(rest[1..]),
        };
        error = string.Empty;
        return true;
    }

    /// <summary>RFC 5424 §6.3: one or more <c>[SD-ID PARAM="VALUE" ...]</c>; inside values <c>\"</c>, <c>\\</c> and <c>\]</c> are escapes.</summary>
    private static bool TryReadStructuredData(ref ReadOnlySpan<char> rest, Dictionary<string, IReadOnlyDictionary<string, string>> data, out string error)
    {
        error = string.Empty;
        if (rest[0] != '[')
        {
            error = "RFC 5424 structured data must be '-' or start with '[' (§6.3)";
            return false;
        }

        var value = new StringBuilder();
        while (!rest.IsEmpty && rest[0] == '[')
        {
            var idEnd = rest.IndexOfAny(' ', ']');
            if (idEnd <= 1)
            {
                error = "RFC 5424 SD-ELEMENT without an SD-ID (§6.3.2)";
                return false;
            }

            var id = rest[1..idEnd].ToString();
            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            rest = rest[idEnd..];
            while (!rest.IsEmpty && rest[0] == ' ')
            {
                var equals = rest.IndexOf("=\"");
                if (equals <= 1)
                {
                    error = $"RFC 5424 SD-PARAM in [{id}] is not NAME=\"VALUE\" (§6.3.3)";
                    return false;
                }

                var name = rest[1..equals].ToString();
                rest = rest[(equals + 2)..];
                value.Clear();
                var closed = false;
                for (var i = 0; i < rest.Length; i++)
                {
                    var c = rest[i];
                    if (c == '\\' && i + 1 < rest.Length && rest[i + 1] is '"' or '\\' or ']')
                    {
                        value.Append(rest[++i]);
                    }
                    else if (c == '"')
                    {
                        rest = rest[(i + 1)..];
                        closed = true;
                        break;
                    }
                    else
                    {
                        value.Append(c);
                    }
                }

                if (!closed)
                {
                    error = $"RFC 5424 SD-PARAM {name} in [{id}] has no closing quote (§6.3.3)";
                    return false;
                }

                parameters[name] = value.ToString();
            }

            if (rest.IsEmpty || rest[0] != ']')
            {
                error = $"RFC 5424 SD-ELEMENT [{id}] is not closed with ']' (§6.3.1)";
                return false;
            }

            rest = rest[1..];
            data[id] = parameters;
        }

        return true;
    }
}

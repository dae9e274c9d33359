using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Pipeline.Normalize;

namespace Vigil.Pipeline.Ingest.Syslog;

/// <summary>
/// Turns one received syslog message into the event the mappings read: a CEF or LEEF record in its documented
/// shape, or <c>{"message": ...}</c> for plain text, with the syslog header under <c>"syslog"</c>. The raw payload is
/// the message as received. A message that cannot be parsed comes back with its reason, to be dead-lettered.
/// </summary>
public static class SyslogEvents
{
    public static RawJsonEvent Read(int index, string text, DateTimeOffset now, string from)
    {
        if (!SyslogParser.TryParse(text, now, out var message, out var error))
        {
            return new RawJsonEvent(index, 0, null, text, $"syslog from {from}: {error}");
        }

        JsonObject root;
        var body = message.Message;
        if (body.StartsWith("CEF:", StringComparison.Ordinal))
        {
            if (!CefParser.TryParse(body, out root, out error))
            {
                return new RawJsonEvent(index, 0, null, text, $"syslog from {from}: {error}");
            }
        }
        else if (body.StartsWith("LEEF:", StringComparison.Ordinal))
        {
            if (!LeefParser.TryParse(body, out root, out error))
            {
                return new RawJsonEvent(index, 0, null, text, $"syslog from {from}: {error}");
            }
        }
        else
        {
            root = new JsonObject { ["message"] = body };
        }

        if (message.Format != SyslogFormat.None)
        {
            root["syslog"] = Header(message);
        }

        return new RawJsonEvent(index, 0, JsonSerializer.SerializeToElement(root), text, null);
    }

    private static JsonObject Header(SyslogMessage message)
    {
        var header = new JsonObject { ["format"] = message.Format == SyslogFormat.Rfc5424 ? "rfc5424" : "rfc3164" };
        if (message.Facility is { } facility)
        {
            header["facility"] = SyslogNames.Facility(facility);
            header["severity"] = SyslogNames.Severity(message.Severity ?? 0);
        }

        if (message.Timestamp is { } time)
        {
            header["timestamp"] = time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", System.Globalization.CultureInfo.InvariantCulture);
        }

        Add(header, "host", message.Hostname);
        Add(header, "app_name", message.AppName);
        Add(header, "procid", message.ProcId);
        Add(header, "msgid", message.MsgId);
        if (message.StructuredData.Count > 0)
        {
            var data = new JsonObject();
            foreach (var (id, parameters) in message.StructuredData)
            {
                var element = new JsonObject();
                foreach (var (name, value) in parameters)
                {
                    element[name] = value;
                }

                data[id] = element;
            }

            header["structured_data"] = data;
        }

        return header;
    }

    private static void Add(JsonObject header, string name, string? value)
    {
        if (value is not null)
        {
            header[name] = value;
        }
    }
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace Vigil.Cli;

/// <summary>
/// How a CSV export of alerts or cases from another SOAR or SIEM becomes Vigil alerts. By default columns are matched
/// by header name (case-insensitive, the usual names of Splunk, Sentinel, QRadar, TheHive and XSOAR exports); each
/// <c>--map FIELD=Column</c> overrides one. Every row is kept whole as the alert's raw payload, so a column nobody
/// mapped is still there. With <c>--source NAME</c> a row is instead an event for that source's mapping, keyed by header
/// (a dotted header such as <c>Event.System.EventID</c> nests).
/// </summary>
internal sealed class CsvAlertColumns
{
    /// <summary>Alert fields and the headers that fill them by default, first match wins.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Defaults = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["title"] = ["title", "name", "alert_name", "alertname", "rule_name", "rule", "summary", "subject", "search_name", "offense_description"],
        ["source"] = ["source", "product", "vendor", "product_name", "provider"],
        ["source_ref"] = ["source_ref", "id", "alert_id", "case_id", "incident_id", "event_id", "uid", "offense_id", "systemalertid"],
        ["severity"] = ["severity", "priority", "risk", "urgency", "level", "sev"],
        ["description"] = ["description", "details", "message", "desc", "comment"],
        ["occurred_at"] = ["occurred_at", "time", "timestamp", "_time", "created", "created_at", "createdtime", "event_time", "start_time", "date", "timegenerated"],
        ["tags"] = ["tags", "labels", "tactics", "techniques"],
        ["entity.host"] = ["host", "hostname", "computer", "device", "devicename", "dest_host", "src_host"],
        ["entity.user"] = ["user", "username", "user_name", "account", "accountname", "src_user", "dest_user"],
        ["entity.ip"] = ["ip", "src_ip", "source_ip", "src", "dest_ip", "dst_ip", "destination_ip", "dst", "ipaddress"],
        ["entity.domain"] = ["domain", "fqdn", "dest_domain"],
        ["entity.url"] = ["url", "uri"],
        ["entity.file_hash"] = ["file_hash", "hash", "sha256", "sha1", "md5"],
        ["entity.email"] = ["email", "sender", "recipient", "mail"],
    };

    private static readonly Dictionary<string, string> SeverityWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["info"] = "informational", ["information"] = "informational", ["informational"] = "informational", ["none"] = "informational",
        ["low"] = "low", ["minor"] = "low", ["moderate"] = "medium", ["medium"] = "medium", ["med"] = "medium",
        ["high"] = "high", ["major"] = "high", ["severe"] = "high", ["critical"] = "critical", ["crit"] = "critical", ["urgent"] = "critical",
    };

    private readonly string[] _headers;
    private readonly List<(string Field, int Column)> _alertColumns = [];

    /// <param name="overrides">FIELD → header, from <c>--map</c>; FIELD is an alert field or <c>entity.TYPE</c>, or, with a source, an event path.</param>
    public CsvAlertColumns(IReadOnlyList<string> headers, IReadOnlyDictionary<string, string> overrides)
    {
        _headers = [.. headers.Select(h => h.Trim().TrimStart('\uFEFF'))];
        foreach (var (field, names) in Defaults)
        {
            var column = overrides.TryGetValue(field, out var named) ? IndexOf(named) : names.Select(IndexOf).FirstOrDefault(i => i >= 0, -1);
            if (overrides.ContainsKey(field) && column < 0)
            {
                throw new ArgumentException($"--map {field}={named}: there is no column '{named}' (columns: {string.Join(", ", _headers)})");
            }

            if (column >= 0)
            {
                _alertColumns.Add((field, column));
            }
        }

        foreach (var field in overrides.Keys.Where(k => !Defaults.ContainsKey(k)))
        {
            EventRenames[IndexOf(overrides[field]) is var i and >= 0 ? i : throw new ArgumentException($"--map {field}={overrides[field]}: there is no column '{overrides[field]}'")] = field;
        }
    }

    /// <summary>Columns renamed for events (<c>--map path=Column</c> with a field that is not an alert field).</summary>
    public Dictionary<int, string> EventRenames { get; } = [];

    /// <summary>Which column fills which alert field, for the summary line.</summary>
    public string Describe() => string.Join(", ", _alertColumns.Select(c => $"{c.Field}={_headers[c.Column]}"));

    /// <summary>The row as an alert submission (Vigil's own format), for the strict alert parser.</summary>
    public JsonObject ToAlert(IReadOnlyList<string> row, string defaultSource)
    {
        var alert = new JsonObject();
        var entities = new JsonArray();
        foreach (var (field, column) in _alertColumns)
        {
            var value = column < row.Count ? row[column].Trim() : string.Empty;
            if (value.Length == 0)
            {
                continue;
            }

            switch (field)
            {
                case "severity":
                    alert["severity"] = SeverityWords.TryGetValue(value, out var word) ? word : value.ToLowerInvariant();
                    break;
                case "occurred_at":
                    alert["occurred_at"] = DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                        ? at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)
                        : value;
                    break;
                case "source":
                    alert["source"] = Slug(value);
                    break;
                case "tags":
                    alert["tags"] = new JsonArray([.. value.Split([';', '|', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => (JsonNode)t)]);
                    break;
                default:
                    if (field.StartsWith("entity.", StringComparison.Ordinal))
                    {
                        entities.Add(new JsonObject { ["type"] = field["entity.".Length..], ["value"] = value });
                    }
                    else
                    {
                        alert[field] = value;
                    }

                    break;
            }
        }

        alert["source"] ??= defaultSource;
        if (entities.Count > 0)
        {
            alert["entities"] = entities;
        }

        alert["raw"] = ToEvent(row);
        return alert;
    }

    /// <summary>The row as an object keyed by header (or at the dotted path <c>--map</c> gives it), every value a string.</summary>
    public JsonObject ToEvent(IReadOnlyList<string> row)
    {
        var root = new JsonObject();
        for (var i = 0; i < _headers.Length && i < row.Count; i++)
        {
            if (!EventRenames.TryGetValue(i, out var path))
            {
                // A header is a key as it is: Zeek's "id.orig_h" stays one key, as in its own JSON.
                if (_headers[i].Length > 0)
                {
                    root[_headers[i]] = row[i];
                }

                continue;
            }

            var node = root;
            var parts = path.Split('.');
            for (var p = 0; p < parts.Length - 1; p++)
            {
                node = node[parts[p]] as JsonObject ?? (JsonObject)(node[parts[p]] = new JsonObject());
            }

            node[parts[^1]] = row[i];
        }

        return root;
    }

    /// <summary>Headers compare without case, spaces, '_' or '-', so "IncidentId", "incident_id" and "Incident ID" are one name.</summary>
    private int IndexOf(string header)
    {
        var wanted = Loose(header);
        return Array.FindIndex(_headers, h => Loose(h) == wanted);
    }

    private static string Loose(string header) =>
        string.Concat(header.Where(char.IsLetterOrDigit)).ToLowerInvariant();

    /// <summary>A source name as the alert API accepts it: lower-case a-z, 0-9, '.', '_' and '-'.</summary>
    private static string Slug(string value)
    {
        var chars = value.Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_').ToArray();
        var slug = new string(chars).Trim('_');
        return slug.Length == 0 ? "csv" : slug.Length > 64 ? slug[..64] : slug;
    }
}

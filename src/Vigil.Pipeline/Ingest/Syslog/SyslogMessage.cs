namespace Vigil.Pipeline.Ingest.Syslog;

/// <summary>One parsed syslog message. Absent (NILVALUE "-") fields are null.</summary>
public sealed record SyslogMessage
{
    public required SyslogFormat Format { get; init; }

    /// <summary>0–23 (RFC 5424 §6.2.1 table 1); null for a bare CEF/LEEF line without a priority.</summary>
    public int? Facility { get; init; }

    /// <summary>0 emergency … 7 debug (RFC 5424 §6.2.1 table 2).</summary>
    public int? Severity { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public string? Hostname { get; init; }

    public string? AppName { get; init; }

    public string? ProcId { get; init; }

    public string? MsgId { get; init; }

    /// <summary>RFC 5424 §6.3 structured data: SD-ID → parameter name → value (escapes undone; a repeated name keeps the last).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> StructuredData { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>The free-form message, without a leading UTF-8 BOM.</summary>
    public required string Message { get; init; }
}

namespace Vigil.Pipeline.Ingest.Syslog;

/// <summary>Which header a syslog message carried.</summary>
public enum SyslogFormat
{
    /// <summary>No syslog header: the line was a bare CEF or LEEF record.</summary>
    None = 0,

    /// <summary>BSD syslog (RFC 3164): <c>&lt;PRI&gt;Mmm dd hh:mm:ss HOST TAG: MSG</c>.</summary>
    Rfc3164 = 1,

    /// <summary>RFC 5424: <c>&lt;PRI&gt;1 TIMESTAMP HOST APP PROCID MSGID SD MSG</c>.</summary>
    Rfc5424 = 2,
}

namespace Vigil.Pipeline.Ingest.Syslog;

/// <summary>The keyword names of RFC 5424 §6.2.1's facility and severity codes (as syslog.conf spells them).</summary>
public static class SyslogNames
{
    private static readonly string[] Facilities =
    [
        "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron", "authpriv", "ftp",
        "ntp", "security", "console", "solaris-cron", "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7",
    ];

    private static readonly string[] Severities = ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"];

    public static string Facility(int code) => code >= 0 && code < Facilities.Length ? Facilities[code] : code.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Severity(int code) => code >= 0 && code < Severities.Length ? Severities[code] : code.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

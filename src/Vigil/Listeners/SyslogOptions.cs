using System.ComponentModel.DataAnnotations;

namespace Vigil.Listeners;

/// <summary>The syslog listener under <c>Vigil:Syslog</c> (env <c>VIGIL__Syslog__...</c>); a port of 0 leaves that transport off.</summary>
internal sealed class SyslogOptions
{
    public const string Section = "Vigil:Syslog";

    [Range(0, 65535)]
    public int UdpPort { get; set; }

    [Range(0, 65535)]
    public int TcpPort { get; set; }

    /// <summary>Loopback by default: syslog has no authentication, so exposing it is a deliberate choice.</summary>
    [Required]
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The mapping messages are normalised with; "auto" recognises CEF and other shapes per message.</summary>
    [Required]
    public string Source { get; set; } = "auto";

    /// <summary>RFC 5424 §6.1 asks receivers to take at least 2048 octets and says 8192 is good practice; 64 KiB holds any UDP datagram.</summary>
    [Range(480, 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>Messages per transaction.</summary>
    [Range(1, 5000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>How long a partial batch waits for more messages before it is stored.</summary>
    [Range(0, 1000)]
    public int BatchWindowMilliseconds { get; set; } = 5;
}

using System.ComponentModel.DataAnnotations;

namespace Vigil.Hosting;

/// <summary>Server settings under <c>Vigil:Server</c> (env <c>VIGIL__Server__...</c>), validated at start.</summary>
internal sealed class VigilServerOptions
{
    public const string Section = "Vigil:Server";

    public const string DefaultUrl = "http://127.0.0.1:5080";

    [Required]
    public string Urls { get; set; } = DefaultUrl;

    /// <summary>Largest request body accepted. 10 MiB holds a 5,000-alert batch of typical EDR alerts with room to spare.</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>How much of an oversized alert body is kept in the dead-letter store, for diagnosis.</summary>
    [Range(0, 4 * 1024 * 1024)]
    public int OversizedKeepBytes { get; set; } = 64 * 1024;
}

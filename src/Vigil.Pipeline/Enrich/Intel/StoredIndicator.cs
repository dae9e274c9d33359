using System.Security.Cryptography;
using System.Text;

namespace Vigil.Pipeline.Enrich.Intel;

/// <summary>An indicator as stored: one per type, value and source, so re-importing a feed updates instead of duplicating.</summary>
public sealed record StoredIndicator
{
    public required string Id { get; init; }

    public required Indicator Indicator { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The stable id of an indicator: a hash of its type, canonical value and source.</summary>
    public static string IdOf(Indicator indicator)
    {
        var text = string.Concat(indicator.Type.ToWire(), "\n", indicator.Value, "\n", indicator.Source);
        return "ioc_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}

namespace Vigil.Pipeline.Enrich.Intel;

/// <summary>Wire names of <see cref="IndicatorType"/> ("ip", "cidr", "sha256", ...) and the aliases importers accept.</summary>
public static class IndicatorTypeNames
{
    public static string ToWire(this IndicatorType type) => type switch
    {
        IndicatorType.Ip => "ip",
        IndicatorType.Cidr => "cidr",
        IndicatorType.Domain => "domain",
        IndicatorType.Url => "url",
        IndicatorType.Md5 => "md5",
        IndicatorType.Sha1 => "sha1",
        IndicatorType.Sha256 => "sha256",
        IndicatorType.Email => "email",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>
    /// Reads a type name; "hash" and "file_hash" return null with <paramref name="isHash"/> set, because the
    /// algorithm then follows from the value's length.
    /// </summary>
    public static bool TryParse(string? text, out IndicatorType? type, out bool isHash)
    {
        isHash = false;
        type = text?.Trim().ToLowerInvariant().Replace('_', '-') switch
        {
            "ip" or "ipv4" or "ipv6" or "ip-addr" or "ipv4-addr" or "ipv6-addr" or "ip-src" or "ip-dst" => IndicatorType.Ip,
            "cidr" or "net" or "network" or "subnet" => IndicatorType.Cidr,
            "domain" or "domain-name" or "hostname" or "fqdn" => IndicatorType.Domain,
            "url" or "uri" => IndicatorType.Url,
            "md5" => IndicatorType.Md5,
            "sha1" or "sha-1" => IndicatorType.Sha1,
            "sha256" or "sha-256" => IndicatorType.Sha256,
            "email" or "email-addr" or "email-address" => IndicatorType.Email,
            _ => null,
        };
        if (type is null && text?.Trim().ToLowerInvariant() is "hash" or "file-hash" or "file_hash" or "filehash")
        {
            isHash = true;
        }

        return type is not null || isHash;
    }
}

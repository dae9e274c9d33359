namespace Vigil.Domain.Entities;

public static class EntityTypeNames
{
    public static string ToWire(this EntityType type) => type switch
    {
        EntityType.User => "user",
        EntityType.Host => "host",
        EntityType.Ip => "ip",
        EntityType.Domain => "domain",
        EntityType.Url => "url",
        EntityType.FileHash => "file_hash",
        EntityType.Email => "email",
        EntityType.Process => "process",
        EntityType.CloudAccount => "cloud_account",
        EntityType.ApiToken => "api_token",
        EntityType.Repository => "repository",
        EntityType.Service => "service",
        EntityType.Vulnerability => "vulnerability",
        EntityType.Rule => "rule",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static bool TryParse(string? text, out EntityType type)
    {
        type = default;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "user" or "account" or "username": type = EntityType.User; return true;
            case "host" or "hostname" or "device": type = EntityType.Host; return true;
            case "ip" or "ipv4" or "ipv6" or "ip_address": type = EntityType.Ip; return true;
            case "domain" or "fqdn" or "hostname_dns": type = EntityType.Domain; return true;
            case "url" or "uri": type = EntityType.Url; return true;
            case "file_hash" or "hash" or "md5" or "sha1" or "sha256": type = EntityType.FileHash; return true;
            case "email" or "email_address" or "mail": type = EntityType.Email; return true;
            case "process": type = EntityType.Process; return true;
            case "cloud_account" or "cloud": type = EntityType.CloudAccount; return true;
            case "api_token" or "token" or "access_key": type = EntityType.ApiToken; return true;
            case "repository" or "repo": type = EntityType.Repository; return true;
            case "service": type = EntityType.Service; return true;
            case "vulnerability" or "cve": type = EntityType.Vulnerability; return true;
            case "rule": type = EntityType.Rule; return true;
            default: return false;
        }
    }
}

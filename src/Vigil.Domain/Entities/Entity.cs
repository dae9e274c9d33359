using System.Net;

namespace Vigil.Domain.Entities;

/// <summary>
/// An observable with a normalised value, so that "ALICE@Corp.com" in one alert and "alice@corp.com" in
/// another are the same entity. Construct through <see cref="Create"/> or <see cref="TryCreate"/>.
/// </summary>
public sealed record Entity
{
    private Entity(EntityType type, string value)
    {
        Type = type;
        Value = value;
    }

    public EntityType Type { get; }

    public string Value { get; }

    /// <summary>"type:value", the entity's identity in storage and in the graph.</summary>
    public string Key => string.Concat(Type.ToWire(), ":", Value);

    public static Entity Create(EntityType type, string raw) =>
        TryCreate(type, raw, out var entity)
            ? entity
            : throw new ArgumentException($"'{raw}' is not a valid {type.ToWire()} value.", nameof(raw));

    public static bool TryCreate(EntityType type, string? raw, out Entity entity)
    {
        entity = null!;
        var value = Normalize(type, raw);
        if (value is null)
        {
            return false;
        }

        entity = new Entity(type, value);
        return true;
    }

    public override string ToString() => Key;

    /// <summary>Returns the canonical value for the type, or null when the text cannot be one.</summary>
    public static string? Normalize(EntityType type, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var text = raw.Trim();
        if (text.Length > 2048)
        {
            return null;
        }

        switch (type)
        {
            case EntityType.Ip:
                // IPv4-mapped IPv6 is folded to IPv4 so the same address never appears twice.
                if (!IPAddress.TryParse(text.Trim('[', ']'), out var address))
                {
                    return null;
                }

                if (address.IsIPv4MappedToIPv6)
                {
                    address = address.MapToIPv4();
                }

                if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
                {
                    // A zone index names an interface on the sender's machine, not part of the address's identity.
                    address.ScopeId = 0;
                }

                return address.ToString();
            case EntityType.Domain:
                var domain = text.TrimEnd('.').ToLowerInvariant();
                return domain.Length == 0 || domain.Contains(' ', StringComparison.Ordinal) ? null : domain;
            case EntityType.Email:
                var at = text.LastIndexOf('@');
                return at <= 0 || at == text.Length - 1 ? null : text.ToLowerInvariant();
            case EntityType.FileHash:
                foreach (var c in text)
                {
                    if (!char.IsAsciiHexDigit(c))
                    {
                        return null;
                    }
                }

                return text.Length is 32 or 40 or 64 or 128 ? text.ToLowerInvariant() : null;
            case EntityType.Url:
                if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.IsFile)
                {
                    return null;
                }

                // Scheme and host are case-insensitive by RFC 3986; path and query are not.
                return uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped).ToLowerInvariant()
                    + uri.GetComponents(UriComponents.PathAndQuery | UriComponents.Fragment, UriFormat.UriEscaped);
            case EntityType.Host:
            case EntityType.User:
                return text.ToLowerInvariant();
            case EntityType.Vulnerability:
                return text.ToUpperInvariant();
            case EntityType.Process:
            case EntityType.CloudAccount:
            case EntityType.ApiToken:
            case EntityType.Repository:
            case EntityType.Service:
            case EntityType.Rule:
                return text;
            default:
                return null;
        }
    }
}

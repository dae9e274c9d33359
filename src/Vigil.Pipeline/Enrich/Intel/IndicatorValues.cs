using System.Globalization;
using Vigil.Domain.Entities;

namespace Vigil.Pipeline.Enrich.Intel;

/// <summary>
/// Canonical indicator values, the same canonical forms <see cref="Entity.Normalize"/> gives entities, so that an
/// index lookup is a string or number comparison. Defanged values ("evil[.]example", "hxxp://") are refanged first.
/// </summary>
public static class IndicatorValues
{
    public static string? Normalize(IndicatorType type, string? raw)
    {
        var text = Refang(raw);
        if (text is null)
        {
            return null;
        }

        switch (type)
        {
            case IndicatorType.Ip:
                // A host route written as a network (1.2.3.4/32) is still one address.
                return IpPrefix.TryParse(text, out var host) && host.Length == host.Width
                    ? Entity.Normalize(EntityType.Ip, host.NetworkAddress.ToString())
                    : null;
            case IndicatorType.Cidr:
                return IpPrefix.TryParse(text, out var prefix) ? prefix.ToString() : null;
            case IndicatorType.Domain:
                return NormalizeDomain(text);
            case IndicatorType.Url:
                return text.Contains("://", StringComparison.Ordinal) ? Entity.Normalize(EntityType.Url, text) : null;
            case IndicatorType.Md5:
                return Hex(text, 32);
            case IndicatorType.Sha1:
                return Hex(text, 40);
            case IndicatorType.Sha256:
                return Hex(text, 64);
            case IndicatorType.Email:
                var email = Entity.Normalize(EntityType.Email, text);
                return email is not null && NormalizeDomain(email[(email.LastIndexOf('@') + 1)..]) is not null ? email : null;
            default:
                return null;
        }
    }

    /// <summary>The hash type for a hex digest, from its length (32 md5, 40 sha1, 64 sha256).</summary>
    public static IndicatorType? HashTypeOf(string? raw) => raw?.Trim().Length switch
    {
        32 => IndicatorType.Md5,
        40 => IndicatorType.Sha1,
        64 => IndicatorType.Sha256,
        _ => null,
    };

    /// <summary>
    /// Infers the type of a bare value, for single-column lists. Order matters: a URL contains a domain and an
    /// email contains one too, so the more specific shapes are tried first.
    /// </summary>
    public static bool TryInfer(string? raw, out IndicatorType type, out string value)
    {
        type = default;
        value = "";
        var text = Refang(raw);
        if (text is null)
        {
            return false;
        }

        IndicatorType? candidate =
            text.Contains("://", StringComparison.Ordinal) ? IndicatorType.Url
            : text.Contains('@', StringComparison.Ordinal) ? IndicatorType.Email
            : text.Contains('/', StringComparison.Ordinal) ? IndicatorType.Cidr
            : IpAddresses.TryParseStrict(text, out _) ? IndicatorType.Ip
            : IsHex(text) ? HashTypeOf(text)
            : text.Contains('.', StringComparison.Ordinal) ? IndicatorType.Domain
            : null;
        if (candidate is not { } found || Normalize(found, text) is not { } normalized)
        {
            return false;
        }

        type = found;
        value = normalized;
        return true;
    }

    public static string? Refang(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var text = raw.Trim()
            .Replace("[.]", ".", StringComparison.Ordinal)
            .Replace("(.)", ".", StringComparison.Ordinal)
            .Replace("[:]", ":", StringComparison.Ordinal)
            .Replace("[@]", "@", StringComparison.Ordinal);
        if (text.StartsWith("hxxp", StringComparison.OrdinalIgnoreCase))
        {
            text = "http" + text[4..];
        }

        return text;
    }

    private static string? NormalizeDomain(string text)
    {
        var domain = text.TrimEnd('.').ToLowerInvariant();
        if (domain.StartsWith("*.", StringComparison.Ordinal))
        {
            domain = domain[2..];
        }

        if (domain.Length is 0 or > 253)
        {
            return null;
        }

        var labels = domain.Split('.');
        foreach (var label in labels)
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return null;
            }

            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
                {
                    return null;
                }
            }
        }

        // An all-numeric last label is an IPv4 address, never a registered TLD.
        return int.TryParse(labels[^1], NumberStyles.None, CultureInfo.InvariantCulture, out _) ? null : domain;
    }

    private static string? Hex(string text, int length) => text.Length == length && IsHex(text) ? text.ToLowerInvariant() : null;

    private static bool IsHex(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}

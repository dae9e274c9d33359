using System.Globalization;
using System.Net;
using Vigil.Pipeline.Ports;

namespace Vigil.Connectors.Vendors.Blocklist;

/// <summary>
/// Turns an indicator into the form an external dynamic list serves: an IP address or CIDR (canonical text), a
/// domain (lower case, IDN as punycode, no trailing dot), or a URL without its scheme (firewalls match URL lists
/// without http:// or https://). Anything else is refused: the feed must never carry a line a firewall misreads.
/// </summary>
public static class BlocklistIndicator
{
    private static readonly IdnMapping Idn = new();

    public static (BlocklistKind Kind, string Value) Normalise(string indicator, string? kind)
    {
        var text = indicator.Trim();
        if (text.Length is 0 or > 2048 || text.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            throw new ConnectorInputException("an indicator is one IP, CIDR, domain or URL without spaces or control characters (at most 2048 characters)");
        }

        return (kind?.ToLowerInvariant() ?? Guess(text)) switch
        {
            "ip" => (BlocklistKind.Ip, Ip(text)),
            "domain" => (BlocklistKind.Domain, Domain(text)),
            "url" => (BlocklistKind.Url, Url(text)),
            var other => throw new ConnectorInputException($"unknown indicator kind '{other}' (ip, domain or url)"),
        };
    }

    public static string KindName(BlocklistKind kind) => kind switch
    {
        BlocklistKind.Ip => "ip",
        BlocklistKind.Domain => "domain",
        BlocklistKind.Url => "url",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static BlocklistKind? ParseKind(string name) => name switch
    {
        "ip" => BlocklistKind.Ip,
        "domain" => BlocklistKind.Domain,
        "url" => BlocklistKind.Url,
        _ => null,
    };

    private static string Guess(string text) =>
        text.Contains("://", StringComparison.Ordinal) || text.Contains('/', StringComparison.Ordinal) && !IPNetwork.TryParse(text, out _) ? "url"
        : IPAddress.TryParse(text, out _) || IPNetwork.TryParse(text, out _) ? "ip"
        : "domain";

    private static string Ip(string text)
    {
        if (IPAddress.TryParse(text, out var address) && !text.Contains('/', StringComparison.Ordinal))
        {
            return address.ToString();
        }

        if (IPNetwork.TryParse(text, out var network))
        {
            // A /0 would block everything: that is an outage, not an indicator.
            return network.PrefixLength == 0 ? throw new ConnectorInputException("a /0 network blocks everything; refused") : network.ToString();
        }

        throw new ConnectorInputException($"'{text}' is not an IP address or CIDR network");
    }

    private static string Domain(string text)
    {
        var domain = text.TrimEnd('.');
        string ascii;
        try
        {
            ascii = Idn.GetAscii(domain).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            throw new ConnectorInputException($"'{text}' is not a domain name");
        }

        var labels = ascii.Split('.');
        var wildcard = labels[0] == "*";
        if (labels.Length < 2 || labels.Skip(wildcard ? 1 : 0).Any(label => label.Length is 0 or > 63 || label.StartsWith('-') || label.EndsWith('-')
            || !label.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            throw new ConnectorInputException($"'{text}' is not a domain name");
        }

        return ascii;
    }

    private static string Url(string text)
    {
        var withScheme = text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text;
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
        {
            throw new ConnectorInputException($"'{text}' is not an http(s) URL");
        }

        var host = uri.HostNameType == UriHostNameType.Dns ? Domain(uri.IdnHost) : uri.Host;
        var port = uri.IsDefaultPort ? string.Empty : $":{uri.Port}";
        return host + port + (uri.PathAndQuery == "/" ? string.Empty : uri.PathAndQuery);
    }
}

using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Vigil.Connectors.Http;

/// <summary>
/// One connector's non-secret configuration, read from <c>Vigil:Connectors:&lt;name&gt;</c>: where the vendor is, how
/// long to wait, which private networks it may reach, and the vendor's own settings (project key, tenant id, …).
/// Secrets never live here: they are set with <c>vigil connectors set-secret</c> and kept encrypted in the store.
/// </summary>
public sealed record ConnectorOptions
{
    public const string Section = "Vigil:Connectors";

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public required string Name { get; init; }

    /// <summary>The vendor's API root (e.g. <c>https://acme.atlassian.net</c>); null when the connector is not configured.</summary>
    public Uri? BaseUrl { get; init; }

    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Lets the connector reach 127.0.0.0/8 and ::1 (a vendor proxy on the same host, or tests).</summary>
    public bool AllowLoopback { get; init; }

    /// <summary>Lets the connector reach RFC 1918, CGNAT and unique-local addresses (an on-premises ServiceNow MID, …).</summary>
    public bool AllowPrivateNetwork { get; init; }

    /// <summary>Every key of the section, for vendor settings (case-insensitive).</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public string? Get(string key) => Values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public string Require(string key) =>
        Get(key) ?? throw new ConnectorConfigurationException($"{Section}:{Name}:{key} is not set");

    public Uri RequireBaseUrl() =>
        BaseUrl ?? throw new ConnectorConfigurationException($"{Section}:{Name}:BaseUrl is not set");

    public static ConnectorOptions From(string name, IConfiguration? configuration)
    {
        var section = configuration?.GetSection($"{Section}:{name}");
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var child in section?.GetChildren() ?? [])
        {
            if (child.Value is { } value)
            {
                values[child.Key] = value;
            }
        }

        var baseUrl = values.TryGetValue("BaseUrl", out var url) && !string.IsNullOrWhiteSpace(url) ? ParseUrl(name, url) : null;
        return new ConnectorOptions
        {
            Name = name,
            BaseUrl = baseUrl,
            Timeout = values.TryGetValue("TimeoutSeconds", out var seconds) ? ParseTimeout(name, seconds) : DefaultTimeout,
            AllowLoopback = Flag(values, "AllowLoopback"),
            AllowPrivateNetwork = Flag(values, "AllowPrivateNetwork"),
            Values = values,
        };
    }

    private static Uri ParseUrl(string name, string url) =>
        Uri.TryCreate(url.Trim().TrimEnd('/') + "/", UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new ConnectorConfigurationException($"{Section}:{name}:BaseUrl is not an absolute http(s) URL");

    private static TimeSpan ParseTimeout(string name, string seconds) =>
        double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 600
            ? TimeSpan.FromSeconds(value)
            : throw new ConnectorConfigurationException($"{Section}:{name}:TimeoutSeconds must be a number of seconds between 0 and 600");

    private static bool Flag(Dictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var value) && bool.TryParse(value, out var flag) && flag;
}

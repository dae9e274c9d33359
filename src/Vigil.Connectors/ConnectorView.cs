using Vigil.Connectors.Http;

namespace Vigil.Connectors;

/// <summary>One connector as operators see it: what it does, where it points, which secrets are set (names only), health.</summary>
public sealed record ConnectorView
{
    public required string Name { get; init; }

    public required IReadOnlyList<string> ActionTypes { get; init; }

    /// <summary>The configured vendor root (non-secret), or null when not configured.</summary>
    public string? BaseUrl { get; init; }

    public required IReadOnlyList<string> SecretsSet { get; init; }

    public required ConnectorHealthView Health { get; init; }
}

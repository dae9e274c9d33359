namespace Vigil.Pipeline.Enrich.Context;

/// <summary>What the organisation knows about a host. Null members are unknown, and reported as missing context.</summary>
public sealed record AssetContext
{
    /// <summary>Lower-case host name, as host entities are normalised.</summary>
    public required string HostName { get; init; }

    /// <summary>Canonical addresses (as ip entities are normalised).</summary>
    public IReadOnlyList<string> IpAddresses { get; init; } = [];

    public string? Owner { get; init; }

    public Criticality? Criticality { get; init; }

    public Exposure? Exposure { get; init; }

    public DeploymentEnvironment? Environment { get; init; }

    /// <summary>Lower-case regime names: "pci", "sox", "gdpr", "hipaa".</summary>
    public IReadOnlyList<string> RegulatoryScopes { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>E.g. "domain controller", "jump host", "build server".</summary>
    public string? Role { get; init; }
}

namespace Vigil.Pipeline.Recommend;

/// <summary>
/// The attribute keys the recommender's features read from enrichment results. Sources write these names (asset
/// and identity context, intel, geo); anything else in a result is shown but not scored.
/// </summary>
public static class EvidenceAttributes
{
    /// <summary>Asset business criticality: <c>low</c>, <c>medium</c>, <c>high</c>, <c>critical</c>.</summary>
    public const string Criticality = "criticality";

    /// <summary><c>internal</c> or <c>internet_facing</c>.</summary>
    public const string Exposure = "exposure";

    /// <summary><c>production</c>, <c>staging</c>, <c>development</c>, …</summary>
    public const string Environment = "environment";

    /// <summary>Host role ("domain controller") or a person's job role.</summary>
    public const string Role = "role";

    public const string Owner = "owner";

    /// <summary>Comma-separated accounts that use the host (for blast radius).</summary>
    public const string Users = "users";

    /// <summary>Comma-separated services that depend on the host (for blast radius).</summary>
    public const string Dependencies = "dependencies";

    /// <summary><c>true</c> when the identity holds administrative privilege.</summary>
    public const string Privileged = "privileged";

    /// <summary>Implied travel speed between consecutive sign-ins, km/h (the geo-velocity check's result).</summary>
    public const string VelocityKmh = "speed_kmh";

    /// <summary><c>true</c> when the geo-velocity check found the travel impossible.</summary>
    public const string Impossible = "impossible";

    /// <summary>The recorded trip of the identity that covers the far location ("SG 2026-10-30..2026-11-05"), when one does.</summary>
    public const string TravelExplained = "explained_by_travel";

    /// <summary>A change ticket or maintenance window that sanctions the activity.</summary>
    public const string SanctionedBy = "sanctioned_by";

    /// <summary>Known exploited vulnerability on the asset (a CVE id), for vulnerable-exposure cases.</summary>
    public const string KnownExploited = "known_exploited";
}

using Vigil.Domain.Entities;

namespace Vigil.Pipeline.Recommend;

/// <summary>A host or identity on the case with the facts its enrichment results give (null where none says).</summary>
public sealed record SubjectContext
{
    public required Entity Entity { get; init; }

    public string? Role { get; init; }

    public string? Owner { get; init; }

    public string? Criticality { get; init; }

    public string? Exposure { get; init; }

    public string? Environment { get; init; }

    public bool? Privileged { get; init; }

    public IReadOnlyList<string> Users { get; init; } = [];

    public IReadOnlyList<string> Dependencies { get; init; } = [];

    public string? KnownExploited { get; init; }

    /// <summary>The enrichment results these facts came from.</summary>
    public IReadOnlyList<string> EvidenceIds { get; init; } = [];

    /// <summary>The alerts that name this entity.</summary>
    public IReadOnlyList<string> AlertIds { get; init; } = [];

    public bool IsProduction => string.Equals(Environment, "production", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Environment, "prod", StringComparison.OrdinalIgnoreCase);

    public bool IsKnown => EvidenceIds.Count > 0;
}

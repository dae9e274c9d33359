using Vigil.Domain;

namespace Vigil.Pipeline.Correlate;

/// <summary>
/// A node of an entity graph: a case (<c>case:ID</c>), an alert (<c>alert:ID</c>) or an entity (<c>entity:type:value</c>).
/// Labels are attacker-controlled text where they come from alerts: draw them escaped.
/// </summary>
public sealed record GraphNode
{
    public required string Id { get; init; }

    /// <summary><c>case</c>, <c>alert</c> or <c>entity</c>.</summary>
    public required string Kind { get; init; }

    public required string Label { get; init; }

    /// <summary>The entity type (<c>host</c>, <c>user</c>, <c>rule</c>…) of an entity node.</summary>
    public string? EntityType { get; init; }

    public Severity? Severity { get; init; }

    /// <summary>When an alert happened (event time), or when a case opened.</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>A case's state, or the case that holds an alert.</summary>
    public string? State { get; init; }
}

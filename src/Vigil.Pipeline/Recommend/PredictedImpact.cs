namespace Vigil.Pipeline.Recommend;

/// <summary>The predicted blast radius of one action on its target, from context where the case has it.</summary>
public sealed record PredictedImpact
{
    public required string Target { get; init; }

    /// <summary>Host role or identity role, when known.</summary>
    public string? Role { get; init; }

    /// <summary>People who lose access or service.</summary>
    public IReadOnlyList<string> UsersAffected { get; init; } = [];

    /// <summary>Services that depend on the target.</summary>
    public IReadOnlyList<string> ServiceDependencies { get; init; } = [];

    /// <summary>True, false, or null when the environment is unknown (which is itself missing context).</summary>
    public bool? Production { get; init; }

    /// <summary>One line an approver reads.</summary>
    public required string Summary { get; init; }

    /// <summary>The enrichment results the prediction comes from.</summary>
    public IReadOnlyList<string> EvidenceIds { get; init; } = [];
}

using Vigil.Domain.Actions;

namespace Vigil.Pipeline.Recommend;

/// <summary>A catalogue action the analyst proposes, with what it would disrupt and the evidence it needs.</summary>
public sealed record ProposedAction
{
    /// <summary>A type from the action catalogue; anything else is refused before it gets here.</summary>
    public required string Type { get; init; }

    public required string Title { get; init; }

    /// <summary>Inputs by name, e.g. <c>host</c> → <c>dc-01</c>; values are entities on the case.</summary>
    public required IReadOnlyDictionary<string, string> Inputs { get; init; }

    public required string Rationale { get; init; }

    /// <summary>The catalogue's blast radius class; friction (approvals) follows it.</summary>
    public required BlastRadius BlastRadius { get; init; }

    /// <summary>How many people must approve (from the catalogue's level).</summary>
    public required int RequiredApprovals { get; init; }

    public required PredictedImpact Impact { get; init; }

    /// <summary>The evidence kinds the catalogue requires, and whether the case holds each.</summary>
    public IReadOnlyList<string> RequiredEvidence { get; init; } = [];

    public bool RequiredEvidencePresent { get; init; }

    /// <summary>The ids this proposal rests on.</summary>
    public IReadOnlyList<string> EvidenceIds { get; init; } = [];

    /// <summary>Undone by this catalogue action, or null when irreversible.</summary>
    public string? Rollback { get; init; }

    public string Origin { get; init; } = "builtin";
}

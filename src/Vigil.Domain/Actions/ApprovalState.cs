namespace Vigil.Domain.Actions;

/// <summary>Where a request stands: still waiting (and for how many), approved, rejected, or expired.</summary>
public sealed record ApprovalState
{
    public required ApprovalStatus Status { get; init; }

    public int ApprovalsMissing { get; init; }

    public ApprovedAction? Approved { get; init; }

    public ApprovalDecision? Rejection { get; init; }

    /// <summary>Decisions that were given but do not count, each with why (e.g. given for other parameters).</summary>
    public IReadOnlyList<string> Ignored { get; init; } = [];
}

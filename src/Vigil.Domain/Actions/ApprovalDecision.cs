using Vigil.Domain.Ledger;

namespace Vigil.Domain.Actions;

/// <summary>One person's decision on a request, bound to the parameter hash they were shown.</summary>
public sealed record ApprovalDecision
{
    public required string RequestId { get; init; }

    public required Actor Approver { get; init; }

    public required IReadOnlyList<string> ApproverRoles { get; init; }

    public required Verdict Verdict { get; init; }

    public required string Rationale { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The hash of the parameters the approver saw and agreed to.</summary>
    public required string ParameterHash { get; init; }

    /// <summary>True when the approver re-authenticated (TOTP) for this decision.</summary>
    public bool StepUpVerified { get; init; }
}

namespace Vigil.Domain.Actions;

/// <summary>
/// An action cleared to run. Its constructor is private: the only way to obtain one is
/// <see cref="ApprovalEvaluator.Evaluate"/>, so an executor that accepts only this type cannot run anything that
/// has not passed the policy.
/// </summary>
public sealed class ApprovedAction
{
    private ApprovedAction(ActionRequest request, IReadOnlyList<ApprovalDecision> approvals, DateTimeOffset approvedAt)
    {
        Request = request;
        Approvals = approvals;
        ApprovedAt = approvedAt;
    }

    public ActionRequest Request { get; }

    /// <summary>The approvals that cleared it; empty for an automatic action.</summary>
    public IReadOnlyList<ApprovalDecision> Approvals { get; }

    public DateTimeOffset ApprovedAt { get; }

    /// <summary>Sent with every call the action makes, so that a retry after a crash never acts twice.</summary>
    public string IdempotencyKey => string.Concat(Request.Id, ":", Request.ParameterHash[..16]);

    internal static ApprovedAction Create(ActionRequest request, IReadOnlyList<ApprovalDecision> approvals, DateTimeOffset approvedAt) =>
        new(request, approvals, approvedAt);
}

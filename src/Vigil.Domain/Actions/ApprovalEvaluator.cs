using Vigil.Domain.Ledger;

namespace Vigil.Domain.Actions;

/// <summary>
/// The approval policy as code. <see cref="Check"/> decides whether a new decision may be recorded at all;
/// <see cref="Evaluate"/> decides, from the recorded decisions, whether the request is cleared to run and is the
/// only place an <see cref="ApprovedAction"/> is made. Evaluate re-checks every recorded decision rather than
/// trusting what was stored, so a decision that slipped past Check (or a row edited in the database) still does
/// not count.
/// </summary>
public static class ApprovalEvaluator
{
    /// <summary>Null when the decision may be recorded; otherwise the reason it is refused.</summary>
    public static string? Check(ActionRequest request, ActionDefinition definition, IReadOnlyList<ApprovalDecision> recorded, ApprovalDecision decision, DateTimeOffset now)
    {
        var state = Evaluate(request, definition, recorded, now);
        if (state.Status != ApprovalStatus.Pending)
        {
            return $"the request is already {state.Status.ToString().ToLowerInvariant()}";
        }

        if (recorded.Any(d => d.Approver == decision.Approver))
        {
            return $"{decision.Approver} has already decided on this request; one person counts once";
        }

        return Disqualify(request, definition, decision);
    }

    public static ApprovalState Evaluate(ActionRequest request, ActionDefinition definition, IReadOnlyList<ApprovalDecision> recorded, DateTimeOffset now)
    {
        if (request.Type != definition.Type)
        {
            throw new ArgumentException($"request is for {request.Type}, definition is {definition.Type}", nameof(definition));
        }

        if (!request.IsIntact)
        {
            // The parameters no longer match what was requested: nothing can clear it.
            return new ApprovalState { Status = ApprovalStatus.Rejected, Ignored = ["the request's parameters were changed after it was made"] };
        }

        var ignored = new List<string>();
        var counted = new List<ApprovalDecision>();
        var seen = new HashSet<Actor>();
        foreach (var decision in recorded.Where(d => d.RequestId == request.Id).OrderBy(d => d.At))
        {
            if (!seen.Add(decision.Approver))
            {
                ignored.Add($"{decision.Approver}: a second decision by the same person does not count");
                continue;
            }

            if (decision.At > request.ExpiresAt)
            {
                ignored.Add($"{decision.Approver}: decided after the request expired");
                continue;
            }

            if (Disqualify(request, definition, decision) is { } reason)
            {
                ignored.Add($"{decision.Approver}: {reason}");
                continue;
            }

            if (decision.Verdict == Verdict.Reject)
            {
                return new ApprovalState { Status = ApprovalStatus.Rejected, Rejection = decision, Ignored = ignored };
            }

            counted.Add(decision);
            if (counted.Count >= definition.RequiredApprovals)
            {
                break;
            }
        }

        if (counted.Count >= definition.RequiredApprovals)
        {
            var approvedAt = counted.Count == 0 ? request.RequestedAt : counted[^1].At;
            return new ApprovalState { Status = ApprovalStatus.Approved, Approved = ApprovedAction.Create(request, counted, approvedAt), Ignored = ignored };
        }

        return now > request.ExpiresAt
            ? new ApprovalState { Status = ApprovalStatus.Expired, ApprovalsMissing = definition.RequiredApprovals - counted.Count, Ignored = ignored }
            : new ApprovalState { Status = ApprovalStatus.Pending, ApprovalsMissing = definition.RequiredApprovals - counted.Count, Ignored = ignored };
    }

    private static string? Disqualify(ActionRequest request, ActionDefinition definition, ApprovalDecision decision)
    {
        if (decision.RequestId != request.Id)
        {
            return "the decision is for another request";
        }

        if (!decision.Approver.IsHuman)
        {
            return "only a person can approve or reject; automation and API keys cannot";
        }

        if (decision.Approver == request.RequestedBy)
        {
            return "the requester cannot decide on their own request";
        }

        if (request.PlaybookAuthor is { } author && string.Equals(author, decision.Approver.Id, StringComparison.OrdinalIgnoreCase))
        {
            return "the playbook's author cannot approve what the playbook requests";
        }

        if (!string.Equals(decision.ParameterHash, request.ParameterHash, StringComparison.Ordinal))
        {
            return "the decision was given for different parameters; it is void";
        }

        if (definition.ApproverRoles.Count > 0 && !decision.ApproverRoles.Intersect(definition.ApproverRoles, StringComparer.Ordinal).Any())
        {
            return $"approvers of {definition.Type} must hold one of the roles {string.Join(", ", definition.ApproverRoles)}";
        }

        if (definition.RequiresStepUp && !decision.StepUpVerified)
        {
            return "this action requires re-authentication (TOTP) at decision time";
        }

        if (string.IsNullOrWhiteSpace(decision.Rationale))
        {
            return "a decision needs a rationale";
        }

        if (decision.At > request.ExpiresAt)
        {
            return "the request has expired";
        }

        return null;
    }
}

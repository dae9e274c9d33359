using CsCheck;
using Vigil.Domain.Actions;
using Vigil.Domain.Ledger;

namespace Vigil.Domain.Tests.Actions;

/// <summary>No path runs a gated action without its approvals: each way of cheating is refused here.</summary>
public sealed class ApprovalEvaluatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Requester = Actor.Human("rita");

    private static readonly ActionDefinition Isolate = new()
    {
        Type = "host.isolate",
        Title = "Isolate host",
        Connector = "crowdstrike",
        RequiredInputs = ["host"],
        BlastRadius = BlastRadius.Medium,
        Level = AutomationLevel.HumanApproval,
        Rollback = "host.release",
        ApproverRoles = ["approver", "admin"],
        ApprovalWindow = TimeSpan.FromHours(1),
    };

    private static readonly ActionDefinition CloudContain = Isolate with
    {
        Type = "aws.key.deactivate",
        BlastRadius = BlastRadius.Critical,
        Level = AutomationLevel.TwoPersonApproval,
        RequiredInputs = ["access_key_id"],
        RequiresStepUp = true,
    };

    private static ActionRequest Request(ActionDefinition definition, string? author = null, string value = "WS-12") =>
        ActionRequest.Create("act_1", definition, "cas_1", new Dictionary<string, string> { [definition.RequiredInputs[0]] = value }, Requester, author, T0);

    private static ApprovalDecision Decision(ActionRequest request, string who, Verdict verdict = Verdict.Approve, int minutes = 5, string role = "approver", bool stepUp = true, string? hash = null) => new()
    {
        RequestId = request.Id,
        Approver = Actor.Human(who),
        ApproverRoles = [role],
        Verdict = verdict,
        Rationale = "EDR shows credential dumping; isolate",
        At = T0.AddMinutes(minutes),
        ParameterHash = hash ?? request.ParameterHash,
        StepUpVerified = stepUp,
    };

    [Fact]
    public void Evaluate_OneValidApproval_ClearsASingleApprovalAction()
    {
        var request = Request(Isolate);
        var approval = Decision(request, "alice");

        Assert.Null(ApprovalEvaluator.Check(request, Isolate, [], approval, T0.AddMinutes(5)));
        var state = ApprovalEvaluator.Evaluate(request, Isolate, [approval], T0.AddMinutes(6));

        Assert.Equal(ApprovalStatus.Approved, state.Status);
        Assert.Same(request, state.Approved!.Request);
        Assert.Equal([approval], state.Approved.Approvals);
        Assert.StartsWith("act_1:", state.Approved.IdempotencyKey, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NoDecisions_IsPendingThenExpired()
    {
        var request = Request(Isolate);

        Assert.Equal(ApprovalStatus.Pending, ApprovalEvaluator.Evaluate(request, Isolate, [], T0.AddMinutes(59)).Status);
        var expired = ApprovalEvaluator.Evaluate(request, Isolate, [], T0.AddMinutes(61));
        Assert.Equal(ApprovalStatus.Expired, expired.Status);
        Assert.Equal(1, expired.ApprovalsMissing);
    }

    [Fact]
    public void Requester_CannotApproveOwnRequest()
    {
        var request = Request(Isolate);
        var self = Decision(request, "rita");

        Assert.Contains("requester", ApprovalEvaluator.Check(request, Isolate, [], self, T0), StringComparison.Ordinal);
        Assert.Equal(ApprovalStatus.Pending, ApprovalEvaluator.Evaluate(request, Isolate, [self], T0.AddMinutes(6)).Status);
    }

    [Fact]
    public void PlaybookAuthor_CannotApprove()
    {
        var request = Request(Isolate, author: "paul");

        Assert.Contains("author", ApprovalEvaluator.Check(request, Isolate, [], Decision(request, "Paul"), T0), StringComparison.Ordinal);
    }

    [Fact]
    public void SamePersonTwice_CountsOnce_ForTwoPersonRule()
    {
        var request = Request(CloudContain);
        var first = Decision(request, "alice");
        var again = Decision(request, "alice", minutes: 6);

        Assert.Contains("already decided", ApprovalEvaluator.Check(request, CloudContain, [first], again, T0.AddMinutes(6)), StringComparison.Ordinal);
        var state = ApprovalEvaluator.Evaluate(request, CloudContain, [first, again], T0.AddMinutes(7));
        Assert.Equal(ApprovalStatus.Pending, state.Status);
        Assert.Equal(1, state.ApprovalsMissing);
        Assert.Contains(state.Ignored, i => i.Contains("same person", StringComparison.Ordinal));

        var second = Decision(request, "bob", minutes: 8);
        Assert.Equal(ApprovalStatus.Approved, ApprovalEvaluator.Evaluate(request, CloudContain, [first, again, second], T0.AddMinutes(9)).Status);
    }

    [Fact]
    public void ChangedParameters_VoidTheApproval()
    {
        var request = Request(Isolate);
        var approval = Decision(request, "alice");
        var tampered = request with { Parameters = new Dictionary<string, string> { ["host"] = "CEO-LAPTOP" } };

        var state = ApprovalEvaluator.Evaluate(tampered, Isolate, [approval], T0.AddMinutes(6));

        Assert.Equal(ApprovalStatus.Rejected, state.Status);
        Assert.Null(state.Approved);
    }

    [Fact]
    public void ApprovalForOtherParameters_IsVoid()
    {
        var request = Request(Isolate);
        var otherHash = ActionRequest.ComputeHash("host.isolate", new Dictionary<string, string> { ["host"] = "WS-13" });
        var approval = Decision(request, "alice", hash: otherHash);

        Assert.Contains("different parameters", ApprovalEvaluator.Check(request, Isolate, [], approval, T0), StringComparison.Ordinal);
        Assert.Equal(ApprovalStatus.Pending, ApprovalEvaluator.Evaluate(request, Isolate, [approval], T0.AddMinutes(6)).Status);
    }

    [Fact]
    public void ExpiredApproval_DoesNotCount()
    {
        var request = Request(Isolate);
        var late = Decision(request, "alice", minutes: 61);

        Assert.Contains("expired", ApprovalEvaluator.Check(request, Isolate, [], late, T0.AddMinutes(61)), StringComparison.Ordinal);
        Assert.Equal(ApprovalStatus.Expired, ApprovalEvaluator.Evaluate(request, Isolate, [late], T0.AddMinutes(62)).Status);
    }

    [Fact]
    public void ForgedDecisionForAnotherRequest_DoesNotCount()
    {
        var request = Request(Isolate);
        var forged = Decision(request, "alice") with { RequestId = "act_other" };

        Assert.Equal(ApprovalStatus.Pending, ApprovalEvaluator.Evaluate(request, Isolate, [forged], T0.AddMinutes(6)).Status);
        Assert.NotNull(ApprovalEvaluator.Check(request, Isolate, [], forged, T0));
    }

    [Theory]
    [InlineData(ActorKind.Automation)]
    [InlineData(ActorKind.ApiKey)]
    [InlineData(ActorKind.System)]
    public void NonHuman_CannotApprove(ActorKind kind)
    {
        var request = Request(Isolate);
        var machine = Decision(request, "bot") with { Approver = new Actor(kind, "bot") };

        Assert.Contains("only a person", ApprovalEvaluator.Check(request, Isolate, [], machine, T0), StringComparison.Ordinal);
        Assert.Equal(ApprovalStatus.Pending, ApprovalEvaluator.Evaluate(request, Isolate, [machine], T0.AddMinutes(6)).Status);
    }

    [Fact]
    public void WrongRole_MissingStepUp_OrEmptyRationale_AreRefused()
    {
        var request = Request(CloudContain);

        Assert.Contains("roles", ApprovalEvaluator.Check(request, CloudContain, [], Decision(request, "alice", role: "analyst"), T0), StringComparison.Ordinal);
        Assert.Contains("TOTP", ApprovalEvaluator.Check(request, CloudContain, [], Decision(request, "alice", stepUp: false), T0), StringComparison.Ordinal);
        Assert.Contains("rationale", ApprovalEvaluator.Check(request, CloudContain, [], Decision(request, "alice") with { Rationale = " " }, T0), StringComparison.Ordinal);
    }

    [Fact]
    public void Rejection_EndsTheRequest_AndLaterDecisionsAreRefused()
    {
        var request = Request(Isolate);
        var reject = Decision(request, "alice", Verdict.Reject);

        var state = ApprovalEvaluator.Evaluate(request, Isolate, [reject], T0.AddMinutes(6));
        Assert.Equal(ApprovalStatus.Rejected, state.Status);
        Assert.Equal(reject, state.Rejection);
        Assert.Contains("already rejected", ApprovalEvaluator.Check(request, Isolate, [reject], Decision(request, "bob", minutes: 7), T0.AddMinutes(7)), StringComparison.Ordinal);
    }

    [Fact]
    public void AutomaticAction_IsApprovedWithoutDecisions()
    {
        var ticket = new ActionDefinition { Type = "ticket.create", Title = "Ticket", Connector = "jira", RequiredInputs = ["summary"], BlastRadius = BlastRadius.Low, Level = AutomationLevel.Automatic };
        var request = Request(ticket, value: "Investigate WS-12");

        var state = ApprovalEvaluator.Evaluate(request, ticket, [], T0);

        Assert.Equal(ApprovalStatus.Approved, state.Status);
        Assert.Empty(state.Approved!.Approvals);
    }

    [Fact]
    public void Create_MissingRequiredInput_IsRefused() =>
        Assert.Throws<ArgumentException>(() => ActionRequest.Create("act_2", Isolate, "cas_1", new Dictionary<string, string>(), Requester, null, T0));

    [Fact]
    public void ParameterHash_IgnoresOrderButNotContent()
    {
        var a = ActionRequest.ComputeHash("x", new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" });
        var b = ActionRequest.ComputeHash("x", new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" });
        var shifted = ActionRequest.ComputeHash("x", new Dictionary<string, string> { ["a"] = "12", ["b"] = string.Empty });

        Assert.Equal(a, b);
        Assert.NotEqual(a, shifted);
    }

    [Fact]
    public void Evaluate_AnyDecisionSequence_ApprovesOnlyWithEnoughDistinctQualifiedPeople()
    {
        var request = Request(CloudContain);
        var people = new[] { "rita", "alice", "bob", "carol" };
        var genDecision = Gen.Select(
            Gen.Int[0, people.Length - 1], Gen.Bool, Gen.Int[0, 90], Gen.Bool, Gen.Bool, Gen.Int[0, 3],
            (who, reject, minutes, roleOk, stepUp, hashKind) => Decision(
                request, people[who], reject ? Verdict.Reject : Verdict.Approve, minutes,
                roleOk ? "approver" : "analyst", stepUp, hashKind == 0 ? "bad" : null));

        genDecision.Array[0, 8].Sample(decisions =>
        {
            var state = ApprovalEvaluator.Evaluate(request, CloudContain, decisions, T0.AddMinutes(120));
            if (state.Status != ApprovalStatus.Approved)
            {
                return true;
            }

            var approvers = state.Approved!.Approvals;
            return approvers.Select(a => a.Approver).Distinct().Count() >= 2
                && approvers.All(a => a.Approver != Requester && a.StepUpVerified && a.ParameterHash == request.ParameterHash
                    && a.ApproverRoles.Contains("approver") && a.At <= request.ExpiresAt && a.Verdict == Verdict.Approve);
        });
    }
}

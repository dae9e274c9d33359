using Vigil.Domain;
using Vigil.Domain.Cases;

namespace Vigil.Domain.Tests.Cases;

public sealed class CaseLifecycleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static Case NewCase(CaseState state = CaseState.Normalised) => new()
    {
        Id = Ids.New(Ids.Case),
        Title = "Credential dumping on DC-01",
        State = state,
        SeverityAtOpen = Severity.High,
        Severity = Severity.High,
        OpenedAt = T0,
        UpdatedAt = T0,
        SlaDueAt = SlaPolicy.Default.DueAt(Severity.High, T0),
        AlertCount = 1,
    };

    [Theory]
    [InlineData(CaseState.Normalised, CaseState.Enriched)]
    [InlineData(CaseState.Normalised, CaseState.Correlated)]
    [InlineData(CaseState.Enriched, CaseState.Correlated)]
    [InlineData(CaseState.Correlated, CaseState.Recommended)]
    [InlineData(CaseState.Recommended, CaseState.Approved)]
    [InlineData(CaseState.Recommended, CaseState.Learned)]
    [InlineData(CaseState.Approved, CaseState.Executed)]
    [InlineData(CaseState.Approved, CaseState.Recommended)]
    [InlineData(CaseState.Executed, CaseState.Recovered)]
    [InlineData(CaseState.Executed, CaseState.Learned)]
    [InlineData(CaseState.Recovered, CaseState.Learned)]
    public void Move_LegalStep_IsAcceptedAndBumpsVersion(CaseState from, CaseState to)
    {
        var before = NewCase(from);
        var change = CaseLifecycle.Move(before, to, T0.AddMinutes(5));

        Assert.True(change.IsAccepted, change.Refusal);
        Assert.Equal(to, change.After!.State);
        Assert.Equal(before.Version + 1, change.After.Version);
        Assert.Equal(T0.AddMinutes(5), change.After.UpdatedAt);
    }

    [Theory]
    [InlineData(CaseState.Normalised, CaseState.Recommended)]
    [InlineData(CaseState.Normalised, CaseState.Approved)]
    [InlineData(CaseState.Enriched, CaseState.Normalised)]
    [InlineData(CaseState.Correlated, CaseState.Approved)]
    [InlineData(CaseState.Correlated, CaseState.Executed)]
    [InlineData(CaseState.Recommended, CaseState.Executed)]
    [InlineData(CaseState.Executed, CaseState.Approved)]
    [InlineData(CaseState.Learned, CaseState.Recovered)]
    [InlineData(CaseState.Learned, CaseState.Learned)]
    public void Move_IllegalStep_IsRefusedWithAllowedStates(CaseState from, CaseState to)
    {
        var change = CaseLifecycle.Move(NewCase(from), to, T0);

        Assert.False(change.IsAccepted);
        Assert.Contains($"from {from.ToWire()} to {to.ToWire()}", change.Refusal, StringComparison.Ordinal);
        Assert.Contains("closed", change.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Move_ToClosed_IsRefusedBecauseClosureNeedsAClassification()
    {
        var change = CaseLifecycle.Move(NewCase(), CaseState.Closed, T0);

        Assert.False(change.IsAccepted);
        Assert.Contains("classification", change.Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CaseState.Normalised)]
    [InlineData(CaseState.Recommended)]
    [InlineData(CaseState.Executed)]
    [InlineData(CaseState.Learned)]
    public void Close_FromAnyOpenState_RecordsClassificationAndRememberedState(CaseState from)
    {
        var change = CaseLifecycle.Close(NewCase(from), new CaseClosure(Classification.FalsePositive, "admin script", "scheduled task"), T0);

        Assert.True(change.IsAccepted);
        Assert.Equal(CaseState.Closed, change.After!.State);
        Assert.Equal(Classification.FalsePositive, change.After.Classification);
        Assert.Equal(from, change.After.StateBeforeClose);
        Assert.Equal("scheduled task", change.After.RootCause);
        Assert.Equal(T0, change.After.ClosedAt);
    }

    [Fact]
    public void Close_WithoutNote_IsRefused()
    {
        var change = CaseLifecycle.Close(NewCase(), new CaseClosure(Classification.TruePositive, "  ", null), T0);

        Assert.False(change.IsAccepted);
        Assert.Contains("note", change.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Close_AlreadyClosed_IsRefused()
    {
        var closed = CaseLifecycle.Close(NewCase(), new CaseClosure(Classification.Duplicate, "dup", null), T0).After!;

        Assert.False(CaseLifecycle.Close(closed, new CaseClosure(Classification.Duplicate, "again", null), T0).IsAccepted);
        Assert.False(CaseLifecycle.Move(closed, CaseState.Learned, T0).IsAccepted);
    }

    [Fact]
    public void Reopen_ClosedCase_ReturnsToStateBeforeCloseAndClearsClosure()
    {
        var closed = CaseLifecycle.Close(NewCase(CaseState.Recommended), new CaseClosure(Classification.BenignPositive, "ok", "backup job"), T0).After!;

        var reopened = CaseLifecycle.Reopen(closed, "new evidence", T0.AddHours(1));

        Assert.True(reopened.IsAccepted);
        Assert.Equal(CaseState.Recommended, reopened.After!.State);
        Assert.Null(reopened.After.Classification);
        Assert.Null(reopened.After.ClosedAt);
        Assert.Null(reopened.After.RootCause);
    }

    [Fact]
    public void Reopen_WithoutReasonOrWhenOpen_IsRefused()
    {
        var closed = CaseLifecycle.Close(NewCase(), new CaseClosure(Classification.FalsePositive, "fp", null), T0).After!;

        Assert.False(CaseLifecycle.Reopen(closed, " ", T0).IsAccepted);
        Assert.False(CaseLifecycle.Reopen(NewCase(), "why", T0).IsAccepted);
    }

    [Fact]
    public void MergeInto_ClosesSourceAsDuplicateAndUnmergeRestoresIt()
    {
        var source = NewCase(CaseState.Enriched);
        var target = NewCase(CaseState.Correlated);

        var merged = CaseLifecycle.MergeInto(source, target, T0);
        Assert.True(merged.IsAccepted);
        Assert.Equal(CaseState.Closed, merged.After!.State);
        Assert.Equal(Classification.Duplicate, merged.After.Classification);
        Assert.Equal(target.Id, merged.After.MergedInto);

        Assert.False(CaseLifecycle.Reopen(merged.After, "try", T0).IsAccepted);

        var unmerged = CaseLifecycle.Unmerge(merged.After, T0.AddMinutes(1));
        Assert.True(unmerged.IsAccepted);
        Assert.Equal(CaseState.Enriched, unmerged.After!.State);
        Assert.Null(unmerged.After.MergedInto);
        Assert.Null(unmerged.After.Classification);
    }

    [Fact]
    public void MergeInto_ItselfOrIntoClosedCase_IsRefused()
    {
        var source = NewCase();
        var closedTarget = CaseLifecycle.Close(NewCase(), new CaseClosure(Classification.TruePositive, "done", null), T0).After!;

        Assert.False(CaseLifecycle.MergeInto(source, source, T0).IsAccepted);
        Assert.False(CaseLifecycle.MergeInto(source, closedTarget, T0).IsAccepted);
        Assert.False(CaseLifecycle.Unmerge(source, T0).IsAccepted);
    }

    [Fact]
    public void NextStates_EveryStateIsReachableFromNormalised()
    {
        var seen = new HashSet<CaseState> { CaseState.Normalised };
        var frontier = new Queue<CaseState>(seen);
        while (frontier.TryDequeue(out var state))
        {
            foreach (var next in CaseLifecycle.NextStates(state))
            {
                if (seen.Add(next))
                {
                    frontier.Enqueue(next);
                }
            }
        }

        var expected = Enum.GetValues<CaseState>().Where(s => s != CaseState.Closed);
        Assert.Equal(expected.OrderBy(s => s), seen.OrderBy(s => s));
    }

    [Fact]
    public void SlaPolicy_DueAt_IsShorterForHigherSeverity()
    {
        var policy = SlaPolicy.Default;

        Assert.Equal(T0.AddHours(1), policy.DueAt(Severity.Critical, T0));
        Assert.True(policy.DueAt(Severity.High, T0) < policy.DueAt(Severity.Medium, T0));
        Assert.True(policy.DueAt(Severity.Low, T0) < policy.DueAt(Severity.Informational, T0));
    }
}

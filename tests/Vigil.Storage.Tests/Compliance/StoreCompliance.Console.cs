using Vigil.Pipeline.Ports;

namespace Vigil.Storage.Tests.Compliance;

public abstract partial class StoreCompliance
{
    [Fact]
    public async Task SavedViews_SaveReplacesByNameListsPerOwnerAndDeletesOwnOnly()
    {
        await using var db = await OpenStoreAsync();
        SavedView View(string owner, string name, string query) =>
            new() { Id = Vigil.Domain.Ids.New("viw"), Owner = owner, Name = name, Query = query, CreatedAt = T0 };
        var mine = View("alice", "Critical open", "?sev=critical");
        await CommitAsync(db.Store, async tx =>
        {
            await tx.SaveViewAsync(mine, Ct);
            await tx.SaveViewAsync(View("alice", "Assigned to me", "?owner=me"), Ct);
            await tx.SaveViewAsync(View("bob", "Critical open", "?sev=high"), Ct);
        });
        var replacement = View("alice", "Critical open", "?sev=critical&state=enriched");
        await CommitAsync(db.Store, tx => tx.SaveViewAsync(replacement, Ct));

        var views = await db.Store.ListSavedViewsAsync("alice", Ct);
        Assert.Equal(["Assigned to me", "Critical open"], views.Select(v => v.Name));
        Assert.Equal(replacement with { CreatedAt = Micros(T0) }, views[1]);
        Assert.False(await CommitAsync(db.Store, tx => tx.DeleteSavedViewAsync("bob", replacement.Id, Ct)));
        Assert.True(await CommitAsync(db.Store, tx => tx.DeleteSavedViewAsync("alice", replacement.Id, Ct)));
        Assert.Single(await db.Store.ListSavedViewsAsync("alice", Ct));
        Assert.Single(await db.Store.ListSavedViewsAsync("bob", Ct));
    }

    [Fact]
    public async Task CaseFacts_OpenedSinceOrStillOpen_WithFirstAssignmentFromLedger()
    {
        await using var db = await OpenStoreAsync();
        var old = NewCase("old open", T0.AddDays(-40));
        var oldClosed = NewCase("old closed", T0.AddDays(-40)) with { State = Vigil.Domain.Cases.CaseState.Closed, ClosedAt = T0.AddDays(-39), Classification = Vigil.Domain.Cases.Classification.FalsePositive };
        var recent = NewCase("recent", T0) with { State = Vigil.Domain.Cases.CaseState.Closed, ClosedAt = T0.AddHours(3), Classification = Vigil.Domain.Cases.Classification.TruePositive };
        var alert = NewAlert("r-1", entities: [Vigil.Domain.Entities.Entity.Create(Vigil.Domain.Entities.EntityType.Rule, "proc_creation_win_mimikatz"), Vigil.Domain.Entities.Entity.Create(Vigil.Domain.Entities.EntityType.Host, "dc-01")]);
        await CommitAsync(db.Store, async tx =>
        {
            await tx.InsertCaseAsync(old, Ct);
            await tx.InsertCaseAsync(oldClosed, Ct);
            await tx.InsertCaseAsync(recent, Ct);
            await tx.UpsertAlertAsync(alert, Ct);
            await tx.AttachAlertAsync(Link(recent, alert), alert, Ct);
            await tx.AppendLedgerAsync(recent.Id, Vigil.Domain.Ledger.LedgerKinds.Assigned, Vigil.Domain.Ledger.Actor.Human("amy"), T0.AddMinutes(20), "{}", Ct);
            await tx.AppendLedgerAsync(recent.Id, Vigil.Domain.Ledger.LedgerKinds.Assigned, Vigil.Domain.Ledger.Actor.Human("bob"), T0.AddMinutes(50), "{}", Ct);
        });

        var facts = (await db.Store.ReadCaseFactsAsync(T0.AddDays(-1), Ct)).OrderBy(f => f.OpenedAt).ToArray();

        Assert.Equal([old.Id, recent.Id], facts.Select(f => f.Id));
        Assert.Null(facts[0].FirstAssignedAt);
        Assert.Equal(Micros(T0.AddMinutes(20)), facts[1].FirstAssignedAt);
        Assert.Equal(Micros(T0.AddHours(3)), facts[1].ClosedAt);
        Assert.Equal(Vigil.Domain.Cases.Classification.TruePositive, facts[1].Classification);

        var rules = await db.Store.ReadRuleOutcomesAsync(T0.AddDays(-1), Ct);
        Assert.Equal([new RuleOutcome("proc_creation_win_mimikatz", Vigil.Domain.Cases.Classification.TruePositive, 1)], rules);
    }
}

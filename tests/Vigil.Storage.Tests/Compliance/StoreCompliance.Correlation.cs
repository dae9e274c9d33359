using Vigil.Domain.Cases;
using Vigil.Domain.Entities;

namespace Vigil.Storage.Tests.Compliance;

public abstract partial class StoreCompliance
{
    private static readonly Entity Ws12 = Entity.Create(EntityType.Host, "WS-12");
    private static readonly Entity Alice = Entity.Create(EntityType.User, "alice");
    private static readonly Entity Bob = Entity.Create(EntityType.User, "bob");

    [Fact]
    public async Task FindOpenCasesByEntities_ActivityInsideWindow_FindsCaseWithEventTimeAndSize()
    {
        await using var db = await OpenStoreAsync();
        var @case = NewCase() with { AlertCount = 1 };
        var alert = NewAlert("a-1", T0, "{}", Ws12, Alice);
        await CommitAsync(db.Store, async tx =>
        {
            await tx.UpsertAlertAsync(alert, Ct);
            await tx.InsertCaseAsync(@case, Ct);
            await tx.AttachAlertAsync(Link(@case, alert), alert, Ct);
        });

        var hits = await CommitAsync(db.Store, tx => tx.FindOpenCasesByEntitiesAsync([Ws12.Key, Bob.Key], alert.OccurredAt.AddMinutes(-30), 10, Ct));

        var hit = Assert.Single(hits);
        Assert.Equal(@case.Id, hit.CaseId);
        Assert.Equal(Ws12.Key, hit.EntityKey);
        // last_at is the alert's event time (occurred_at), not when it was received.
        Assert.Equal(Micros(alert.OccurredAt), hit.LastAt);
        Assert.Equal(1, hit.AlertCount);
    }

    [Fact]
    public async Task FindOpenCasesByEntities_ActivityBeforeWindowOrCaseClosed_FindsNothing()
    {
        await using var db = await OpenStoreAsync();
        var open = NewCase();
        var closed = NewCase() with { State = CaseState.Closed, ClosedAt = T0, Classification = Classification.FalsePositive };
        var old = NewAlert("old", T0, "{}", Ws12);
        var shut = NewAlert("shut", T0.AddHours(2), "{}", Ws12);
        await CommitAsync(db.Store, async tx =>
        {
            foreach (var (c, a) in new[] { (open, old), (closed, shut) })
            {
                await tx.UpsertAlertAsync(a, Ct);
                await tx.InsertCaseAsync(c, Ct);
                await tx.AttachAlertAsync(Link(c, a), a, Ct);
            }
        });

        var hits = await CommitAsync(db.Store, tx => tx.FindOpenCasesByEntitiesAsync([Ws12.Key], T0.AddHours(1), 10, Ct));

        Assert.Empty(hits);
    }

    [Fact]
    public async Task FindOpenCasesByEntities_WithinOneTransaction_SeesItsOwnAttachAndLatestActivity()
    {
        await using var db = await OpenStoreAsync();
        var @case = NewCase();
        var first = NewAlert("first", T0, "{}", Ws12);
        var later = NewAlert("later", T0.AddHours(3), "{}", Ws12, Alice);

        var hits = await CommitAsync(db.Store, async tx =>
        {
            await tx.UpsertAlertAsync(first, Ct);
            await tx.UpsertAlertAsync(later, Ct);
            await tx.InsertCaseAsync(@case, Ct);
            await tx.AttachAlertAsync(Link(@case, first), first, Ct);
            await tx.AttachAlertAsync(Link(@case, later), later, Ct);
            return await tx.FindOpenCasesByEntitiesAsync([Ws12.Key, Alice.Key], T0.AddHours(2), 10, Ct);
        });

        // The host's activity moved forward to the later alert, so both entities are inside the window.
        Assert.Equal([Ws12.Key, Alice.Key], hits.Select(h => h.EntityKey).Order(StringComparer.Ordinal));
        Assert.All(hits, h => Assert.Equal(Micros(later.OccurredAt), h.LastAt));
    }

    [Fact]
    public async Task FindOpenCasesByEntities_ManyKeysAndLimit_MergesChunksMostRecentFirst()
    {
        await using var db = await OpenStoreAsync();
        var hosts = Enumerable.Range(0, 40).Select(i => Entity.Create(EntityType.Host, $"host-{i:00}")).ToArray();
        await CommitAsync(db.Store, async tx =>
        {
            for (var i = 0; i < hosts.Length; i++)
            {
                var @case = NewCase();
                var alert = NewAlert($"h-{i}", T0.AddMinutes(i), "{}", hosts[i]);
                await tx.UpsertAlertAsync(alert, Ct);
                await tx.InsertCaseAsync(@case, Ct);
                await tx.AttachAlertAsync(Link(@case, alert), alert, Ct);
            }
        });

        var hits = await CommitAsync(db.Store, tx => tx.FindOpenCasesByEntitiesAsync([.. hosts.Select(h => h.Key)], T0.AddHours(-1), 5, Ct));

        Assert.Equal(["host:host-39", "host:host-38", "host:host-37", "host:host-36", "host:host-35"], hits.Select(h => h.EntityKey));
    }

    [Fact]
    public async Task MoveAlert_IntoAnotherCase_CarriesEntityActivity()
    {
        await using var db = await OpenStoreAsync();
        var source = NewCase();
        var target = NewCase();
        var alert = NewAlert("moved", T0.AddHours(5), "{}", Alice);
        await CommitAsync(db.Store, async tx =>
        {
            await tx.UpsertAlertAsync(alert, Ct);
            await tx.InsertCaseAsync(source, Ct);
            await tx.InsertCaseAsync(target, Ct);
            await tx.AttachAlertAsync(Link(source, alert), alert, Ct);
        });

        await CommitAsync(db.Store, tx => tx.MoveAlertAsync(alert.Id, target.Id, Ct));
        var hits = await CommitAsync(db.Store, tx => tx.FindOpenCasesByEntitiesAsync([Alice.Key], T0.AddHours(4), 10, Ct));

        var hit = Assert.Single(hits);
        Assert.Equal(target.Id, hit.CaseId);
        Assert.Equal(Micros(alert.OccurredAt), hit.LastAt);
    }

    [Fact]
    public async Task GetEntityAndListEntityCases_EntityInTwoCases_ReturnsBothMostRecentFirst()
    {
        await using var db = await OpenStoreAsync();
        var earlier = NewCase("earlier");
        var later = NewCase("later");
        var a1 = NewAlert("e-1", T0, "{}", Alice);
        var a2 = NewAlert("e-2", T0.AddHours(1), "{}", Alice, Ws12);
        await CommitAsync(db.Store, async tx =>
        {
            foreach (var (c, a) in new[] { (earlier, a1), (later, a2) })
            {
                await tx.UpsertAlertAsync(a, Ct);
                await tx.InsertCaseAsync(c, Ct);
                await tx.AttachAlertAsync(Link(c, a), a, Ct);
            }
        });

        var entity = await db.Store.GetEntityAsync(Alice.Key, Ct);
        var cases = await db.Store.ListEntityCasesAsync(Alice.Key, 10, Ct);
        var one = await db.Store.ListEntityCasesAsync(Alice.Key, 1, Ct);

        Assert.NotNull(entity);
        Assert.Equal(Alice, entity.Entity);
        Assert.Equal(Micros(a1.LastSeen), entity.FirstSeen);
        Assert.Null(await db.Store.GetEntityAsync("user:nobody", Ct));
        Assert.Equal(["later", "earlier"], cases.Select(c => c.Case.Title));
        Assert.Equal(Micros(a2.OccurredAt), cases[0].LastAt);
        Assert.Equal(later.Id, Assert.Single(one).Case.Id);
    }

    [Fact]
    public async Task FindClosedCasesSharing_ClosedAndOpenCases_ReturnsOnlyClosedOthersWithSharedKeys()
    {
        await using var db = await OpenStoreAsync();
        var current = NewCase("current");
        var closedOld = NewCase("closed old") with { State = CaseState.Closed, ClosedAt = T0, Classification = Classification.FalsePositive };
        var closedNew = NewCase("closed new") with { State = CaseState.Closed, ClosedAt = T0.AddDays(1), Classification = Classification.TruePositive };
        var open = NewCase("open");
        var pairs = new[]
        {
            (current, NewAlert("c", T0, "{}", Alice, Ws12)),
            (closedOld, NewAlert("o", T0, "{}", Alice, Ws12)),
            (closedNew, NewAlert("n", T0, "{}", Ws12)),
            (open, NewAlert("p", T0, "{}", Alice)),
        };
        await CommitAsync(db.Store, async tx =>
        {
            foreach (var (c, a) in pairs)
            {
                await tx.UpsertAlertAsync(a, Ct);
                await tx.InsertCaseAsync(c, Ct);
                await tx.AttachAlertAsync(Link(c, a), a, Ct);
            }
        });

        var similar = await db.Store.FindClosedCasesSharingAsync([Alice.Key, Ws12.Key], current.Id, 10, Ct);

        Assert.Equal([closedNew.Id, closedOld.Id], similar.Select(s => s.CaseId));
        Assert.Equal([Ws12.Key], similar[0].SharedKeys);
        Assert.Equal([Ws12.Key, Alice.Key], similar[1].SharedKeys.Order(StringComparer.Ordinal));
        Assert.Single(await db.Store.FindClosedCasesSharingAsync([Alice.Key, Ws12.Key], current.Id, 1, Ct));
    }
}

using Vigil.Domain;
using Vigil.Domain.Cases;
using Vigil.Domain.Entities;

namespace Vigil.Storage.Tests.Compliance;

public abstract partial class StoreCompliance
{
    [Fact]
    public async Task InsertCase_ThenGet_ReturnsEveryField()
    {
        await using var db = await OpenStoreAsync();
        var @case = NewCase("Lateral movement") with
        {
            State = CaseState.Closed,
            Owner = "alice",
            ClosedAt = T0.AddHours(1),
            Classification = Classification.TruePositive,
            ClosureNote = "contained",
            RootCause = "phishing",
            StateBeforeClose = CaseState.Executed,
            MergedInto = "cas_other",
            AlertCount = 3,
            Version = 7,
        };

        await CommitAsync(db.Store, tx => tx.InsertCaseAsync(@case, Ct));

        var expected = @case with { OpenedAt = Micros(@case.OpenedAt), UpdatedAt = Micros(@case.UpdatedAt), SlaDueAt = Micros(@case.SlaDueAt), ClosedAt = Micros(@case.ClosedAt!.Value) };
        Assert.Equal(expected, await db.Store.GetCaseAsync(@case.Id, Ct));
        Assert.Null(await db.Store.GetCaseAsync("cas_missing", Ct));
    }

    [Fact]
    public async Task UpdateCase_StaleVersion_IsRefusedAndChangesNothing()
    {
        await using var db = await OpenStoreAsync();
        var @case = NewCase();
        await CommitAsync(db.Store, tx => tx.InsertCaseAsync(@case, Ct));

        var first = await CommitAsync(db.Store, async tx =>
        {
            var current = await tx.GetCaseForUpdateAsync(@case.Id, Ct);
            return await tx.UpdateCaseAsync(current! with { Owner = "alice", Version = current.Version + 1 }, current.Version, Ct);
        });
        var stale = await CommitAsync(db.Store, tx => tx.UpdateCaseAsync(@case with { Owner = "mallory", Version = 2 }, 1, Ct));

        Assert.True(first);
        Assert.False(stale);
        var stored = await db.Store.GetCaseAsync(@case.Id, Ct);
        Assert.Equal("alice", stored!.Owner);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task GetCaseForUpdate_ConcurrentWriters_EachSeesThePreviousCommit()
    {
        await using var db = await OpenStoreAsync();
        var @case = NewCase();
        await CommitAsync(db.Store, tx => tx.InsertCaseAsync(@case, Ct));
        const int Writers = 8;

        // Read-modify-write with the row locked: no writer reads a version another is about to replace, so every
        // optimistic update succeeds and no increment is lost.
        var results = await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(() => CommitAsync(db.Store, async tx =>
        {
            var current = await tx.GetCaseForUpdateAsync(@case.Id, Ct);
            return await tx.UpdateCaseAsync(current! with { AlertCount = current.AlertCount + 1, Version = current.Version + 1 }, current.Version, Ct);
        }), Ct)));

        Assert.All(results, Assert.True);
        var stored = await db.Store.GetCaseAsync(@case.Id, Ct);
        Assert.Equal(Writers, stored!.AlertCount);
        Assert.Equal(1 + Writers, stored.Version);
    }

    [Fact]
    public async Task Dispose_WithoutCommit_LeavesNothing()
    {
        await using var db = await OpenStoreAsync();
        var @case = NewCase();
        var alert = NewAlert("rolled-back", entities: Entity.Create(EntityType.User, "bob"));

        await using (var tx = await db.Store.BeginAsync(Ct))
        {
            await tx.UpsertAlertAsync(alert, Ct);
            await tx.InsertCaseAsync(@case, Ct);
            await tx.AttachAlertAsync(Link(@case, alert), alert, Ct);
            await tx.AppendLedgerAsync(@case.Id, "case.opened", Vigil.Domain.Ledger.Actor.System, T0, "{}", Ct);
        }

        Assert.Null(await db.Store.GetCaseAsync(@case.Id, Ct));
        Assert.Null(await db.Store.GetAlertAsync(alert.Id, Ct));
        Assert.Null(await db.Store.GetLedgerHeadAsync(@case.Id, Ct));
        Assert.Empty(await db.Store.ListLedgerChainsAsync(Ct));
        Assert.Equal(0, await db.ExecuteSqlAsync($"SELECT COUNT(*) FROM {VigilTables.Entities}"));
    }

    [Fact]
    public async Task AttachAlert_LinksAlertAndStoresSharedEntities()
    {
        await using var db = await OpenStoreAsync();
        var first = NewCase("first");
        var second = NewCase("second");
        var host = Entity.Create(EntityType.Host, "ws-01");
        var a1 = NewAlert("x-1", entities: [host, Entity.Create(EntityType.User, "alice")]);
        var a2 = NewAlert("x-2", entities: [host]);

        await CommitAsync(db.Store, async tx =>
        {
            foreach (var (c, a) in new[] { (first, a1), (second, a2) })
            {
                await tx.UpsertAlertAsync(a, Ct);
                await tx.InsertCaseAsync(c, Ct);
                await tx.AttachAlertAsync(Link(c, a), a, Ct);
            }
        });

        Assert.Equal(first.Id, (await db.Store.GetAlertAsync(a1.Id, Ct))!.CaseId);
        Assert.Equal([a1.Id], (await db.Store.GetCaseAlertsAsync(first.Id, Ct)).Select(a => a.Id));
        Assert.Equal(first.Id, (await db.Store.GetCaseAlertsAsync(first.Id, Ct))[0].CaseId);
        var link = Assert.Single(await db.Store.GetCaseAlertLinksAsync(first.Id, Ct));
        Assert.Equal(Link(first, a1) with { JoinedAt = Micros(T0) }, link);
        Assert.Equal(["host:ws-01", "user:alice"], (await db.Store.GetCaseEntitiesAsync(first.Id, Ct)).Select(e => e.Key).Order());
        Assert.Equal([host], await db.Store.GetCaseEntitiesAsync(second.Id, Ct));
        // One row per entity across cases: the host is shared, not duplicated.
        Assert.Equal(2, await db.ExecuteSqlAsync($"SELECT COUNT(*) FROM {VigilTables.Entities}"));
    }

    [Fact]
    public async Task AttachAlert_MoreEntitiesThanOneStatementCarries_StoresEvery()
    {
        await using var db = await OpenStoreAsync();
        var @case = NewCase();
        var entities = Enumerable.Range(0, 19).Select(i => Entity.Create(EntityType.Ip, $"192.0.2.{i}")).ToArray();
        var alert = NewAlert("wide", entities: entities);

        await CommitAsync(db.Store, async tx =>
        {
            await tx.InsertCaseAsync(@case, Ct);
            await tx.UpsertAlertAsync(alert, Ct);
            await tx.AttachAlertAsync(Link(@case, alert), alert, Ct);
        });

        Assert.Equal(entities.Select(e => e.Key).Order(StringComparer.Ordinal), (await db.Store.GetCaseEntitiesAsync(@case.Id, Ct)).Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(19, await db.ExecuteSqlAsync($"SELECT COUNT(*) FROM {VigilTables.Entities}"));
    }

    [Fact]
    public async Task MoveAlert_ToAnotherCase_KeepsOriginAndEntitiesFollow()
    {
        await using var db = await OpenStoreAsync();
        var source = NewCase("source");
        var target = NewCase("target");
        var shared = Entity.Create(EntityType.Ip, "10.1.1.1");
        var stays = NewAlert("m-1", entities: [Entity.Create(EntityType.Host, "db-01"), shared]);
        var moves = NewAlert("m-2", entities: [shared, Entity.Create(EntityType.User, "eve")]);
        await CommitAsync(db.Store, async tx =>
        {
            await tx.InsertCaseAsync(source, Ct);
            await tx.InsertCaseAsync(target, Ct);
            foreach (var alert in new[] { stays, moves })
            {
                await tx.UpsertAlertAsync(alert, Ct);
                await tx.AttachAlertAsync(Link(source, alert), alert, Ct);
            }
        });

        await CommitAsync(db.Store, tx => tx.MoveAlertAsync(moves.Id, target.Id, Ct));

        Assert.Equal([stays.Id], (await db.Store.GetCaseAlertLinksAsync(source.Id, Ct)).Select(l => l.AlertId));
        var moved = Assert.Single(await db.Store.GetCaseAlertLinksAsync(target.Id, Ct));
        Assert.Equal(source.Id, moved.OriginCaseId);
        Assert.Equal(target.Id, (await db.Store.GetAlertAsync(moves.Id, Ct))!.CaseId);
        Assert.Equal(["host:db-01", "ip:10.1.1.1"], (await db.Store.GetCaseEntitiesAsync(source.Id, Ct)).Select(e => e.Key).Order());
        Assert.Equal(["ip:10.1.1.1", "user:eve"], (await db.Store.GetCaseEntitiesAsync(target.Id, Ct)).Select(e => e.Key).Order());

        await CommitAsync(db.Store, tx => tx.MoveAlertAsync(stays.Id, target.Id, Ct));
        Assert.Empty(await db.Store.GetCaseEntitiesAsync(source.Id, Ct));
        Assert.Equal(3, (await db.Store.GetCaseEntitiesAsync(target.Id, Ct)).Count);
    }

    [Fact]
    public async Task InsertNote_ThenGetNotes_InTimeOrder()
    {
        await using var db = await OpenStoreAsync();
        var @case = NewCase();
        var later = new CaseNote { Id = Ids.New(Ids.Note), CaseId = @case.Id, Author = "bob", Text = "second <b>note</b> ✓", At = T0.AddMinutes(2) };
        var earlier = new CaseNote { Id = Ids.New(Ids.Note), CaseId = @case.Id, Author = "alice", Text = "first", At = T0 };

        await CommitAsync(db.Store, async tx =>
        {
            await tx.InsertCaseAsync(@case, Ct);
            await tx.InsertNoteAsync(later, Ct);
            await tx.InsertNoteAsync(earlier, Ct);
        });

        Assert.Equal([earlier with { At = Micros(earlier.At) }, later with { At = Micros(later.At) }], await db.Store.GetNotesAsync(@case.Id, Ct));
    }
}

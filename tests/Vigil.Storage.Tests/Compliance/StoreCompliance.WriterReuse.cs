using Vigil.Domain.Entities;

namespace Vigil.Storage.Tests.Compliance;

/// <summary>
/// Write transactions may share one connection and its prepared statements (SQLite keeps one writer connection for
/// the life of the store): what one transaction left behind must never show in the next.
/// </summary>
public abstract partial class StoreCompliance
{
    [Fact]
    public async Task Transaction_FailedThenDisposed_NextTransactionSeesNothingOfIt()
    {
        await using var db = await OpenStoreAsync();
        var alert = NewAlert("rolled-back");
        var @case = NewCase();
        await using (var failed = await db.Store.BeginAsync(Ct))
        {
            Assert.True((await failed.UpsertAlertAsync(alert, Ct)).Created);
            await failed.InsertCaseAsync(@case, Ct);
            // A constraint violation half-way, as a poisoned batch would meet: the transaction is abandoned.
            await Assert.ThrowsAnyAsync<Exception>(() => failed.InsertCaseAsync(@case, Ct));
        }

        var again = await CommitAsync(db.Store, tx => tx.UpsertAlertAsync(alert, Ct));
        var second = await CommitAsync(db.Store, tx => tx.UpsertAlertAsync(NewAlert("after"), Ct));

        Assert.True(again.Created);
        Assert.True(second.Created);
        Assert.Null(await db.Store.GetCaseAsync(@case.Id, Ct));
        Assert.Equal(2, (await db.Store.GetStatsAsync(Ct)).Alerts);
    }

    [Fact]
    public async Task Transaction_AfterWriteFromAnotherConnection_ReadsThatWrite()
    {
        await using var db = await OpenStoreAsync();
        var host = Entity.Create(EntityType.Host, "ws-reuse");
        var @case = NewCase("before") with { AlertCount = 1 };
        var alert = NewAlert("reuse", T0, "{}", host);
        await CommitAsync(db.Store, async tx =>
        {
            await tx.UpsertAlertAsync(alert, Ct);
            await tx.InsertCaseAsync(@case, Ct);
            await tx.AttachAlertAsync(Link(@case, alert), alert, Ct);
        });
        Assert.Single(await CommitAsync(db.Store, tx => tx.FindOpenCasesByEntitiesAsync([host.Key], T0.AddHours(-1), 10, Ct)));

        // Another process (a CLI command beside the server) changes the case behind the store's back.
        await db.ExecuteSqlAsync($"UPDATE vigil_cases SET title = 'changed elsewhere', alert_count = 7 WHERE id = '{@case.Id}'");

        var (read, hits) = await CommitAsync(db.Store, async tx =>
            (await tx.GetCaseForUpdateAsync(@case.Id, Ct), await tx.FindOpenCasesByEntitiesAsync([host.Key], T0.AddHours(-1), 10, Ct)));

        Assert.Equal("changed elsewhere", read?.Title);
        Assert.Equal(7, Assert.Single(hits).AlertCount);
    }
}

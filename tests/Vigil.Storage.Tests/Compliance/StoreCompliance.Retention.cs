using Vigil.Domain.Evidence;

namespace Vigil.Storage.Tests.Compliance;

public abstract partial class StoreCompliance
{
    [Fact]
    public async Task LegalHold_SetOnceReleaseOnce()
    {
        await using var db = await OpenStoreAsync();
        var hold = new LegalHold("cas_1", "litigation 2026-17", "human:legal", Micros(T0));

        Assert.True(await CommitAsync(db.Store, tx => tx.SetLegalHoldAsync(hold, Ct)));
        Assert.False(await CommitAsync(db.Store, tx => tx.SetLegalHoldAsync(hold with { Reason = "again" }, Ct)));
        Assert.True(await CommitAsync(db.Store, tx => tx.IsOnLegalHoldAsync("cas_1", Ct)));
        Assert.Equal([hold], await db.Store.ListLegalHoldsAsync(Ct));

        Assert.True(await CommitAsync(db.Store, tx => tx.ReleaseLegalHoldAsync("cas_1", Ct)));
        Assert.False(await CommitAsync(db.Store, tx => tx.ReleaseLegalHoldAsync("cas_1", Ct)));
        Assert.False(await CommitAsync(db.Store, tx => tx.IsOnLegalHoldAsync("cas_1", Ct)));
    }

    [Fact]
    public async Task Dispose_AlertPayloadOnce_ArtefactBlobOnlyWhenNoHeldArtefactNeedsIt_TombstonesByPeriod()
    {
        await using var db = await OpenStoreAsync();
        var c = NewCase();
        var alert = NewAlert("ret-1", payload: """{"secret":"payload"}""");
        byte[] content = [1, 2, 3, 4];
        var first = NewArtefact("art_r1", c.Id, content);
        var second = NewArtefact("art_r2", "cas_other", content);
        await CommitAsync(db.Store, async tx =>
        {
            await tx.InsertCaseAsync(c, Ct);
            await tx.UpsertAlertAsync(alert, Ct);
            await tx.AttachAlertAsync(Link(c, alert), alert, Ct);
            await tx.PutArtefactBlobAsync(first.Sha256, content, T0, Ct);
            await tx.InsertArtefactAsync(first, Ct);
            await tx.InsertArtefactAsync(second, Ct);
        });

        Assert.True(await CommitAsync(db.Store, tx => tx.DisposeAlertPayloadAsync(alert.Id, """{"vigil_disposed":{}}""", Ct)));
        Assert.False(await CommitAsync(db.Store, tx => tx.DisposeAlertPayloadAsync(alert.Id, """{"vigil_disposed":{}}""", Ct)));
        Assert.Equal("""{"vigil_disposed":{}}""", (await db.Store.GetCaseAlertsAsync(c.Id, Ct)).Single().RawPayload);

        Assert.True(await CommitAsync(db.Store, tx => tx.DisposeArtefactAsync("art_r1", T0.AddDays(1), Ct)));
        Assert.False(await CommitAsync(db.Store, tx => tx.DisposeArtefactAsync("art_r1", T0.AddDays(1), Ct)));
        Assert.Equal(content, await db.Store.ReadArtefactContentAsync(first.Sha256, Ct)); // art_r2 still holds it
        Assert.True(await CommitAsync(db.Store, tx => tx.DisposeArtefactAsync("art_r2", T0.AddDays(2), Ct)));
        Assert.Null(await db.Store.ReadArtefactContentAsync(first.Sha256, Ct));
        Assert.Equal(Micros(T0.AddDays(1)), (await db.Store.GetArtefactAsync("art_r1", Ct))!.DisposedAt);

        var tombstone = new Tombstone
        {
            Id = "tmb_1", RunId = "ret_1", CaseId = c.Id, Kind = RetentionDataKinds.Artefact, RefId = "art_r1", Sha256 = first.Sha256, Size = 4,
            Rule = "false_positive.artefact=30d", DisposedAt = Micros(T0.AddDays(1)),
        };
        await CommitAsync(db.Store, tx => tx.InsertTombstoneAsync(tombstone, Ct));
        Assert.Equal([tombstone], await db.Store.ListTombstonesAsync(T0, T0.AddDays(2), Ct));
        Assert.Empty(await db.Store.ListTombstonesAsync(T0.AddDays(2), null, Ct));
    }
}

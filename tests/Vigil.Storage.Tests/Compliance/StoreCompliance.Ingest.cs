using Vigil.Pipeline.Ports;

namespace Vigil.Storage.Tests.Compliance;

public abstract partial class StoreCompliance
{
    [Fact]
    public async Task Checkpoints_LeaseIsExclusiveUntilItLapses()
    {
        await using var db = await OpenStoreAsync();

        Assert.True(await db.Store.TryLeaseCheckpointAsync("poller:okta", IngestCheckpointKinds.Poller, "node-a", T0, T0.AddSeconds(30), Ct));
        Assert.False(await db.Store.TryLeaseCheckpointAsync("poller:okta", IngestCheckpointKinds.Poller, "node-b", T0.AddSeconds(10), T0.AddSeconds(40), Ct));
        Assert.True(await db.Store.TryLeaseCheckpointAsync("poller:okta", IngestCheckpointKinds.Poller, "node-a", T0.AddSeconds(10), T0.AddSeconds(40), Ct));
        // node-a died: once its lease lapses node-b takes the source over.
        Assert.True(await db.Store.TryLeaseCheckpointAsync("poller:okta", IngestCheckpointKinds.Poller, "node-b", T0.AddSeconds(41), T0.AddSeconds(71), Ct));

        var held = await db.Store.GetCheckpointAsync("poller:okta", Ct);
        Assert.Equal(("node-b", Micros(T0.AddSeconds(71))), (held!.OwnerId, held.LeaseUntil));
        Assert.Null(held.Cursor);
        Assert.Equal(IngestCheckpointKinds.Poller, held.Kind);
    }

    [Fact]
    public async Task Checkpoints_SaveOnlyAdvancesForTheLeaseHolder()
    {
        await using var db = await OpenStoreAsync();
        Assert.True(await db.Store.TryLeaseCheckpointAsync("poller:gh", IngestCheckpointKinds.Poller, "node-a", T0, T0.AddSeconds(30), Ct));
        var advanced = new IngestCheckpoint
        {
            Name = "poller:gh",
            Kind = IngestCheckpointKinds.Poller,
            Cursor = "{\"next\":\"page-3\"}",
            OwnerId = "node-a",
            LeaseUntil = T0.AddSeconds(30),
            LastRunAt = T0,
            LastSuccessAt = T0.AddSeconds(1),
            LastErrorAt = T0.AddSeconds(-60),
            LastError = "HTTP 503",
            ConsecutiveFailures = 0,
            EventsTotal = 1234,
            NewestEventAt = T0.AddMinutes(-2),
            NextRunAt = T0.AddMinutes(1),
            UpdatedAt = T0.AddSeconds(1),
        };

        Assert.True(await CommitAsync(db.Store, tx => tx.SaveCheckpointAsync(advanced, "node-a", Ct)));
        Assert.False(await CommitAsync(db.Store, tx => tx.SaveCheckpointAsync(advanced with { Cursor = "stolen", OwnerId = "node-b" }, "node-b", Ct)));

        Assert.Equal(advanced with
        {
            LeaseUntil = Micros(advanced.LeaseUntil!.Value),
            LastRunAt = Micros(T0),
            LastSuccessAt = Micros(T0.AddSeconds(1)),
            LastErrorAt = Micros(T0.AddSeconds(-60)),
            NewestEventAt = Micros(T0.AddMinutes(-2)),
            NextRunAt = Micros(T0.AddMinutes(1)),
            UpdatedAt = Micros(T0.AddSeconds(1)),
        }, await db.Store.GetCheckpointAsync("poller:gh", Ct));
    }

    [Fact]
    public async Task Checkpoints_UnownedSaveUpsertsListsByKindAndDeletes()
    {
        await using var db = await OpenStoreAsync();
        var file = new IngestCheckpoint { Name = "file:abc", Kind = IngestCheckpointKinds.File, Cursor = "100", EventsTotal = 100, UpdatedAt = T0 };

        Assert.True(await CommitAsync(db.Store, tx => tx.SaveCheckpointAsync(file, null, Ct)));
        Assert.True(await CommitAsync(db.Store, tx => tx.SaveCheckpointAsync(file with { Cursor = "250", EventsTotal = 250 }, null, Ct)));
        Assert.True(await db.Store.TryLeaseCheckpointAsync("poller:z", IngestCheckpointKinds.Poller, "n", T0, T0.AddSeconds(5), Ct));

        var files = await db.Store.ListCheckpointsAsync(IngestCheckpointKinds.File, Ct);
        Assert.Equal(("file:abc", "250", 250L), (Assert.Single(files).Name, files[0].Cursor, files[0].EventsTotal));
        Assert.Equal("poller:z", Assert.Single(await db.Store.ListCheckpointsAsync(IngestCheckpointKinds.Poller, Ct)).Name);
        Assert.True(await CommitAsync(db.Store, tx => tx.DeleteCheckpointAsync("file:abc", Ct)));
        Assert.Null(await db.Store.GetCheckpointAsync("file:abc", Ct));
    }
}

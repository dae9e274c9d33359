using Vigil.Domain.Ledger;

namespace Vigil.Storage.Tests.Compliance;

public abstract partial class StoreCompliance
{
    [Fact]
    public async Task StreamReceiver_LeaseIsExclusiveUntilReleased_AndBackoffDefersTheNextClaim()
    {
        await using var db = await OpenStoreAsync();

        Assert.True(await CommitAsync(db.Store, tx => tx.ClaimStreamReceiverAsync("siem", "node-a", T0, T0.AddMinutes(2), Ct)));
        Assert.False(await CommitAsync(db.Store, tx => tx.ClaimStreamReceiverAsync("siem", "node-b", T0.AddMinutes(1), T0.AddMinutes(3), Ct)));
        Assert.True(await CommitAsync(db.Store, tx => tx.ClaimStreamReceiverAsync("siem", "node-b", T0.AddMinutes(3), T0.AddMinutes(5), Ct))); // a dead node's lease ran out

        await CommitAsync(db.Store, tx => tx.RecordStreamFailureAsync("siem", "HTTP 503", T0.AddMinutes(10), Ct));
        Assert.False(await CommitAsync(db.Store, tx => tx.ClaimStreamReceiverAsync("siem", "node-a", T0.AddMinutes(9), T0.AddMinutes(11), Ct)));
        Assert.True(await CommitAsync(db.Store, tx => tx.ClaimStreamReceiverAsync("siem", "node-a", T0.AddMinutes(10), T0.AddMinutes(12), Ct)));
        await CommitAsync(db.Store, tx => tx.RecordStreamDeliveryAsync("siem", 7, T0.AddMinutes(11), Ct));

        var state = (await db.Store.GetStreamReceiverAsync("siem", Ct))!;
        Assert.Equal((7L, 1L, 0L, null, null, null), (state.Delivered, state.Failures, state.Attempts, state.NextAttemptAt, state.LastError, state.LeaseOwner));
        Assert.Equal(Micros(T0.AddMinutes(11)), state.LastDeliveredAt);
        Assert.Null(await db.Store.GetStreamReceiverAsync("other", Ct));
    }

    [Fact]
    public async Task StreamCursor_BacklogAndLagFollowTheChainHeads_AndNeverMoveBack()
    {
        await using var db = await OpenStoreAsync();
        await CommitAsync(db.Store, async tx =>
        {
            foreach (var (chain, count) in new[] { ("cas_s1", 3), ("cas_s2", 2) })
            {
                for (var i = 0; i < count; i++)
                {
                    await tx.AppendLedgerAsync(chain, LedgerKinds.NoteAdded, Actor.Human("alice"), T0, "{}", Ct);
                }
            }
        });

        Assert.Equal(5, await db.Store.GetStreamLagAsync("siem", Ct));
        await CommitAsync(db.Store, tx => tx.AdvanceStreamCursorAsync("siem", "cas_s1", 2, Ct));
        await CommitAsync(db.Store, tx => tx.AdvanceStreamCursorAsync("siem", "cas_s2", 2, Ct));
        await CommitAsync(db.Store, tx => tx.AdvanceStreamCursorAsync("siem", "cas_s2", 1, Ct)); // a late retry's ack

        Assert.Equal([new("cas_s1", 2, 3)], await db.Store.ListStreamBacklogAsync("siem", 10, Ct));
        Assert.Equal(1, await db.Store.GetStreamLagAsync("siem", Ct));
        Assert.Equal(5, await db.Store.GetStreamLagAsync("grc", Ct));
        Assert.Single(await db.Store.ListStreamBacklogAsync("grc", 1, Ct));
    }
}

using Vigil.Pipeline.Ports;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

internal sealed partial class VigilStore
{
    public Task<StreamReceiverState?> GetStreamReceiverAsync(string receiver, CancellationToken cancellationToken) =>
        SingleAsync($"SELECT {StreamRows.ReceiverColumns} FROM {VigilTables.StreamReceivers} WHERE receiver = @receiver", StreamRows.Receiver, cancellationToken, ("@receiver", receiver));

    public Task<IReadOnlyList<StreamBacklog>> ListStreamBacklogAsync(string receiver, int limit, CancellationToken cancellationToken) =>
        ListAsync(
            $"SELECT h.chain_id, COALESCE(c.seq, 0), h.seq FROM {VigilTables.LedgerHeads} h "
            + $"LEFT JOIN {VigilTables.StreamCursors} c ON c.receiver = @receiver AND c.chain_id = h.chain_id "
            + "WHERE h.seq > COALESCE(c.seq, 0) ORDER BY h.chain_id LIMIT @limit",
            static (r, _) => new StreamBacklog(r.GetString(0), r.GetInt64(1), r.GetInt64(2)),
            cancellationToken,
            ("@receiver", receiver),
            ("@limit", limit));

    public async Task<long> GetStreamLagAsync(string receiver, CancellationToken cancellationToken)
    {
        await using var connection = await engine.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, null,
            $"SELECT COALESCE(SUM(h.seq - COALESCE(c.seq, 0)), 0) FROM {VigilTables.LedgerHeads} h "
            + $"LEFT JOIN {VigilTables.StreamCursors} c ON c.receiver = @receiver AND c.chain_id = h.chain_id")
            .Add("@receiver", receiver);
        return await command.ScalarLongAsync(cancellationToken);
    }
}

using Vigil.Pipeline.Ports;
using Vigil.Storage.Ingest;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

internal sealed partial class VigilStore
{
    public Task<IngestCheckpoint?> GetCheckpointAsync(string name, CancellationToken cancellationToken) =>
        SingleAsync(CheckpointSql.Get, CheckpointSql.Read, cancellationToken, ("@name", name));

    public Task<IReadOnlyList<IngestCheckpoint>> ListCheckpointsAsync(string kind, CancellationToken cancellationToken) =>
        ListAsync(CheckpointSql.ListByKind, CheckpointSql.Read, cancellationToken, ("@kind", kind));

    public async Task<bool> TryLeaseCheckpointAsync(string name, string kind, string ownerId, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var transaction = await engine.BeginWriteAsync(cancellationToken);
        try
        {
            await using var command = Db.Command(transaction.Connection!, transaction, CheckpointSql.Lease)
                .Add("@name", name)
                .Add("@kind", kind)
                .Add("@owner", ownerId)
                .Add("@lease", engine.ToDb(leaseUntil))
                .Add("@now", engine.ToDb(now));
            var taken = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
            await transaction.CommitAsync(cancellationToken);
            return taken;
        }
        finally
        {
            await engine.EndWriteAsync(transaction);
        }
    }
}

using Vigil.Pipeline.Ports;
using Vigil.Storage.Ingest;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

internal sealed partial class StoreTransaction
{
    public async Task<bool> SaveCheckpointAsync(IngestCheckpoint checkpoint, string? expectedOwner, CancellationToken cancellationToken)
    {
        await using var command = CheckpointSql.Bind(Command(expectedOwner is null ? CheckpointSql.Upsert : CheckpointSql.UpdateOwned), engine, checkpoint);
        if (expectedOwner is not null)
        {
            command.Add("@expected", expectedOwner);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> DeleteCheckpointAsync(string name, CancellationToken cancellationToken)
    {
        await using var command = Command(CheckpointSql.Delete).Add("@name", name);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}

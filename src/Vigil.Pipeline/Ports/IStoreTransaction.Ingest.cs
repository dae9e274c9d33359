namespace Vigil.Pipeline.Ports;

public partial interface IStoreTransaction
{
    /// <summary>
    /// Writes a checkpoint (cursor, health, lease). With <paramref name="expectedOwner"/>, only while that owner still
    /// holds the lease (false otherwise: the caller lost it and must not advance); without, unconditionally (an upsert).
    /// </summary>
    Task<bool> SaveCheckpointAsync(IngestCheckpoint checkpoint, string? expectedOwner, CancellationToken cancellationToken);

    Task<bool> DeleteCheckpointAsync(string name, CancellationToken cancellationToken);
}

namespace Vigil.Pipeline.Ports;

public partial interface IVigilStore
{
    Task<IngestCheckpoint?> GetCheckpointAsync(string name, CancellationToken cancellationToken);

    /// <summary>Every checkpoint of one kind, ordered by name.</summary>
    Task<IReadOnlyList<IngestCheckpoint>> ListCheckpointsAsync(string kind, CancellationToken cancellationToken);

    /// <summary>
    /// Takes (or renews) the lease on a checkpoint for <paramref name="ownerId"/> until <paramref name="leaseUntil"/>,
    /// creating the row when it is missing. False when another owner holds an unexpired lease: in Clustered mode this
    /// is what lets only one node poll a given source.
    /// </summary>
    Task<bool> TryLeaseCheckpointAsync(string name, string kind, string ownerId, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);
}

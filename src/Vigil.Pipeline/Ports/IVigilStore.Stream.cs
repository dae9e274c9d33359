namespace Vigil.Pipeline.Ports;

public partial interface IVigilStore
{
    Task<StreamReceiverState?> GetStreamReceiverAsync(string receiver, CancellationToken cancellationToken);

    /// <summary>Chains whose head is past the receiver's cursor, by chain id, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<StreamBacklog>> ListStreamBacklogAsync(string receiver, int limit, CancellationToken cancellationToken);

    /// <summary>How many ledger entries the receiver has not acknowledged, over every chain.</summary>
    Task<long> GetStreamLagAsync(string receiver, CancellationToken cancellationToken);
}

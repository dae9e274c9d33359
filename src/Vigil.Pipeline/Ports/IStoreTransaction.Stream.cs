namespace Vigil.Pipeline.Ports;

public partial interface IStoreTransaction
{
    /// <summary>
    /// Takes the receiver's lease until <paramref name="leaseUntil"/> when no other node holds it and its back-off has
    /// passed; false otherwise. One node delivers to a receiver at a time, which is what keeps its order.
    /// </summary>
    Task<bool> ClaimStreamReceiverAsync(string receiver, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Moves the receiver's cursor on a chain forward to <paramref name="seq"/> (never back).</summary>
    Task AdvanceStreamCursorAsync(string receiver, string chainId, long seq, CancellationToken cancellationToken);

    /// <summary>Records an acknowledged delivery of <paramref name="entries"/> entries, clears the back-off and releases the lease.</summary>
    Task RecordStreamDeliveryAsync(string receiver, int entries, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records a failed delivery, sets the next attempt time and releases the lease.</summary>
    Task RecordStreamFailureAsync(string receiver, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken);
}

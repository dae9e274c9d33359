namespace Vigil.Pipeline.Ports;

/// <summary>A ledger-stream receiver's delivery state: counts, back-off and the lease of the node delivering to it.</summary>
public sealed record StreamReceiverState
{
    public required string Receiver { get; init; }

    public required long Delivered { get; init; }

    public required long Failures { get; init; }

    /// <summary>Consecutive failed attempts since the last success (drives the back-off).</summary>
    public required long Attempts { get; init; }

    public DateTimeOffset? NextAttemptAt { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset? LastDeliveredAt { get; init; }

    public string? LeaseOwner { get; init; }

    public DateTimeOffset? LeaseUntil { get; init; }
}

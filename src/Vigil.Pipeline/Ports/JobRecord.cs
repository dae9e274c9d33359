namespace Vigil.Pipeline.Ports;

/// <summary>
/// A unit of durable work. It is written in the same transaction as the change that caused it (an outbox), claimed
/// by one worker at a time under a lease, and a lease that runs out (its worker died) makes it claimable again.
/// </summary>
public sealed record JobRecord
{
    public required string Id { get; init; }

    /// <summary>Which handler runs it, e.g. <c>action.execute</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The handler's input as JSON text.</summary>
    public required string Payload { get; init; }

    public JobStatus Status { get; init; } = JobStatus.Pending;

    public string? OwnerId { get; init; }

    public int Attempts { get; init; }

    public required DateTimeOffset RunAt { get; init; }

    public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>At most one job per key is ever stored, so enqueueing the same work twice is harmless.</summary>
    public string? IdempotencyKey { get; init; }

    public string? LastError { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}

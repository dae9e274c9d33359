namespace Vigil.Pipeline.Ports;

/// <summary>
/// The durable position of a pull connector or a file import (<c>vigil_ingest_checkpoints</c>), with the lease that
/// lets only one node advance it and the health figures shown to operators. The cursor is opaque to the store.
/// </summary>
public sealed record IngestCheckpoint
{
    /// <summary>Unique per reader, e.g. <c>poller:okta</c> or <c>file:3f2a…</c>.</summary>
    public required string Name { get; init; }

    /// <summary><see cref="IngestCheckpointKinds.Poller"/> or <see cref="IngestCheckpointKinds.File"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>Where the next read starts; null before the first committed read.</summary>
    public string? Cursor { get; init; }

    public string? OwnerId { get; init; }

    public DateTimeOffset? LeaseUntil { get; init; }

    public DateTimeOffset? LastRunAt { get; init; }

    public DateTimeOffset? LastSuccessAt { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }

    public string? LastError { get; init; }

    public int ConsecutiveFailures { get; init; }

    /// <summary>Events committed through this checkpoint since it was created.</summary>
    public long EventsTotal { get; init; }

    /// <summary>The time of the newest event committed, so that lag (now minus this) can be shown.</summary>
    public DateTimeOffset? NewestEventAt { get; init; }

    /// <summary>When the next run is due (after back-off, or the regular interval).</summary>
    public DateTimeOffset? NextRunAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}

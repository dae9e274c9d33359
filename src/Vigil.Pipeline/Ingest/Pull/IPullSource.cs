namespace Vigil.Pipeline.Ingest.Pull;

/// <summary>
/// A source API Vigil polls. A source reads one page from a cursor; <see cref="PullRunner"/> owns the schedule,
/// the durable checkpoint, the back-off and the lease, so a new kind of source is only this.
/// </summary>
public interface IPullSource
{
    /// <summary>The poller's name (unique; its checkpoint is <c>poller:NAME</c>).</summary>
    string Name { get; }

    /// <summary>The mapping its events are normalised with, or <c>auto</c>.</summary>
    string Source { get; }

    /// <summary>Where it reads from, for operators (no credentials).</summary>
    string Endpoint { get; }

    /// <summary>How long to wait between runs once it has caught up.</summary>
    TimeSpan Interval { get; }

    /// <summary>Pages read at most per run, so one busy source cannot hold a node forever.</summary>
    int MaxPagesPerRun { get; }

    /// <summary>Reads the page after <paramref name="cursor"/> (null: from the start). Throws on any failure.</summary>
    Task<PullPage> PullAsync(string? cursor, CancellationToken cancellationToken);
}

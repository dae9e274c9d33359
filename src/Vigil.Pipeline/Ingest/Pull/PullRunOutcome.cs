namespace Vigil.Pipeline.Ingest.Pull;

/// <summary>What one run of a poller did.</summary>
public sealed record PullRunOutcome
{
    /// <summary>False when another node holds the source's lease (this node did nothing).</summary>
    public required bool Leased { get; init; }

    public int Pages { get; init; }

    public int Events { get; init; }

    public int Stored { get; init; }

    public int Deduplicated { get; init; }

    public int DeadLettered { get; init; }

    /// <summary>Set when the run failed; the checkpoint was not advanced past what was committed.</summary>
    public string? Error { get; init; }

    /// <summary>When the next run is due: the interval after a good run, the back-off after a failure, at once when more is waiting.</summary>
    public required DateTimeOffset NextRunAt { get; init; }
}

namespace Vigil.Pipeline.Ingest;

/// <summary>Counts for one source since the process started.</summary>
public sealed record SourceHealthSnapshot
{
    public required string Source { get; init; }

    public required long Received { get; init; }

    public required long Stored { get; init; }

    public required long Deduplicated { get; init; }

    public required long DeadLettered { get; init; }

    /// <summary>Events that normalised but showed schema drift (missing, new or retyped fields).</summary>
    public required long Drifted { get; init; }

    public DateTimeOffset? LastReceivedAt { get; init; }
}

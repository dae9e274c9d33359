namespace Vigil.Pipeline.Ingest;

/// <summary>
/// What became of a batch of raw events. Every event read is accounted for exactly once:
/// <c>Read == Stored + Deduplicated + DeadLettered</c>.
/// </summary>
public sealed record EventIngestSummary
{
    public required int Read { get; init; }

    /// <summary>New alerts created by this batch.</summary>
    public required int Stored { get; init; }

    /// <summary>Events that repeated a stored alert (its occurrence count was raised instead).</summary>
    public required int Deduplicated { get; init; }

    public required int DeadLettered { get; init; }

    /// <summary>Events that normalised but differed from what their mapping expects.</summary>
    public required int Drifted { get; init; }

    public required IReadOnlyList<IngestOutcome> Alerts { get; init; }

    public required IReadOnlyList<string> DeadLetterIds { get; init; }
}

namespace Vigil.Pipeline.Ingest;

/// <summary>Bounds on submitted alerts. Hostile or broken senders must get a clear error, not exhaust memory.</summary>
public sealed record SubmissionLimits
{
    public int MaxBatch { get; init; } = 5_000;

    public int MaxDepth { get; init; } = 64;

    public int MaxTitleLength { get; init; } = 1_024;

    public int MaxDescriptionLength { get; init; } = 65_536;

    public int MaxEntities { get; init; } = 1_000;

    public int MaxTags { get; init; } = 256;
}

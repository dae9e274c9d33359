namespace Vigil.Pipeline.Recommend;

/// <summary>A learned model's probability that a case is a true positive, and how much data it was trained on.</summary>
public sealed record DispositionEstimate
{
    public required double TruePositiveProbability { get; init; }

    /// <summary>How many analyst decisions the model was trained on.</summary>
    public required int TrainedOn { get; init; }

    public required string Model { get; init; }

    /// <summary>Held-out precision, recall and calibration, in words, for the blend explanation.</summary>
    public required string Quality { get; init; }
}

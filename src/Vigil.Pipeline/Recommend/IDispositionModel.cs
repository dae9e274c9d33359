namespace Vigil.Pipeline.Recommend;

/// <summary>A learned disposition model (trained on analysts' decisions), consulted beside the built-in score.</summary>
public interface IDispositionModel
{
    /// <summary>The model's estimate for a feature vector, or null when no trained model is available.</summary>
    DispositionEstimate? Estimate(IReadOnlyList<FeatureContribution> features);
}

using Microsoft.ML.Data;

namespace Vigil.Pipeline.Recommend.Learning;

/// <summary>ML.NET's view of one decision: the feature vector and whether it was a true positive.</summary>
public sealed class DispositionRow
{
    public bool Label { get; set; }

    [VectorType(FeatureNames.Count)]
    public float[] Features { get; set; } = [];

    public static DispositionRow From(LabelledCase labelled) => new() { Label = labelled.Label == Disposition.TruePositive, Features = labelled.Features };
}

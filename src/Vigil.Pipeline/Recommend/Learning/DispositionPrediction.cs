using Microsoft.ML.Data;

namespace Vigil.Pipeline.Recommend.Learning;

public sealed class DispositionPrediction
{
    [ColumnName("PredictedLabel")]
    public bool PredictedLabel { get; set; }

    public float Probability { get; set; }

    public float Score { get; set; }
}

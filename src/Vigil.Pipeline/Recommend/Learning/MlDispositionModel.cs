using Microsoft.ML;

namespace Vigil.Pipeline.Recommend.Learning;

/// <summary>
/// The trained disposition model, read from its directory when first needed and again whenever <c>vigil model train</c>
/// replaces it. No file means no estimate: the built-in model then stands alone.
/// </summary>
public sealed class MlDispositionModel(string directory) : IDispositionModel
{
    private readonly Lock _lock = new();
    private DateTime _loadedStamp;
    private (PredictionEngine<DispositionRow, DispositionPrediction> Engine, DispositionMetrics Metrics)? _loaded;

    public string Directory { get; } = directory;

    public DispositionEstimate? Estimate(IReadOnlyList<FeatureContribution> features)
    {
        // A prediction engine is not thread-safe; estimates are cheap next to the store reads around them.
        lock (_lock)
        {
            var path = Path.Combine(Directory, DispositionModelFile.ModelName);
            var stamp = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : default;
            if (stamp == default)
            {
                _loaded = null;
                return null;
            }

            if (_loaded is null || stamp != _loadedStamp)
            {
                if (DispositionModelFile.Load(Directory) is not { } model)
                {
                    return null;
                }

                _loaded = (new MLContext().Model.CreatePredictionEngine<DispositionRow, DispositionPrediction>(model.Model), model.Metrics);
                _loadedStamp = stamp;
            }

            var (engine, metrics) = _loaded.Value;
            var prediction = engine.Predict(new DispositionRow { Features = FeatureExtractor.Vector(features) });
            return new DispositionEstimate
            {
                TruePositiveProbability = Math.Round(prediction.Probability, 4),
                TrainedOn = metrics.TrainedOn + metrics.HeldOut,
                Model = "disposition model",
                Quality = metrics.Describe(),
            };
        }
    }
}

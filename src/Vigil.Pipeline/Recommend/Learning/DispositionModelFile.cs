using System.Text.Json;
using Microsoft.ML;

namespace Vigil.Pipeline.Recommend.Learning;

/// <summary>
/// Where a trained disposition model lives: <c>disposition.zip</c> (ML.NET's format) and <c>disposition.json</c> (its
/// held-out metrics) in the model directory, written to temporary names and moved into place so a reader never sees
/// half a model.
/// </summary>
public static class DispositionModelFile
{
    public const string ModelName = "disposition.zip";
    public const string MetricsName = "disposition.json";

    public static void Save(string directory, ITransformer model, DataViewSchema schema, DispositionMetrics metrics)
    {
        Directory.CreateDirectory(directory);
        var modelPath = Path.Combine(directory, ModelName);
        var metricsPath = Path.Combine(directory, MetricsName);
        new MLContext().Model.Save(model, schema, modelPath + ".tmp");
        File.WriteAllText(metricsPath + ".tmp", JsonSerializer.Serialize(metrics, RecommendationJson.Options));
        File.Move(modelPath + ".tmp", modelPath, overwrite: true);
        File.Move(metricsPath + ".tmp", metricsPath, overwrite: true);
    }

    public static (ITransformer Model, DispositionMetrics Metrics)? Load(string directory)
    {
        var modelPath = Path.Combine(directory, ModelName);
        var metricsPath = Path.Combine(directory, MetricsName);
        if (!File.Exists(modelPath) || !File.Exists(metricsPath))
        {
            return null;
        }

        var metrics = JsonSerializer.Deserialize<DispositionMetrics>(File.ReadAllText(metricsPath), RecommendationJson.Options)
            ?? throw new InvalidDataException($"{metricsPath} is empty");
        return (new MLContext().Model.Load(modelPath, out _), metrics);
    }
}

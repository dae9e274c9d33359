using Microsoft.ML;
using Microsoft.ML.Data;

namespace Vigil.Pipeline.Recommend.Learning;

/// <summary>
/// Trains the learned disposition model with ML.NET: a calibrated logistic regression (L-BFGS) over the built-in
/// features, true positive against benign or false positive, on a seeded 75/25 split, and measures it on the held-out
/// quarter. Logistic regression because its weights stay readable beside the built-in ones, and its probabilities
/// are calibrated, which the blend relies on.
/// </summary>
public static class DispositionTrainer
{
    /// <summary>Fewer decisions than this, or only one class among them, and no model is trained.</summary>
    public const int MinCases = 20;

    public static (ITransformer Model, DataViewSchema Schema, DispositionMetrics Metrics) Train(
        IReadOnlyList<LabelledCase> cases, DateTimeOffset now, int seed = 7)
    {
        if (cases.Count < MinCases)
        {
            throw new InvalidOperationException($"{cases.Count} analyst decisions; at least {MinCases} are needed");
        }

        if (cases.All(c => c.Label == Disposition.TruePositive) || cases.All(c => c.Label != Disposition.TruePositive))
        {
            throw new InvalidOperationException("the decisions are all of one kind; both true positives and others are needed");
        }

        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(cases.Select(DispositionRow.From));
        var split = ml.Data.TrainTestSplit(data, testFraction: 0.25, seed: seed);
        var pipeline = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(labelColumnName: nameof(DispositionRow.Label), featureColumnName: nameof(DispositionRow.Features));
        var model = pipeline.Fit(split.TrainSet);
        var scored = model.Transform(split.TestSet);
        var metrics = ml.BinaryClassification.Evaluate(scored, labelColumnName: nameof(DispositionRow.Label));
        var predictions = ml.Data.CreateEnumerable<DispositionPrediction>(scored, reuseRowObject: false).ToArray();
        var labels = ml.Data.CreateEnumerable<DispositionRow>(split.TestSet, reuseRowObject: false).Select(r => r.Label).ToArray();
        var trainCount = (int)(split.TrainSet.GetRowCount() ?? ml.Data.CreateEnumerable<DispositionRow>(split.TrainSet, false).LongCount());
        return (model, data.Schema, new DispositionMetrics
        {
            TrainedOn = trainCount,
            HeldOut = predictions.Length,
            Precision = Finite(metrics.PositivePrecision),
            Recall = Finite(metrics.PositiveRecall),
            AreaUnderRocCurve = Finite(metrics.AreaUnderRocCurve),
            BrierScore = Brier(predictions, labels),
            CalibrationError = CalibrationError(predictions, labels),
            TrainedAt = now,
        });
    }

    private static double Finite(double value) => double.IsFinite(value) ? Math.Round(value, 4) : 0;

    private static double Brier(DispositionPrediction[] predictions, bool[] labels) =>
        predictions.Length == 0 ? 0 : Math.Round(predictions.Select((p, i) => Math.Pow(p.Probability - (labels[i] ? 1 : 0), 2)).Average(), 4);

    /// <summary>Σ over ten equal-width bins of (bin share) × |mean predicted − observed rate|.</summary>
    internal static double CalibrationError(DispositionPrediction[] predictions, bool[] labels)
    {
        if (predictions.Length == 0)
        {
            return 0;
        }

        var error = 0.0;
        for (var bin = 0; bin < 10; bin++)
        {
            var members = Enumerable.Range(0, predictions.Length)
                .Where(i => Math.Min(9, (int)(predictions[i].Probability * 10)) == bin)
                .ToArray();
            if (members.Length == 0)
            {
                continue;
            }

            var predicted = members.Average(i => predictions[i].Probability);
            var observed = members.Average(i => labels[i] ? 1.0 : 0.0);
            error += (double)members.Length / predictions.Length * Math.Abs(predicted - observed);
        }

        return Math.Round(error, 4);
    }
}

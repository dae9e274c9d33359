using Vigil.Pipeline.Recommend;
using Vigil.Pipeline.Recommend.Learning;

namespace Vigil.Pipeline.Tests.Recommend;

public sealed class DispositionModelTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Analyst decisions shaped like the labelled scenarios: each scenario's built-in feature vector, repeated with
    /// small seeded noise, labelled as the analyst labelled it.
    /// </summary>
    private static List<LabelledCase> Decisions(int copies)
    {
        var analyst = new BuiltInAnalyst(Vigil.Pipeline.Respond.ActionCatalogueLoader.LoadDefault());
        var random = new Random(1);
        var cases = new List<LabelledCase>();
        foreach (var scenario in Scenarios.Set)
        {
            var vector = FeatureExtractor.Vector(analyst.Analyse(scenario.Dossier, Vigil.Pipeline.Recommend.Evaluation.ScenarioLoader.Clock).Features);
            for (var i = 0; i < copies; i++)
            {
                var noisy = vector.Select(v => Math.Clamp(v + (float)((random.NextDouble() - 0.5) * 0.2), -1f, 1f)).ToArray();
                cases.Add(new LabelledCase($"{scenario.Id}-{i}", noisy, scenario.ExpectedDisposition));
            }
        }

        return cases;
    }

    [Fact]
    public void Train_OnDecisions_ReportsHeldOutPrecisionRecallAndCalibration()
    {
        var (_, _, metrics) = DispositionTrainer.Train(Decisions(4), Now);

        Assert.Equal(140, metrics.TrainedOn + metrics.HeldOut);
        Assert.InRange(metrics.HeldOut, 20, 50);
        Assert.InRange(metrics.Precision, 0.8, 1);
        Assert.InRange(metrics.Recall, 0.8, 1);
        Assert.InRange(metrics.BrierScore, 0, 0.15);
        Assert.InRange(metrics.CalibrationError, 0, 0.3);
        Assert.Contains("held-out precision", metrics.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Train_TooFewOrOneKind_Refused()
    {
        Assert.Throws<InvalidOperationException>(() => DispositionTrainer.Train(Decisions(4).Take(10).ToList(), Now));
        var allPositive = Decisions(4).Where(c => c.Label == Disposition.TruePositive).ToList();
        var error = Assert.Throws<InvalidOperationException>(() => DispositionTrainer.Train(allPositive, Now));
        Assert.Contains("all of one kind", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavedModel_BlendedIntoRecommendation_WithTheBlendExplained()
    {
        var directory = Path.Combine(Path.GetTempPath(), "vigil-model-" + Guid.NewGuid().ToString("N"));
        try
        {
            var model = new MlDispositionModel(directory);
            var alone = (await Scenarios.Recommender(model).RecommendAsync(Scenarios.Get("lsass-dump-domain-controller").Dossier, TestContext.Current.CancellationToken)).Recommendation;
            Assert.StartsWith("built-in model alone: no disposition model", alone.Blend, StringComparison.Ordinal);

            var (trained, schema, metrics) = DispositionTrainer.Train(Decisions(4), Now);
            DispositionModelFile.Save(directory, trained, schema, metrics);

            var tp = (await Scenarios.Recommender(model).RecommendAsync(Scenarios.Get("lsass-dump-domain-controller").Dossier, TestContext.Current.CancellationToken)).Recommendation;
            var fp = (await Scenarios.Recommender(model).RecommendAsync(Scenarios.Get("sccm-encoded-powershell").Dossier, TestContext.Current.CancellationToken)).Recommendation;
            Assert.Contains("× built-in", tp.Blend, StringComparison.Ordinal);
            Assert.Contains("trained on 140 decisions", tp.Blend, StringComparison.Ordinal);
            Assert.True(model.Estimate(tp.Features)!.TruePositiveProbability > 0.5);
            Assert.True(model.Estimate(fp.Features)!.TruePositiveProbability < 0.5);
            Assert.Equal(Disposition.TruePositive, tp.Disposition);
            Assert.Equal(Disposition.FalsePositive, fp.Disposition);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Estimate_FewDecisions_BuiltInStandsAloneAndSaysWhy()
    {
        var estimate = new DispositionEstimate { TruePositiveProbability = 0.1, TrainedOn = 30, Model = "disposition model", Quality = "q" };
        var recommender = Scenarios.Recommender(new FixedModel(estimate));

        var r = (await recommender.RecommendAsync(Scenarios.Get("lsass-dump-domain-controller").Dossier, TestContext.Current.CancellationToken)).Recommendation;

        Assert.Contains("has seen 30 decisions, fewer than the 50 needed", r.Blend, StringComparison.Ordinal);
        Assert.Equal(Disposition.TruePositive, r.Disposition);
    }

    [Fact]
    public void CalibrationError_PerfectlyCalibratedBins_Zero()
    {
        var predictions = new[] { 0.25f, 0.25f, 0.25f, 0.25f }.Select(p => new DispositionPrediction { Probability = p }).ToArray();

        Assert.Equal(0, DispositionTrainer.CalibrationError(predictions, [true, false, false, false]));
        Assert.Equal(0.75, DispositionTrainer.CalibrationError(predictions, [true, true, true, true]));
    }

    private sealed class FixedModel(DispositionEstimate estimate) : IDispositionModel
    {
        public DispositionEstimate? Estimate(IReadOnlyList<FeatureContribution> features) => estimate;
    }
}

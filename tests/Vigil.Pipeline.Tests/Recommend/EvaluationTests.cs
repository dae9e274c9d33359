using Vigil.Pipeline.Recommend.Evaluation;

namespace Vigil.Pipeline.Tests.Recommend;

public sealed class EvaluationTests
{
    [Fact]
    public void ShippedSet_HasAtLeastThirtyLabelledScenariosWithProvenance()
    {
        Assert.True(Scenarios.Set.Count >= 30);
        Assert.All(Scenarios.Set, s => Assert.False(string.IsNullOrWhiteSpace(s.Provenance)));
        Assert.Contains(Scenarios.Set, s => s.Provenance.Contains("OTRF", StringComparison.Ordinal));
        Assert.Equal(3, Scenarios.Set.Select(s => s.ExpectedDisposition).Distinct().Count());
    }

    [Fact]
    public async Task Evaluate_BuiltInAnalyst_EveryCitationValid()
    {
        var report = await Evaluator.RunAsync(Scenarios.Set, Scenarios.Recommender(), TestContext.Current.CancellationToken);

        Assert.Equal(Scenarios.Set.Count, report.Cases);
        Assert.Equal(1.0, report.CitationValidity);
        Assert.All(report.Rows, r => Assert.True(r.Claims > 0, r.Scenario));
        // A floor, not the figure: vigil eval prints the figure; this catches a weight change that wrecks triage.
        Assert.True(report.DispositionAccuracy >= 0.8, $"disposition accuracy {report.DispositionAccuracy}");
        Assert.True(report.SeverityWithinOne >= 0.8, $"severity within one level {report.SeverityWithinOne}");
    }

    [Fact]
    public void Load_BrokenScenario_NamesScenarioAndField()
    {
        var error = Assert.Throws<InvalidDataException>(() => ScenarioLoader.Load(
            """{"scenarios": [{"id": "x", "description": "d", "provenance": "p", "expected": {"severity": "loud", "disposition": "true_positive"}, "alerts": []}]}""",
            "set.json"));

        Assert.Contains("set.json: scenario x: expected.severity", error.Message, StringComparison.Ordinal);
    }
}

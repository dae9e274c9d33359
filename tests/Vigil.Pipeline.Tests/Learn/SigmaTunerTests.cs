using System.Text.Json.Nodes;
using Vigil.Detection.Pipelines;
using Vigil.Detection.Regression;
using Vigil.Pipeline.Learn;
using Vigil.Testing;

namespace Vigil.Pipeline.Tests.Learn;

/// <summary>
/// A benign positive on a fixture rule (Advanced IP Scanner, SigmaHQ fed85bf9): the IT inventory tool drops the same
/// files. The proposed exclusion must silence the case's event and nothing the rule should still catch.
/// </summary>
public sealed class SigmaTunerTests
{
    private const string RuleId = "fed85bf9-e075-4280-9159-fbe8a023d6fa";
    private static readonly string Regression = SharedFixtures.Path("sigma_regression");
    private static readonly string RulePath = Path.Combine(Regression, "rules/windows/file/file_event/file_event_win_advanced_ip_scanner.yml");
    private static readonly string AttackPath = Path.Combine(Regression, $"regression_data/rules/windows/file/file_event/file_event_win_advanced_ip_scanner/{RuleId}.json");
    private static readonly SigmaPipeline Windows = SigmaPipelines.Resolve("windows", RepositoryPaths.Combine("content", "pipelines"));

    private static string Variant(string image, string user, string computer)
    {
        var root = JsonNode.Parse(File.ReadAllText(AttackPath))!;
        root["Event"]!["EventData"]!["Image"] = image;
        root["Event"]!["EventData"]!["User"] = user;
        root["Event"]!["System"]!["Computer"] = computer;
        return root.ToJsonString();
    }

    private static TuningRequest Request(IReadOnlyList<ReplayEvent> positives, params string[] fields) => new()
    {
        RuleYaml = File.ReadAllText(RulePath),
        RuleFileName = Path.GetFileName(RulePath),
        Pipeline = Windows,
        CaseId = "cas_benign0001",
        BenignEvents = [new ReplayEvent("alr_benign", Variant(@"C:\Program Files\Lansweeper\LsAgent.exe", @"CORP\svc-inventory", "it-ws-07.corp.local"))],
        TruePositiveEvents = positives,
        RegressionCases = RegressionSuite.LoadCases(Regression),
        PreferredFields = fields,
    };

    [Fact]
    public void Propose_BenignInventoryTool_ExcludesItsImageAndProvesItByReplay()
    {
        var result = SigmaTuner.Propose(Request([new ReplayEvent("cas_tp/alr_1", File.ReadAllText(AttackPath))]));

        Assert.True(result.Passed);
        Assert.Equal(RuleId, result.RuleId);
        var field = Assert.Single(result.Filter);
        Assert.Equal("Image", field.Field);
        Assert.Equal([@"C:\Program Files\Lansweeper\LsAgent.exe"], field.Values);
        Assert.Equal((1, 1, 0), (result.Proof.Benign.Events, result.Proof.Benign.FiredOriginal, result.Proof.Benign.FiredTuned));
        Assert.Equal((1, 1, 1), (result.Proof.TruePositives.Events, result.Proof.TruePositives.FiredOriginal, result.Proof.TruePositives.FiredTuned));
        Assert.Empty(result.Proof.Benign.Wrong);
        Assert.Empty(result.Proof.TruePositives.Wrong);
        var regression = Assert.Single(result.Proof.Regression);
        Assert.True(regression.Passed);
        Assert.Equal(regression.MatchedOriginal, regression.MatchedTuned);
        Assert.Equal("filter_vigil_s_benign0001", result.FilterName);
        Assert.Contains("+    filter_vigil_s_benign0001:", result.Diff, StringComparison.Ordinal);
        Assert.Contains(@"+        Image: 'C:\\Program Files\\Lansweeper\\LsAgent.exe'", result.Diff, StringComparison.Ordinal);
        Assert.Contains("-    condition: selection", result.Diff, StringComparison.Ordinal);
        Assert.Contains("+    condition: (selection) and not filter_vigil_s_benign0001", result.Diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Propose_ImageAlsoUsedByAnAttacker_NarrowsWithTheUserUntilTheTruePositiveStillFires()
    {
        // An intruder ran the same tool from the same path under another account: excluding the path alone would hide them.
        var intruder = Variant(@"C:\Program Files\Lansweeper\LsAgent.exe", @"CORP\mallory", "fin-ws-12.corp.local");

        var result = SigmaTuner.Propose(Request([new ReplayEvent("cas_tp/alr_intruder", intruder)]));

        Assert.True(result.Passed);
        Assert.Equal(["Image", "User"], result.Filter.Select(f => f.Field));
        var attempt = Assert.Single(result.Attempts);
        Assert.Contains("would silence true positive(s) cas_tp/alr_intruder", attempt, StringComparison.Ordinal);
        Assert.Equal(0, result.Proof.Benign.FiredTuned);
        Assert.Equal(1, result.Proof.TruePositives.FiredTuned);
    }

    [Fact]
    public void Propose_SameActorAsTheTruePositive_FailsItsProofHonestly()
    {
        // Every context field of the attack equals the benign case's: no exclusion can tell them apart.
        var twin = Variant(@"C:\Program Files\Lansweeper\LsAgent.exe", @"CORP\svc-inventory", "it-ws-07.corp.local");

        var result = SigmaTuner.Propose(Request([new ReplayEvent("cas_tp/alr_twin", twin)]));

        Assert.False(result.Passed);
        Assert.Equal(["cas_tp/alr_twin"], result.Proof.TruePositives.Wrong);
        Assert.NotEmpty(result.Attempts);
    }

    [Fact]
    public void Propose_RuleDoesNotFireOnTheCase_IsRefused()
    {
        var request = Request([]) with { BenignEvents = [new ReplayEvent("alr_other", """{"Event":{"System":{"EventID":1},"EventData":{"Image":"x.exe"}}}""")] };

        var refusal = Assert.Throws<InvalidDataException>(() => SigmaTuner.Propose(request));
        Assert.Contains("nothing to tune", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unified_InsertAndChange_ProducesOneHunkWithContext()
    {
        var diff = LineDiff.Unified("a\nb\nc\nd\ne\n", "a\nb\nX\nY\nd\ne\n", "r.yml");

        Assert.Equal("--- a/r.yml\n+++ b/r.yml\n@@ -1,6 +1,7 @@\n a\n b\n-c\n+X\n+Y\n d\n e\n \n", diff);
    }
}

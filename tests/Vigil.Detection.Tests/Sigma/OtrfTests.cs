using Vigil.Detection.Engine;
using Vigil.Detection.Events;
using Vigil.Detection.Loading;
using Vigil.Detection.Pipelines;
using Vigil.Detection.Regression;

namespace Vigil.Detection.Tests.Sigma;

/// <summary>OTRF Security-Datasets scenarios: the SigmaHQ pack's matches carry the scenario's labelled technique.</summary>
public sealed class OtrfTests
{
    private static readonly Lazy<SigmaEngine> Engine = new(() => SigmaEngine.Compile(
        SigmaRuleLoader.Load(Fixtures.Path("sigmahq", "sigmahq_rules_r2026-04-01_attack-v18.tar.gz")),
        SigmaPipelineLoader.LoadFile(Fixtures.Pipeline("windows"))));

    public static TheoryData<string, string> Scenarios()
    {
        var rows = Csv.Parse(File.ReadAllText(Fixtures.Path("otrf", "INDEX.csv")));
        return [.. rows.Skip(1).Where(r => r.Count > 3).Select(r => (r[0], r[3]))];
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Evaluate_OtrfScenario_MatchesTagLabelledTechnique(string dataset, string techniques)
    {
        var tags = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var sigmaEvent in JsonEventReader.ReadFile(Fixtures.Path("otrf", dataset)))
        {
            foreach (var match in Engine.Value.Evaluate(sigmaEvent))
            {
                tags.UnionWith(match.Tags);
            }
        }

        foreach (var technique in techniques.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.Contains("attack." + technique.ToLowerInvariant(), tags);
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Evaluate_RoutingAndPrefilter_FindExactlyWhatEveryRuleFindsAlone(string dataset, string techniques)
    {
        Assert.NotEmpty(techniques);
        foreach (var sigmaEvent in JsonEventReader.ReadFile(Fixtures.Path("otrf", dataset)))
        {
            var fast = Engine.Value.Evaluate(sigmaEvent).Select(m => m.Rule.Location.ToString()).Order(StringComparer.Ordinal);
            var slow = Engine.Value.Rules.Select(r => r.Evaluate(sigmaEvent)).OfType<SigmaMatch>()
                .Select(m => m.Rule.Location.ToString()).Order(StringComparer.Ordinal);

            Assert.Equal(slow, fast);
        }
    }
}

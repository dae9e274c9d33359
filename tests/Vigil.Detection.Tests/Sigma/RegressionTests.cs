using Vigil.Detection.Pipelines;
using Vigil.Detection.Regression;

namespace Vigil.Detection.Tests.Sigma;

/// <summary>SigmaHQ's own regression cases: each rule fires at least expected_min_matches times on its recorded events.</summary>
public sealed class RegressionTests
{
    private static readonly SigmaPipeline Windows = SigmaPipelineLoader.LoadFile(Fixtures.Pipeline("windows"));

    public static TheoryData<string> Cases() =>
        [.. RegressionSuite.LoadCases(Fixtures.Path("sigma_regression")).Select(c => c.RuleId)];

    [Fact]
    public void LoadCases_SharedFixture_Has130Cases() =>
        Assert.Equal(130, RegressionSuite.LoadCases(Fixtures.Path("sigma_regression")).Count);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_RegressionCase_FiresAtLeastExpectedMatches(string ruleId)
    {
        var regressionCase = RegressionSuite.LoadCases(Fixtures.Path("sigma_regression")).First(c => c.RuleId == ruleId);

        var result = RegressionSuite.Run(regressionCase, Windows);

        Assert.Null(result.Error);
        Assert.True(result.Matches >= regressionCase.ExpectedMinMatches,
            $"{regressionCase}: {result.Matches} matches in {result.Events} events, expected >= {regressionCase.ExpectedMinMatches}");
    }
}

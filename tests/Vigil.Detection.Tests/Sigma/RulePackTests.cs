using Vigil.Detection.Engine;
using Vigil.Detection.Loading;
using Vigil.Detection.Pipelines;

namespace Vigil.Detection.Tests.Sigma;

public sealed class RulePackTests
{
    [Fact]
    public void Load_SigmaHqRelease_AcceptsAtLeast99Percent()
    {
        var loaded = SigmaRuleLoader.Load(Fixtures.Path("sigmahq", "sigmahq_rules_r2026-04-01_attack-v18.tar.gz"));
        var engine = SigmaEngine.Compile(loaded, SigmaPipelineLoader.LoadFile(Fixtures.Pipeline("windows")));

        var total = loaded.Rules.Count + loaded.Errors.Count;
        var rejects = loaded.Errors.Concat(engine.Errors).ToList();
        Assert.True(total > 3000, $"only {total} rule documents read");
        var accepted = engine.Rules.Count + engine.Inactive.Count;
        Assert.True(accepted >= 0.99 * total,
            $"{accepted} of {total} accepted; rejects:\n{string.Join("\n", rejects.Take(40))}");
    }

    [Fact]
    public void Load_RejectedRule_NamesFileLineAndReason()
    {
        const string yaml = """
            title: good
            logsource: {product: windows}
            detection:
                sel: {Image: x}
                condition: sel
            ---
            title: bad
            logsource: {product: windows}
            detection:
                sel:
                    Image|nosuchmodifier: x
                condition: sel
            """;

        var loaded = SigmaRuleLoader.LoadText(yaml, "pack/two.yml");
        var engine = SigmaEngine.Compile(loaded);

        Assert.Equal("good", Assert.Single(engine.Rules).Rule.Title);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("pack/two.yml", error.File);
        Assert.Equal(11, error.Line);
        Assert.Contains("unknown modifier 'nosuchmodifier'", error.Message, StringComparison.Ordinal);
    }
}

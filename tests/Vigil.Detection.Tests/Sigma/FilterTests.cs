using Vigil.Detection.Engine;
using Vigil.Detection.Loading;

namespace Vigil.Detection.Tests.Sigma;

/// <summary>Sigma filters specification 2.1.0: a filter document suppresses matches of the rules it names.</summary>
public sealed class FilterTests
{
    private const string Pack = """
        title: Rar compression
        id: 6f3e2987-db24-4c78-a860-b4f4095a7095
        name: rar_compression
        logsource: {category: process_creation, product: windows}
        detection:
            selection:
                Image|endswith: '\rar.exe'
            condition: selection
        level: medium
        ---
        title: Filter Administrator account
        description: The valid administrator account start with adm_
        logsource:
            category: process_creation
            product: windows
        filter:
            rules:
                - 6f3e2987-db24-4c78-a860-b4f4095a7095
                - df0841c0-9846-4e9f-ad8a-7df91571771b
            selection:
                User|startswith: 'adm_'
            condition: selection
        """;

    [Fact]
    public void Load_FilterDocument_IsRecognisedAsFilter()
    {
        var loaded = SigmaRuleLoader.LoadText(Pack);

        Assert.Empty(loaded.Errors);
        Assert.Single(loaded.Rules);
        var filter = Assert.Single(loaded.Filters);
        Assert.Equal(["6f3e2987-db24-4c78-a860-b4f4095a7095", "df0841c0-9846-4e9f-ad8a-7df91571771b"], filter.Rules);
    }

    [Fact]
    public void Evaluate_FilterMatches_SuppressesRuleMatch()
    {
        var engine = SigmaEngine.Compile(SigmaRuleLoader.LoadText(Pack));

        Assert.Empty(engine.Evaluate(SigmaKit.Event("""{"Image":"C:\\rar.exe","User":"adm_bob"}""")));
    }

    [Fact]
    public void Evaluate_FilterDoesNotMatch_RuleStillMatches()
    {
        var engine = SigmaEngine.Compile(SigmaRuleLoader.LoadText(Pack));

        var match = Assert.Single(engine.Evaluate(SigmaKit.Event("""{"Image":"C:\\rar.exe","User":"bob"}""")));
        Assert.Equal("rar_compression", match.RuleName);
    }

    [Fact]
    public void Compile_FilterNamingUnknownRule_WarnsWithoutRejecting()
    {
        var engine = SigmaEngine.Compile(SigmaRuleLoader.LoadText(Pack));

        Assert.Empty(engine.Errors);
        Assert.Contains(engine.Warnings, w => w.Contains("df0841c0-9846-4e9f-ad8a-7df91571771b", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_CorrelationDocument_IsHandedOverRawWithLine()
    {
        var yaml = Pack + "\n---\ntitle: many rars\ncorrelation:\n    type: event_count\n    rules: [rar_compression]\n    group-by: [User]\n    timespan: 1h\n    condition: {gte: 5}\n";

        var loaded = SigmaRuleLoader.LoadText(yaml, "pack.yml");

        var raw = Assert.Single(loaded.Correlations);
        Assert.Equal("pack.yml", raw.File);
        Assert.Equal(24, raw.Line);
    }
}

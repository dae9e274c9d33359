using Vigil.Detection.Correlation;
using Vigil.Detection.Engine;
using Vigil.Detection.Events;
using Vigil.Detection.Loading;

namespace Vigil.Detection.Tests.Correlation;

public sealed class ChainAndAliasTests
{
    private const string BruteForce = SpecExamples.BruteForce;

    private readonly CorrelationKit _kit = new();

    [Fact]
    public void Process_SpecBruteForceChainThroughSigmaEngine_FiresOuterWithAllElevenEvents()
    {
        var loaded = SigmaRuleLoader.LoadText(BruteForce, "mr_brute_force.yml");
        var sigma = SigmaEngine.Compile(loaded);
        var set = CorrelationSet.Load(loaded.Correlations, sigma.Rules.Select(r => new SigmaRuleIdentity(r.Rule.Id, r.Rule.Name)));
        var engine = new CorrelationEngine(set);
        var builder = new SigmaEventBuilder();
        var matches = new List<CorrelationMatch>();
        for (var i = 0; i < 11; i++)
        {
            builder.Clear();
            builder.Add("EventID", i < 10 ? "4625" : "4624").Add("User", "bob")
                .Add("TimeCreated", CorrelationKit.T0.AddSeconds(i * 20).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            foreach (var hit in sigma.Evaluate(builder.Build(i, "security.json")))
            {
                matches.AddRange(engine.Process(hit));
            }
        }

        matches.AddRange(engine.Flush());

        Assert.Empty(set.Errors);
        Assert.Equal(["Multiple failed logons", "Correlation - Multiple Failed Logins Followed by Successful Login"], matches.Select(m => m.Rule.Title));
        Assert.False(matches[0].Standalone);
        var outer = matches[1];
        Assert.True(outer.Standalone);
        Assert.Equal("high", outer.Rule.Level);
        Assert.Equal("Florian Roth (Nextron Systems)", outer.Rule.Author);
        Assert.Equal([new KeyValuePair<string, string?>("User", "bob")], outer.GroupBy);
        Assert.Equal(Enumerable.Range(0, 11).Select(i => (long)i), outer.Events.Select(e => e.Event.Index));
        Assert.Equal("4d0a2c83-c62c-4ed4-b475-c7e23a9269b8", outer.Events[^1].Rule);
        Assert.False(set.ReportsStandalone("53ba33fd-3a50-4468-a5ef-c583635cfa92", "failed_login"));
    }

    [Fact]
    public void Process_SuccessBeforeFailures_ChainDoesNotFire()
    {
        var engine = BruteForceEngine();
        var hits = new[] { _kit.Hit("successful_login", 0, ("User", "bob")) }
            .Concat(Enumerable.Range(1, 10).Select(i => _kit.Hit("failed_login", i, ("User", "bob"))));

        var matches = CorrelationKit.Run(engine, hits);

        Assert.Equal(["Multiple failed logons"], matches.Select(m => m.Rule.Title));
    }

    [Fact]
    public void Process_SpecAliasExample_GroupsAcrossDifferentFieldNames()
    {
        var engine = CorrelationKit.Engine("""
            title: Internal error then connection back
            correlation:
                type: temporal
                rules:
                    - internal_error
                    - new_network_connection
                group-by:
                    - internal_ip
                    - remote_ip
                timespan: 10s
                aliases:
                    internal_ip:
                        internal_error: destination.ip
                        new_network_connection: source.ip
                    remote_ip:
                        internal_error: source.ip
                        new_network_connection: destination.ip
            """);

        var matches = CorrelationKit.Run(engine,
        [
            _kit.Hit("internal_error", 0, ("destination.ip", "10.0.0.1"), ("source.ip", "203.0.113.9")),
            _kit.Hit("new_network_connection", 3, ("source.ip", "10.0.0.2"), ("destination.ip", "203.0.113.9")),
            _kit.Hit("new_network_connection", 5, ("source.ip", "10.0.0.1"), ("destination.ip", "203.0.113.9")),
        ]);

        var match = Assert.Single(matches);
        Assert.Equal(["internal_ip", "remote_ip"], match.GroupBy.Select(g => g.Key));
        Assert.Equal(["10.0.0.1", "203.0.113.9"], match.GroupBy.Select(g => g.Value));
        Assert.Equal([0L, 2L], match.Events.Select(e => e.Event.Index));
    }

    [Fact]
    public void Process_OuterWithGenerate_InnerMatchesAreStandaloneToo()
    {
        var engine = new CorrelationEngine(CorrelationSet.Load(
            SigmaRuleLoader.LoadText(BruteForce.Replace("    timespan: 10m\nlevel: high", "    timespan: 10m\n    generate: true\nlevel: high", StringComparison.Ordinal)).Correlations,
            [new(null, "failed_login"), new(null, "successful_login")]));

        var matches = CorrelationKit.Run(engine, Enumerable.Range(0, 10).Select(i => _kit.Hit("failed_login", i, ("User", "bob"))));

        Assert.True(Assert.Single(matches).Standalone);
        Assert.True(engine.Set.ReportsStandalone(null, "successful_login"));
    }

    private static CorrelationEngine BruteForceEngine() =>
        new(CorrelationSet.Load(SigmaRuleLoader.LoadText(BruteForce).Correlations, [new("53ba33fd-3a50-4468-a5ef-c583635cfa92", "failed_login"), new("4d0a2c83-c62c-4ed4-b475-c7e23a9269b8", "successful_login")]));
}

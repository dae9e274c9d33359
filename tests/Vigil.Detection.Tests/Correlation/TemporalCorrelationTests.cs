using Vigil.Detection.Correlation;

namespace Vigil.Detection.Tests.Correlation;

public sealed class TemporalCorrelationTests
{
    private const string Recon = """
        title: Recon
        correlation:
            type: TYPE
            rules:
                - recon_cmd_a
                - recon_cmd_b
                - recon_cmd_c
            group-by:
                - ComputerName
                - User
            timespan: 5m
        """;

    private static readonly (string, string) Host = ("ComputerName", "ws1");
    private static readonly (string, string) User = ("User", "bob");

    private readonly CorrelationKit _kit = new();

    [Fact]
    public void Process_TemporalSpecExample_AnyOrderWithinTimespanMatches()
    {
        var engine = CorrelationKit.Engine(Recon.Replace("TYPE", "temporal", StringComparison.Ordinal));

        var matches = CorrelationKit.Run(engine,
        [
            _kit.Hit("recon_cmd_c", 0, Host, User),
            _kit.Hit("recon_cmd_a", 100, Host, User),
            _kit.Hit("recon_cmd_a", 110, Host, ("User", "eve")),
            _kit.Hit("recon_cmd_b", 200, Host, User),
        ]);

        var match = Assert.Single(matches);
        Assert.Equal(3, match.Value);
        Assert.Equal(["recon_cmd_c", "recon_cmd_a", "recon_cmd_b"], match.Events.Select(e => e.Rule));
    }

    [Fact]
    public void Process_TemporalRuleOutsideTimespan_DoesNotMatch()
    {
        var engine = CorrelationKit.Engine(Recon.Replace("TYPE", "temporal", StringComparison.Ordinal));

        var matches = CorrelationKit.Run(engine,
        [
            _kit.Hit("recon_cmd_a", 0, Host, User),
            _kit.Hit("recon_cmd_b", 200, Host, User),
            _kit.Hit("recon_cmd_c", 301, Host, User),
        ]);

        Assert.Empty(matches);
    }

    [Fact]
    public void Process_TemporalOrderedInListedOrder_Matches()
    {
        var engine = CorrelationKit.Engine(Recon.Replace("TYPE", "temporal_ordered", StringComparison.Ordinal));

        var matches = CorrelationKit.Run(engine,
        [
            _kit.Hit("recon_cmd_b", 0, Host, User),
            _kit.Hit("recon_cmd_a", 10, Host, User),
            _kit.Hit("recon_cmd_b", 20, Host, User),
            _kit.Hit("recon_cmd_c", 30, Host, User),
        ]);

        Assert.Equal(4, Assert.Single(matches).Events.Count);
    }

    [Fact]
    public void Process_TemporalOrderedOutOfOrder_DoesNotMatchWhereTemporalDoes()
    {
        CorrelationEvent[] Reversed(CorrelationKit kit) =>
        [
            kit.Hit("recon_cmd_c", 0, Host, User),
            kit.Hit("recon_cmd_b", 10, Host, User),
            kit.Hit("recon_cmd_a", 20, Host, User),
        ];

        var ordered = CorrelationKit.Run(
            CorrelationKit.Engine(Recon.Replace("TYPE", "temporal_ordered", StringComparison.Ordinal)), Reversed(_kit));
        var unordered = CorrelationKit.Run(
            CorrelationKit.Engine(Recon.Replace("TYPE", "temporal", StringComparison.Ordinal)), Reversed(_kit));

        Assert.Empty(ordered);
        Assert.Single(unordered);
    }

    [Fact]
    public void Process_TemporalWithRelaxedCondition_MatchesTwoOfThree()
    {
        var engine = CorrelationKit.Engine(
            Recon.Replace("TYPE", "temporal", StringComparison.Ordinal) + "\n    condition:\n        gte: 2\n");

        var matches = CorrelationKit.Run(engine, [_kit.Hit("recon_cmd_a", 0, Host, User), _kit.Hit("recon_cmd_c", 5, Host, User)]);

        Assert.Equal(2, Assert.Single(matches).Value);
    }
}

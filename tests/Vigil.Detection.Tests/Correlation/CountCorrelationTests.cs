using Vigil.Detection.Correlation;

namespace Vigil.Detection.Tests.Correlation;

public sealed class CountCorrelationTests
{
    private const string FailedLogin = SpecExamples.FailedLoginRule;

    private const string ManyFailedLogins = SpecExamples.ManyFailedLogins;

    private readonly CorrelationKit _kit = new();

    [Fact]
    public void Process_EventCountSpecExample_FiresOnHundredthEventWithAllEvents()
    {
        var engine = CorrelationKit.Engine(ManyFailedLogins);
        var hits = Enumerable.Range(0, 100).Select(i => _kit.Hit(FailedLogin, i * 30, ("ComputerName", "dc01"))).ToList();

        var before = hits.Take(99).SelectMany(engine.Process).ToList();
        var match = Assert.Single(engine.Process(hits[99]));

        Assert.Empty(before);
        Assert.Equal("Many failed logins", match.Rule.Title);
        Assert.Equal("high", match.Rule.Level);
        Assert.Equal(100, match.Value);
        Assert.Equal([new KeyValuePair<string, string?>("ComputerName", "dc01")], match.GroupBy);
        Assert.Equal(hits.Select(h => h.Event), match.Events.Select(e => e.Event));
        Assert.Equal(CorrelationKit.T0, match.FirstSeen);
        Assert.True(match.Standalone);
    }

    [Fact]
    public void Process_EventCountTwoHosts_CountsEachGroupSeparately()
    {
        var engine = CorrelationKit.Engine(ManyFailedLogins);
        var hits = Enumerable.Range(0, 120)
            .Select(i => _kit.Hit(FailedLogin, i * 10, ("ComputerName", i % 2 == 0 ? "dc01" : "dc02")));

        Assert.Empty(CorrelationKit.Run(engine, hits));
    }

    [Fact]
    public void Process_EventCountHitWithoutGroupField_IsSkipped()
    {
        var engine = CorrelationKit.Engine(ManyFailedLogins.Replace("gte: 100", "gte: 2", StringComparison.Ordinal));

        var matches = CorrelationKit.Run(engine, [_kit.Hit(FailedLogin, 0), _kit.Hit(FailedLogin, 1)]);

        Assert.Empty(matches);
        Assert.Equal(2, engine.Statistics.SkippedHits);
    }

    [Theory]
    [InlineData(3600, 1)]
    [InlineData(3601, 0)]
    public void Process_EventCountAtTimespanBoundary_InclusiveOfExactlyOneTimespan(double secondHitAt, int expected)
    {
        var engine = CorrelationKit.Engine(ManyFailedLogins.Replace("gte: 100", "gte: 2", StringComparison.Ordinal));

        var matches = CorrelationKit.Run(engine,
            [_kit.Hit(FailedLogin, 0, ("ComputerName", "dc01")), _kit.Hit(FailedLogin, secondHitAt, ("ComputerName", "dc01"))]);

        Assert.Equal(expected, matches.Count);
    }

    [Fact]
    public void Process_EventCountAfterMatch_NeedsFreshEventsForNextMatch()
    {
        var engine = CorrelationKit.Engine(ManyFailedLogins.Replace("gte: 100", "gte: 3", StringComparison.Ordinal));
        var hits = Enumerable.Range(0, 7).Select(i => _kit.Hit(FailedLogin, i, ("ComputerName", "dc01")));

        var matches = CorrelationKit.Run(engine, hits);

        Assert.Equal(2, matches.Count);
        Assert.Empty(matches[0].Events.Select(e => e.Event).Intersect(matches[1].Events.Select(e => e.Event)));
    }

    [Fact]
    public void Process_EventCountUpperBound_JudgedWhenTimespanEnds()
    {
        // "fewer than 3 in 5 minutes" cannot be known at the first event; it is decided when the window closes.
        var engine = CorrelationKit.Engine("""
            title: Quiet host
            correlation:
                type: event_count
                rules: [heartbeat]
                group-by: [Host]
                timespan: 5m
                condition:
                    lt: 3
            """);

        var early = new List<CorrelationMatch>();
        early.AddRange(engine.Process(_kit.Hit("heartbeat", 0, ("Host", "a"))));
        early.AddRange(engine.Process(_kit.Hit("heartbeat", 10, ("Host", "a"))));
        for (var i = 0; i < 3; i++)
        {
            early.AddRange(engine.Process(_kit.Hit("heartbeat", 20 + i, ("Host", "b"))));
        }

        var closedByTime = engine.Process(_kit.Hit("other-rule", 301, ("Host", "z")));

        Assert.Empty(early);
        var match = Assert.Single(closedByTime);
        Assert.Equal("a", match.GroupBy[0].Value);
        Assert.Equal(2, match.Value);
        Assert.Empty(engine.Flush());
    }

    [Fact]
    public void Process_ValueCountSpecExample_CountsDistinctUsersPerSourceAndDestination()
    {
        var engine = CorrelationKit.Engine("""
            title: Failed login
            id: 0e95725d-7320-415d-80f7-004da920fc12
            correlation:
                type: value_count
                rules:
                    - 5638f7c0-ac70-491d-8465-2a65075e0d86
                group-by:
                    - ComputerName
                    - WorkstationName
                timespan: 1d
                condition:
                    field: User
                    gte: 3
            """);
        (string, string) Dc = ("ComputerName", "dc01"), Ws = ("WorkstationName", "ws7");

        var matches = CorrelationKit.Run(engine,
        [
            _kit.Hit(FailedLogin, 0, Dc, Ws, ("User", "alice")),
            _kit.Hit(FailedLogin, 60, Dc, Ws, ("User", "alice")),
            _kit.Hit(FailedLogin, 120, Dc, ("WorkstationName", "ws8"), ("User", "bob")),
            _kit.Hit(FailedLogin, 180, Dc, Ws, ("User", "bob")),
            _kit.Hit(FailedLogin, 240, Dc, Ws),
            _kit.Hit(FailedLogin, 3600, Dc, Ws, ("User", "carol")),
        ]);

        var match = Assert.Single(matches);
        Assert.Equal(3, match.Value);
        Assert.Equal(["dc01", "ws7"], match.GroupBy.Select(g => g.Value));
        // alice twice, bob, carol: the ws8 hit is another group and the hit without User is not counted.
        Assert.Equal(4, match.Events.Count);
    }
}

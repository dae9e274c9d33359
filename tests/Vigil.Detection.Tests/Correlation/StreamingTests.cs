using Vigil.Detection.Correlation;

namespace Vigil.Detection.Tests.Correlation;

public sealed class StreamingTests
{
    private const string Pairs = """
        title: Two failures
        correlation:
            type: event_count
            rules: [failed]
            group-by: [User]
            timespan: 1m
            condition:
                gte: 2
        """;

    private readonly CorrelationKit _kit = new();

    [Fact]
    public void Process_HitSlightlyOutOfOrder_IsPlacedInItsWindow()
    {
        var engine = CorrelationKit.Engine(Pairs);

        var matches = CorrelationKit.Run(engine,
            [_kit.Hit("failed", 100, ("User", "bob")), _kit.Hit("failed", 70, ("User", "bob"))]);

        var match = Assert.Single(matches);
        Assert.Equal([70.0, 100.0], match.Events.Select(e => (e.Timestamp - CorrelationKit.T0).TotalSeconds));
        Assert.Equal(CorrelationKit.T0.AddSeconds(70), match.FirstSeen);
    }

    [Fact]
    public void Process_HitOlderThanTimespanBehindNewest_IsCountedLate()
    {
        var engine = CorrelationKit.Engine(Pairs);

        var matches = CorrelationKit.Run(engine,
        [
            _kit.Hit("failed", 100, ("User", "bob")),
            _kit.Hit("other", 500, ("User", "eve")),
            _kit.Hit("failed", 90, ("User", "bob")),
        ]);

        Assert.Empty(matches);
        Assert.Equal(1, engine.Statistics.LateHits);
    }

    [Fact]
    public void Process_ManyShortLivedGroups_WindowsAreDroppedOnceTheirTimespanPasses()
    {
        var engine = CorrelationKit.Engine(Pairs);
        for (var i = 0; i < 10_000; i++)
        {
            engine.Process(_kit.Hit("failed", i, ("User", $"user{i}")));
        }

        var held = engine.Statistics;

        // One hit per second and a one-minute timespan: only the last minute's groups can still be open.
        Assert.InRange(held.OpenWindows, 1, 61);
        Assert.Equal(held.OpenWindows, held.HeldHits);
    }

    [Fact]
    public void Process_WindowOverCapacity_DropsOldestAndCountsThem()
    {
        var engine = CorrelationKit.Engine("""
            title: Many users
            correlation:
                type: value_count
                rules: [login]
                group-by: [Host]
                timespan: 1h
                condition:
                    field: User
                    gte: 1000
            """, new CorrelationOptions { MaxEventsPerWindow = 50 });

        for (var i = 0; i < 80; i++)
        {
            engine.Process(_kit.Hit("login", i, ("Host", "dc01"), ("User", "same")));
        }

        Assert.Equal(50, engine.Statistics.HeldHits);
        Assert.Equal(30, engine.Statistics.Truncated);
    }

    [Fact]
    public void Process_HitOfUnreferencedRule_ReturnsNoMatchesAndHoldsNothing()
    {
        var engine = CorrelationKit.Engine(Pairs);

        var matches = engine.Process(_kit.Hit("unrelated", 0, ("User", "bob")));

        Assert.Empty(matches);
        Assert.Equal(0, engine.Statistics.OpenWindows);
    }

    [Fact]
    public void Process_TimesAtTheEndsOfTheCalendar_DoNotThrow()
    {
        var engine = CorrelationKit.Engine(Pairs);
        CorrelationEvent At(DateTimeOffset time, long index) => new()
        {
            RuleName = "failed",
            Timestamp = time,
            Event = new EventRef(null, index),
            Field = _ => "bob",
        };

        var matches = new List<CorrelationMatch>();
        matches.AddRange(engine.Process(At(DateTimeOffset.MinValue, 0)));
        matches.AddRange(engine.Process(At(DateTimeOffset.MinValue.AddSeconds(1), 1)));
        matches.AddRange(engine.Process(At(DateTimeOffset.MaxValue, 2)));
        matches.AddRange(engine.Process(At(DateTimeOffset.MaxValue, 3)));
        matches.AddRange(engine.Flush());

        Assert.Equal([[0L, 1L], [2L, 3L]], matches.Select(m => m.Events.Select(e => e.Event.Index).ToArray()));
    }
}

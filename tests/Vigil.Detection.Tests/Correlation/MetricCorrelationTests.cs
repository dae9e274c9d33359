using Vigil.Detection.Correlation;

namespace Vigil.Detection.Tests.Correlation;

public sealed class MetricCorrelationTests
{
    private readonly CorrelationKit _kit = new();

    [Fact]
    public void Process_ValueSumSpecExample_FiresWhenBytesExceedMillion()
    {
        var engine = CorrelationKit.Engine("""
            title: Possible Exfiltration to Website
            correlation:
                type: value_sum
                rules:
                    - website_access
                group-by:
                    - SourceIP
                    - User
                timespan: 1h
                condition:
                    field: bytes_sent
                    gt: 1000000
            """);
        (string, string) Ip = ("SourceIP", "10.0.0.5"), User = ("User", "bob");

        var matches = CorrelationKit.Run(engine,
        [
            _kit.Hit("website_access", 0, Ip, User, ("bytes_sent", "400000")),
            _kit.Hit("website_access", 60, Ip, User, ("bytes_sent", "not a number")),
            _kit.Hit("website_access", 120, Ip, ("User", "eve"), ("bytes_sent", "900000")),
            _kit.Hit("website_access", 180, Ip, User, ("bytes_sent", "600000")),
            _kit.Hit("website_access", 240, Ip, User, ("bytes_sent", "1")),
        ]);

        var match = Assert.Single(matches);
        Assert.Equal(1000001, match.Value);
        Assert.Equal(3, match.Events.Count);
        Assert.Equal(1, engine.Statistics.SkippedHits);
    }

    [Fact]
    public void Process_ValueAvgSpecExample_FiresWhenAverageExceedsThreshold()
    {
        var engine = CorrelationKit.Engine("""
            title: Suspicious average network traffic
            correlation:
                type: value_avg
                rules:
                    - rule_a_id
                group-by:
                    - SourceIP
                    - User
                timespan: 24h
                condition:
                    field: BytesOut
                    gt: 500
            """);
        (string, string) Ip = ("SourceIP", "10.0.0.5"), User = ("User", "bob");

        var matches = CorrelationKit.Run(engine,
        [
            _kit.Hit("rule_a_id", 0, Ip, User, ("BytesOut", "100")),
            _kit.Hit("rule_a_id", 10, Ip, User, ("BytesOut", "800")),
            _kit.Hit("rule_a_id", 20, Ip, User, ("BytesOut", "700")),
        ]);

        Assert.Equal(1600.0 / 3, Assert.Single(matches).Value, 9);
    }

    [Fact]
    public void Flush_ValuePercentileSpecExample_ReportsRareProcessPerComputer()
    {
        // Spec: "a processes name in the last 24h [seen in fewer] than 1% of all the processes", field Image, lte 1.
        var engine = CorrelationKit.Engine("""
            title: Rare process on a computer
            correlation:
                type: value_percentile
                rules:
                    - process_creation
                group-by:
                    - ComputerName
                timespan: 24h
                condition:
                    field: Image
                    lte: 1
            """);
        var hits = Enumerable.Range(0, 150)
            .Select(i => _kit.Hit("process_creation", i * 60, ("ComputerName", "ws1"), ("Image", i % 2 == 0 ? "svchost.exe" : "explorer.exe")))
            .Append(_kit.Hit("process_creation", 9000, ("ComputerName", "ws1"), ("Image", "mimikatz.exe")))
            .Append(_kit.Hit("process_creation", 9100, ("ComputerName", "ws2"), ("Image", "mimikatz.exe")));

        var matches = CorrelationKit.Run(engine, hits);

        var match = Assert.Single(matches);
        Assert.Equal("mimikatz.exe", match.FieldValue);
        Assert.Equal("ws1", match.GroupBy[0].Value);
        Assert.Equal(100.0 / 151, match.Value, 9);
        Assert.Single(match.Events);
    }

    [Fact]
    public void Process_ValuePercentileWithPercentileKey_ComparesNearestRankPercentile()
    {
        var engine = CorrelationKit.Engine("""
            title: Large uploads at the 90th percentile
            correlation:
                type: value_percentile
                rules: [upload]
                group-by: [User]
                timespan: 1h
                condition:
                    field: bytes
                    percentile: 90
                    gte: 900
            """);
        var hits = Enumerable.Range(1, 10).Select(i => _kit.Hit("upload", i, ("User", "bob"), ("bytes", (i * 100).ToString(System.Globalization.CultureInfo.InvariantCulture))));

        var matches = CorrelationKit.Run(engine, hits);

        // After n uploads of 100, 200, ... the nearest-rank 90th percentile is value ceil(0.9 n): 900 first at n = 9.
        // Those nine are consumed by the match, so the 10th upload (1000) is judged alone and fires again.
        Assert.Equal([900.0, 1000.0], matches.Select(m => m.Value));
        Assert.Equal([9, 1], matches.Select(m => m.Events.Count));
    }

    [Fact]
    public void Process_ValueMedian_FiresWhenMedianReachesThreshold()
    {
        var engine = CorrelationKit.Engine("""
            title: Median request size
            correlation:
                type: value_median
                rules: [request]
                group-by: [Host]
                timespan: 1h
                condition:
                    field: size
                    gte: 50
            """);

        var matches = CorrelationKit.Run(engine,
        [
            _kit.Hit("request", 0, ("Host", "a"), ("size", "10")),
            _kit.Hit("request", 1, ("Host", "a"), ("size", "60")),
            _kit.Hit("request", 2, ("Host", "a"), ("size", "70")),
        ]);

        // Medians by nearest rank: 10, then 10 (lower middle of 10, 60), then 60.
        var match = Assert.Single(matches);
        Assert.Equal(60, match.Value);
        Assert.Equal(3, match.Events.Count);
    }
}

using Microsoft.Extensions.Time.Testing;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Ingest;
using Vigil.Pipeline.Normalize;

namespace Vigil.Pipeline.Tests.Ingest;

public sealed class AlertStormsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static EventIngestor Ingestor(EventIngestorKit kit, SourcePolicy policy, FakeTimeProvider time) => new(
        MappingCatalog.From([MappingCatalog.Compile("test_edr.yaml", EventIngestorKit.TestEdrYaml)]),
        kit.Alerts,
        kit.DeadLetters,
        kit.Health,
        new AlertStorms(new SourcePolicies(new Dictionary<string, SourcePolicy> { ["test_edr"] = policy }), time));

    private static async Task<EventIngestSummary> PushAsync(EventIngestor ingestor, int from, int count, string host = "web-01")
    {
        // Distinct vendor ids and hosts, one rule: similar alerts, none a repeat of another.
        var lines = Enumerable.Range(from, count).Select(i => EventIngestorKit.Event($"d-{i}", host: $"{host}-{i}"));
        return await ingestor.IngestAsync("test_edr", await EventIngestorKit.ReadAsync(string.Join('\n', lines)), "test", "application/x-ndjson", Actor.System, Ct);
    }

    [Fact]
    public async Task Apply_OverThresholdInOneMinute_RollsTheRestIntoOneStormAlertWithCounterAndSample()
    {
        await using var kit = await EventIngestorKit.StartAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 5, TimeSpan.Zero));
        var ingestor = Ingestor(kit, new SourcePolicy { StormThreshold = 3, StormFields = ["finding_info.title"] }, time);

        var summary = await PushAsync(ingestor, 0, 10);

        Assert.Equal((10, 4, 6, 0), (summary.Read, summary.Stored, summary.Deduplicated, summary.DeadLettered));
        var storm = await kit.Store.GetAlertAsync(summary.Alerts[3].AlertId, Ct);
        Assert.StartsWith("Alert storm: Suspicious R-1 (over 3 similar alerts in the minute from 12:00 UTC)", storm!.Title, StringComparison.Ordinal);
        Assert.Equal(7, storm.OccurrenceCount);
        Assert.Contains(AlertStorms.StormTag, storm.Tags);
        Assert.Contains("\"detection_id\": \"d-3\"", storm.RawPayload, StringComparison.Ordinal);
        Assert.All(summary.Alerts.Skip(3), a => Assert.Equal(storm.Id, a.AlertId));

        // The next minute starts a new count: three normal alerts again, then a second storm alert.
        time.Advance(TimeSpan.FromMinutes(1));
        var next = await PushAsync(ingestor, 10, 5);
        Assert.Equal((4, 1), (next.Stored, next.Deduplicated));
        Assert.NotEqual(storm.Id, next.Alerts[4].AlertId);
    }

    [Fact]
    public async Task Apply_ConfiguredFingerprintFields_ReplaceTheMappingsDedup()
    {
        await using var kit = await EventIngestorKit.StartAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        // The mapping deduplicates on rule + host; this source says the rule alone makes an alert the same.
        var ingestor = Ingestor(kit, new SourcePolicy { Fingerprint = ["finding_info.title"] }, time);

        var summary = await PushAsync(ingestor, 0, 4);

        Assert.Equal((1, 3), (summary.Stored, summary.Deduplicated));
        Assert.Equal(4, (await kit.Store.GetAlertAsync(summary.Alerts[0].AlertId, Ct))!.OccurrenceCount);
    }

    [Fact]
    public async Task Apply_UnderThreshold_LeavesAlertsAlone()
    {
        await using var kit = await EventIngestorKit.StartAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var ingestor = Ingestor(kit, new SourcePolicy { StormThreshold = 5 }, time);

        var summary = await PushAsync(ingestor, 0, 5);

        Assert.Equal((5, 0), (summary.Stored, summary.Deduplicated));
        foreach (var outcome in summary.Alerts)
        {
            Assert.DoesNotContain(AlertStorms.StormTag, (await kit.Store.GetAlertAsync(outcome.AlertId, Ct))!.Tags);
        }
    }
}

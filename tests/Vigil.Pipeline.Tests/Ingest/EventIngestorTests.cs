using Vigil.Domain;
using Vigil.Domain.Alerts;
using Vigil.Domain.DeadLetters;
using Vigil.Domain.Entities;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Ingest;
using Vigil.Pipeline.Normalize;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Tests.Ingest;

public sealed class EventIngestorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<EventIngestSummary> IngestAsync(EventIngestorKit kit, string source, IReadOnlyList<RawJsonEvent> events) =>
        kit.Ingestor.IngestAsync(source, events, "test input", "application/x-ndjson", Actor.System, Ct);

    [Fact]
    public async Task IngestAsync_MixedBatch_StoresWhatNormalisesAndDeadLettersTheRestWithPosition()
    {
        await using var kit = await EventIngestorKit.StartAsync();
        var events = await EventIngestorKit.ReadAsync(string.Join('\n',
            EventIngestorKit.Event("d-1"),
            EventIngestorKit.Event("d-2", rule: "R-2"),
            """{"detection_id": "d-3", "sev": "low", "name": "no time", "rule": "R-3", "host": "h"}""",
            """{"detection_id": "d-4", "oops"}"""));

        var summary = await IngestAsync(kit, "test_edr", events);

        Assert.Equal((4, 2, 0, 2), (summary.Read, summary.Stored, summary.Deduplicated, summary.DeadLettered));
        Assert.Equal(2, (await kit.Store.GetStatsAsync(Ct)).Alerts);
        var letters = await kit.Store.ListDeadLettersAsync(new DeadLetterQuery { Status = DeadLetterStatus.Pending }, Ct);
        Assert.Equal(2, letters.Count);
        Assert.All(letters, l => Assert.Equal("test_edr", l.Source));
        var noTime = Assert.Single(letters, l => l.Payload.Contains("no time", StringComparison.Ordinal));
        Assert.StartsWith("test input, event 3 (line 3): ", noTime.Reason, StringComparison.Ordinal);
        Assert.Contains("time", noTime.Reason[30..], StringComparison.Ordinal);
        var malformed = Assert.Single(letters, l => l.Payload.Contains("oops", StringComparison.Ordinal));
        Assert.Contains("event 4 (line 4): malformed JSON", malformed.Reason, StringComparison.Ordinal);
        Assert.Equal("application/x-ndjson", malformed.ContentType);
    }

    [Fact]
    public async Task IngestAsync_SameDedupFieldsTwice_CountsAnOccurrenceNotANewAlert()
    {
        await using var kit = await EventIngestorKit.StartAsync();
        // Different vendor ids, same rule on the same host: the mapping's dedup fields say this is one alert.
        var first = await IngestAsync(kit, "test_edr", await EventIngestorKit.ReadAsync(EventIngestorKit.Event("d-1") + EventIngestorKit.Event("d-2")));
        var again = await IngestAsync(kit, "test_edr", await EventIngestorKit.ReadAsync(EventIngestorKit.Event("d-3")));

        Assert.Equal((1, 1), (first.Stored, first.Deduplicated));
        Assert.Equal((0, 1), (again.Stored, again.Deduplicated));
        var alert = await kit.Store.GetAlertAsync(first.Alerts[0].AlertId, Ct);
        Assert.Equal(3, alert!.OccurrenceCount);
        Assert.Equal(AlertFingerprint.Compute("test_edr", ["R-1", "web-01"]), alert.Fingerprint);
    }

    [Fact]
    public async Task IngestAsync_StoredAlert_KeepsRawPayloadVerbatimWithEntitiesAndAttackTags()
    {
        await using var kit = await EventIngestorKit.StartAsync();
        var raw = EventIngestorKit.Event("d-9", host: "DB-07").Replace(", ", ",   ", StringComparison.Ordinal);

        var summary = await IngestAsync(kit, "test_edr", await EventIngestorKit.ReadAsync(raw));

        var alert = await kit.Store.GetAlertAsync(Assert.Single(summary.Alerts).AlertId, Ct);
        Assert.NotNull(alert);
        Assert.Equal(raw, alert.RawPayload);
        Assert.Equal(("test_edr", "d-9", "Suspicious R-1", "seen on DB-07"), (alert.Source, alert.SourceRef, alert.Title, alert.Description));
        Assert.Equal(Severity.High, alert.Severity);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), alert.OccurredAt);
        Assert.Equal(["attack.t1059.001"], alert.Tags);
        Assert.Contains(Entity.Create(EntityType.Host, "db-07"), alert.Entities);
        Assert.Contains(Entity.Create(EntityType.Rule, "R-1"), alert.Entities);
        Assert.NotNull(alert.CaseId);
    }

    [Fact]
    public async Task IngestAsync_Auto_RecognisesTheShapeAndDeadLettersUnknownOnes()
    {
        await using var kit = await EventIngestorKit.StartAsync();
        var events = await EventIngestorKit.ReadAsync(EventIngestorKit.Event("d-1") + "\n{\"unrelated\": true}");

        var summary = await IngestAsync(kit, "auto", events);

        Assert.Equal((1, 1), (summary.Stored, summary.DeadLettered));
        var letter = await kit.Store.GetDeadLetterAsync(summary.DeadLetterIds[0], Ct);
        Assert.Equal("auto", letter!.Source);
        Assert.Contains("no shipped or overridden mapping recognises", letter.Reason, StringComparison.Ordinal);
        Assert.Equal(1, kit.Health.Get("test_edr")!.Stored);
        Assert.Equal(1, kit.Health.Get("auto")!.DeadLettered);
    }

    [Fact]
    public async Task IngestAsync_UnknownFieldInEvent_CountsDriftForTheSource()
    {
        await using var kit = await EventIngestorKit.StartAsync();
        var events = await EventIngestorKit.ReadAsync(
            EventIngestorKit.Event("d-1") + "\n" + EventIngestorKit.Event("d-2", rule: "R-2", extra: ", \"new_vendor_field\": 1"));

        var summary = await IngestAsync(kit, "test_edr", events);

        Assert.Equal(1, summary.Drifted);
        var health = kit.Health.Get("test_edr")!;
        Assert.Equal((2, 2, 0, 0, 1), (health.Received, health.Stored, health.Deduplicated, health.DeadLettered, health.Drifted));
        Assert.NotNull(health.LastReceivedAt);
    }

    [Fact]
    public async Task IngestAsync_EmptyBatch_WritesNothing()
    {
        await using var kit = await EventIngestorKit.StartAsync();

        var summary = await IngestAsync(kit, "test_edr", []);

        Assert.Equal((0, 0, 0, 0), (summary.Read, summary.Stored, summary.Deduplicated, summary.DeadLettered));
        Assert.Equal(0, (await kit.Store.GetStatsAsync(Ct)).LedgerEntries);
        Assert.Empty(kit.Health.Snapshot());
    }
}

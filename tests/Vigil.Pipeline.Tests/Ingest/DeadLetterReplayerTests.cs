using Vigil.Domain.DeadLetters;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Ingest;
using Vigil.Pipeline.Ingest.Mail;
using Vigil.Pipeline.Normalize;
using Vigil.Pipeline.Ports;
using Vigil.Pipeline.Tests.Ingest.Mail;

namespace Vigil.Pipeline.Tests.Ingest;

public sealed class DeadLetterReplayerTests
{
    // The test EDR mapping with a variant only for high-severity detections: low ones have no variant.
    private static readonly string OnlyHighYaml = EventIngestorKit.TestEdrYaml.Replace("class: 2004\nactivity: 1\n", string.Empty, StringComparison.Ordinal)
        + """

        variants:
          - name: high
            when: [{ path: sev, equals: high }]
            class: 2004
            activity: 1
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReplayAsync_MappedEventAfterMappingFixed_GoesThroughTheMappingAndResolves()
    {
        await using var kit = await EventIngestorKit.StartAsync();
        var broken = kit.Replayer(MappingCatalog.From([MappingCatalog.Compile("test_edr.yaml", OnlyHighYaml)]));
        var brokenIngestor = new EventIngestor(MappingCatalog.From([MappingCatalog.Compile("test_edr.yaml", OnlyHighYaml)]), kit.Alerts, kit.DeadLetters, kit.Health);
        var low = EventIngestorKit.Event("d-1").Replace("\"high\"", "\"low\"", StringComparison.Ordinal);
        var summary = await brokenIngestor.IngestAsync("test_edr", await EventIngestorKit.ReadAsync(low), "HTTP push", "application/json", Actor.System, Ct);
        var letter = await kit.Store.GetDeadLetterAsync(Assert.Single(summary.DeadLetterIds), Ct);
        Assert.Equal((DeadLetterChannels.Event, "test_edr"), (letter!.Channel, letter.Source));

        var still = await broken.ReplayAsync(letter.Id, Actor.System, Ct);
        Assert.False(still.Succeeded);
        Assert.Contains("no variant", still.Problem, StringComparison.Ordinal);
        Assert.Equal(DeadLetterStatus.Pending, (await kit.Store.GetDeadLetterAsync(letter.Id, Ct))!.Status);
        Assert.Contains("no variant", (await kit.Store.GetDeadLetterAsync(letter.Id, Ct))!.Reason, StringComparison.Ordinal);

        // Restarted with the fixed mapping (the kit's own, which has no variants), the same letter maps.
        var done = await kit.Replayer(MappingCatalog.From([MappingCatalog.Compile("test_edr.yaml", EventIngestorKit.TestEdrYaml)])).ReplayAsync(letter.Id, Actor.System, Ct);

        Assert.True(done.Succeeded, done.Problem);
        var alert = await kit.Store.GetAlertAsync(Assert.Single(done.Outcomes).AlertId, Ct);
        Assert.Equal(("test_edr", "d-1"), (alert!.Source, alert.SourceRef));
        Assert.Equal(low, alert.RawPayload);
        Assert.Equal(DeadLetterStatus.Replayed, (await kit.Store.GetDeadLetterAsync(letter.Id, Ct))!.Status);
        var ledger = await kit.Store.ReadLedgerAsync(LedgerChains.System, Ct);
        Assert.Contains(ledger, e => e.Kind == LedgerKinds.DeadLetterReplayed && e.Payload.Contains("\"channel\":\"event\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReplayAsync_SyslogLine_IsParsedAsSyslogAndCefBeforeMapping()
    {
        await using var kit = await EventIngestorKit.StartAsync();
        const string line = "<134>Nov 23 10:00:00 fw01 CEF:0|Acme|Firewall|1.0|100|Blocked outbound|7|src=10.0.0.1 dst=203.0.113.9 spt=5555 dpt=443";
        var letter = await kit.DeadLetters.RecordAsync(DeadLetterChannels.Syslog, MappingCatalog.Auto, line, "syslog: no mapping recognises this event's shape", "text/plain", Ct);

        // The kit's catalog has no CEF mapping: still pending. The shipped catalog has one: the line maps.
        Assert.False((await kit.Replayer(MappingCatalog.From([MappingCatalog.Compile("test_edr.yaml", EventIngestorKit.TestEdrYaml)])).ReplayAsync(letter.Id, Actor.System, Ct)).Succeeded);
        var done = await kit.Replayer(MappingCatalog.Load()).ReplayAsync(letter.Id, Actor.System, Ct);

        Assert.True(done.Succeeded, done.Problem);
        var alert = await kit.Store.GetAlertAsync(Assert.Single(done.Outcomes).AlertId, Ct);
        Assert.Equal("cef", alert!.Source);
        Assert.Equal(line, alert.RawPayload);
        Assert.Contains(alert.Entities, e => e.Value == "203.0.113.9");
    }

    [Fact]
    public async Task ReplayAsync_MailLetter_IsParsedAsMailIntoAPhishingReport()
    {
        await using var kit = await EventIngestorKit.StartAsync();
        var raw = System.Text.Encoding.UTF8.GetString(MailFixtures.Read("forwarded-as-attachment.eml"));
        var letter = await kit.DeadLetters.RecordAsync(DeadLetterChannels.Mail, PhishingReport.Source, raw, "imap: store was down", MailReportIngestor.MimeContentType, Ct);

        var done = await kit.Replayer(MappingCatalog.Load()).ReplayAsync(letter.Id, Actor.System, Ct);

        Assert.True(done.Succeeded, done.Problem);
        var alert = await kit.Store.GetAlertAsync(Assert.Single(done.Outcomes).AlertId, Ct);
        Assert.Equal(PhishingReport.Source, alert!.Source);
    }

    [Fact]
    public async Task ReplayAsync_AlertLetter_UsesTheAlertParserAndRefusesASecondReplay()
    {
        await using var kit = await EventIngestorKit.StartAsync();
        const string body = """{"source": "edr", "source_ref": "x-1", "title": "Replayed alert", "severity": "high"}""";
        var letter = await kit.DeadLetters.RecordAsync(DeadLetterChannels.Alert, "edr", body, "store was down", "application/json", Ct);
        var replayer = kit.Replayer(MappingCatalog.Load());

        var done = await replayer.ReplayAsync(letter.Id, Actor.System, Ct);
        var twice = await replayer.ReplayAsync(letter.Id, Actor.System, Ct);

        Assert.True(done.Succeeded, done.Problem);
        Assert.Equal("Replayed alert", (await kit.Store.GetAlertAsync(done.Outcomes[0].AlertId, Ct))!.Title);
        Assert.False(twice.Succeeded);
        Assert.Contains("already replayed", twice.Problem, StringComparison.Ordinal);
    }
}

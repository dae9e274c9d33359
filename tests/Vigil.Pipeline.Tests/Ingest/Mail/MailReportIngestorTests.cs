using System.Text;
using Vigil.Domain;
using Vigil.Domain.Alerts;
using Vigil.Domain.DeadLetters;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Ingest;
using Vigil.Pipeline.Ingest.Mail;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Tests.Ingest.Mail;

public sealed class MailReportIngestorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<EventIngestSummary> IngestAsync(MailIngestKit kit, byte[] raw) =>
        kit.Ingestor.IngestAsync(raw, "eml_file", "test.eml", Actor.System, Ct);

    [Fact]
    public async Task IngestAsync_ForwardedPhish_StoresOnePhishingAlertWithItsEntities()
    {
        await using var kit = await MailIngestKit.StartAsync();

        var summary = await IngestAsync(kit, MailFixtures.Read("forwarded-as-attachment.eml"));

        Assert.Equal((1, 1, 0, 0), (summary.Read, summary.Stored, summary.DeadLettered, summary.Drifted));
        var alert = await kit.Store.GetAlertAsync(summary.Alerts[0].AlertId, Ct);
        Assert.NotNull(alert);
        Assert.Equal(PhishingReport.Source, alert.Source);
        Assert.Equal(Severity.Medium, alert.Severity);
        Assert.Equal("Reported phish: Your account has been limited (from security@paypa1-secure.com, reported by alice@corp.example)", alert.Title);
        var keys = alert.Entities.Select(e => e.Key).ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            "email:security@paypa1-secure.com",
            "domain:paypa1-secure.com",
            "email:account-review@freemail.example",
            "domain:freemail.example",
            "email:alice@corp.example",
            "user:alice@corp.example",
            "ip:203.0.113.77",
            "url:https://paypa1-secure.com/restore?case=4471",
            "domain:www.paypal.com",
            "file_hash:a5b41a62ac28c3f3b0b18b029b84e95a311aa54dad882b70c750e8e5807ea192",
            "file_hash:57ac27ba2354c34a83b7505467731647",
        }, keys);
    }

    [Fact]
    public async Task IngestAsync_SameReportTwice_IsOneAlertWithTwoOccurrences()
    {
        await using var kit = await MailIngestKit.StartAsync();

        var first = await IngestAsync(kit, MailFixtures.Read("forwarded-as-attachment.eml"));
        var again = await IngestAsync(kit, MailFixtures.Read("forwarded-as-attachment.eml"));

        Assert.Equal((1, 0), (first.Stored, first.Deduplicated));
        Assert.Equal((0, 1), (again.Stored, again.Deduplicated));
        Assert.Equal(first.Alerts[0].AlertId, again.Alerts[0].AlertId);
        Assert.Equal(1, (await kit.Store.GetStatsAsync(Ct)).Alerts);
    }

    [Fact]
    public async Task IngestAsync_SamePhishFromTwoReporters_IsTwoAlerts()
    {
        await using var kit = await MailIngestKit.StartAsync();

        await IngestAsync(kit, MailFixtures.Read("forwarded-as-attachment.eml"));
        var button = await IngestAsync(kit, MailFixtures.Read("report-button.eml"));

        Assert.Equal(1, button.Stored);
        Assert.Equal(2, (await kit.Store.GetStatsAsync(Ct)).Alerts);
    }

    [Fact]
    public async Task IngestAsync_MalformedMime_IsDeadLetteredWithTheRawMessageAndReason()
    {
        await using var kit = await MailIngestKit.StartAsync();
        var raw = MailFixtures.Read("malformed.eml");

        var summary = await IngestAsync(kit, raw);

        Assert.Equal((1, 0, 1), (summary.Read, summary.Stored, summary.DeadLettered));
        var letter = Assert.Single(await kit.Store.ListDeadLettersAsync(new DeadLetterQuery { Status = DeadLetterStatus.Pending }, Ct));
        Assert.Equal(summary.DeadLetterIds[0], letter.Id);
        Assert.Equal((PhishingReport.Source, MailReportIngestor.MimeContentType), (letter.Source, letter.ContentType));
        Assert.Equal(Encoding.UTF8.GetString(raw), letter.Payload);
        Assert.StartsWith("test.eml: ", letter.Reason, StringComparison.Ordinal);
        Assert.Equal(1, kit.Health.Get(PhishingReport.Source)!.DeadLettered);
        Assert.Equal(0, (await kit.Store.GetStatsAsync(Ct)).Alerts);
    }

    [Fact]
    public async Task IngestAsync_OverTheSizeLimit_IsDeadLetteredNamingTheLimit()
    {
        await using var kit = await MailIngestKit.StartAsync(new MailLimits { MaxMessageBytes = 50_000 });

        var summary = await IngestAsync(kit, MailFixtures.Huge(60_000));

        Assert.Equal(1, summary.DeadLettered);
        var letter = await kit.Store.GetDeadLetterAsync(summary.DeadLetterIds[0], Ct);
        Assert.Contains("(MaxMessageBytes)", letter!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToJson_Report_IsTheShapeThePhishingMappingReadsWithoutDrift()
    {
        await using var kit = await MailIngestKit.StartAsync();

        foreach (var fixture in new[] { "forwarded-as-attachment.eml", "report-button.eml", "inline-forward.eml" })
        {
            var summary = await IngestAsync(kit, MailFixtures.Read(fixture));
            Assert.Equal((1, 0, 0), (summary.Stored, summary.DeadLettered, summary.Drifted));
        }
    }
}

using Microsoft.Extensions.Time.Testing;
using Vigil.Domain;
using Vigil.Domain.Alerts;
using Vigil.Domain.Cases;
using Vigil.Domain.Evidence;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Cases;
using Vigil.Pipeline.Evidence;
using Vigil.Pipeline.Evidence.Artefacts;
using Vigil.Pipeline.Evidence.Retention;
using Vigil.Pipeline.Ports;
using Vigil.Storage;
using Vigil.Testing;

namespace Vigil.Pipeline.Tests.Evidence;

/// <summary>Retention on a real SQLite store: dry runs change nothing, holds are honoured, the ledger still verifies.</summary>
public sealed class RetentionServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _directory = new("vigil-retention");
    private readonly FakeTimeProvider _time = new(T0);
    private IVigilStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static RetentionPolicy Policy => RetentionPolicy.Parse("test.yaml", """
        default: {alert_payload: 365}
        classifications:
          false_positive: {alert_payload: 30, artefact: 10}
        """);

    public async ValueTask InitializeAsync()
    {
        _store = new StoreFactory().Open(new StoreLocation { DataDirectory = _directory.Path });
        await _store.MigrateAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _directory.Dispose();
    }

    private async Task<string> ClosedCaseAsync(string reference, Classification classification)
    {
        var now = _time.GetUtcNow();
        var alert = new Alert
        {
            Id = Ids.New(Ids.Alert), Source = "edr", SourceRef = reference, Title = reference, Severity = Severity.Low, OccurredAt = now, ReceivedAt = now,
            Fingerprint = AlertFingerprint.Compute("edr", reference), RawPayload = $$"""{"user":"{{reference}}"}""", FirstSeen = now, LastSeen = now,
        };
        var c = new Case
        {
            Id = Ids.New(Ids.Case), Title = reference, State = CaseState.Correlated, SeverityAtOpen = Severity.Low, Severity = Severity.Low,
            OpenedAt = now, UpdatedAt = now, SlaDueAt = now.AddHours(4), AlertCount = 1,
        };
        await using (var tx = await _store.BeginAsync(Ct))
        {
            await tx.InsertCaseAsync(c, Ct);
            await tx.UpsertAlertAsync(alert, Ct);
            await tx.AttachAlertAsync(new CaseAlertLink { CaseId = c.Id, AlertId = alert.Id, OriginCaseId = c.Id, JoinedAt = now, Reason = "test" }, alert, Ct);
            await tx.AppendLedgerAsync(c.Id, LedgerKinds.CaseOpened, Actor.Automation("correlator"), now, "{}", Ct);
            await tx.CommitAsync(Ct);
        }

        await new ArtefactService(_store, _time).AddAsync(
            new ArtefactUpload { CaseId = c.Id, Name = "dump.bin", Content = new byte[] { 7, 7, 7 }, CollectedFrom = "host:ws-1" }, Actor.Human("alice"), Ct);
        await new CaseService(_store, _time).CloseAsync(c.Id, new CaseClosure(classification, "checked", null), Actor.Human("alice"), Ct);
        return c.Id;
    }

    [Fact]
    public async Task Run_DisposesExpiredPayloadsWithTombstones_HonoursHolds_AndTheLedgerStillVerifies()
    {
        var noise = await ClosedCaseAsync("fp-1", Classification.FalsePositive);
        var held = await ClosedCaseAsync("fp-2", Classification.FalsePositive);
        var real = await ClosedCaseAsync("tp-1", Classification.TruePositive);
        var retention = new RetentionService(_store, Policy, _time);
        Assert.NotNull(await retention.SetHoldAsync(held, "litigation", Actor.Human("legal"), Ct));
        _time.Advance(TimeSpan.FromDays(31));

        var dry = await retention.RunAsync(dryRun: true, Actor.System, Ct);
        Assert.Equal(2, dry.Disposed.Count); // the noise case's payload and artefact; the true positive keeps 365 days
        Assert.Empty(await _store.ListTombstonesAsync(null, null, Ct));
        Assert.Equal("""{"user":"fp-1"}""", (await _store.GetCaseAlertsAsync(noise, Ct)).Single().RawPayload);

        var run = await retention.RunAsync(dryRun: false, Actor.System, Ct);

        Assert.Equal([held], run.HeldCases);
        Assert.Equal([(RetentionDataKinds.AlertPayload, noise), (RetentionDataKinds.Artefact, noise)], run.Disposed.Select(t => (t.Kind, t.CaseId)).Order());
        Assert.Equal(run.Disposed.OrderBy(t => t.Id, StringComparer.Ordinal), (await _store.ListTombstonesAsync(null, null, Ct)).OrderBy(t => t.Id, StringComparer.Ordinal));
        var payload = (await _store.GetCaseAlertsAsync(noise, Ct)).Single().RawPayload;
        Assert.StartsWith(RetentionService.MarkerPrefix, payload, StringComparison.Ordinal);
        Assert.Contains(run.Disposed.Single(t => t.Kind == RetentionDataKinds.AlertPayload).Sha256, payload, StringComparison.Ordinal);
        var artefact = (await _store.ListArtefactsAsync(noise, Ct)).Single();
        Assert.NotNull(artefact.DisposedAt);
        Assert.Contains("disposed of by retention", (await new ArtefactService(_store, _time).ReadAsync(artefact.Id, Actor.Human("bob"), "test", "download", Ct)).Refusal, StringComparison.Ordinal);
        Assert.Equal("""{"user":"fp-2"}""", (await _store.GetCaseAlertsAsync(held, Ct)).Single().RawPayload);
        Assert.Equal("""{"user":"tp-1"}""", (await _store.GetCaseAlertsAsync(real, Ct)).Single().RawPayload);
        Assert.Equal(RetentionKinds.Disposed, (await _store.ReadLedgerAsync(noise, Ct))[^1].Kind);
        Assert.True((await new LedgerAuditor(_store).VerifyAllAsync(Ct)).IsIntact);

        Assert.Empty((await retention.RunAsync(dryRun: false, Actor.System, Ct)).Disposed);
        Assert.True(await retention.ReleaseHoldAsync(held, "settled", Actor.Human("legal"), Ct));
        Assert.Equal(2, (await retention.RunAsync(dryRun: false, Actor.System, Ct)).Disposed.Count);
        Assert.Equal([RetentionKinds.HoldSet, RetentionKinds.HoldReleased, RetentionKinds.Disposed], (await _store.ReadLedgerAsync(held, Ct)).Select(e => e.Kind).Where(k => k.StartsWith("retention.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Parse_UnknownKindOrClassification_IsRefused()
    {
        Assert.Contains("unknown data kind 'emails'", Assert.Throws<InvalidDataException>(() => RetentionPolicy.Parse("p.yaml", "default: {emails: 3}")).Message, StringComparison.Ordinal);
        Assert.Contains("unknown classification 'maybe'", Assert.Throws<InvalidDataException>(() => RetentionPolicy.Parse("p.yaml", "classifications: {maybe: {artefact: 3}}")).Message, StringComparison.Ordinal);
        Assert.Equal((2555, "true_positive.artefact=2555d"), RetentionPolicy.Load(null).For(Classification.TruePositive, RetentionDataKinds.Artefact));
    }
}

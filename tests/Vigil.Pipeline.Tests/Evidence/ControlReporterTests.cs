using Microsoft.Extensions.Time.Testing;
using Vigil.Domain;
using Vigil.Domain.Alerts;
using Vigil.Domain.Cases;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Cases;
using Vigil.Pipeline.Evidence.Controls;
using Vigil.Pipeline.Ports;
using Vigil.Pipeline.Respond;
using Vigil.Storage;
using Vigil.Testing;

namespace Vigil.Pipeline.Tests.Evidence;

/// <summary>
/// The control report on a demo dataset in a real SQLite store: one case handled by the book, one contained without
/// approval and closed without a root cause, one left open past its SLA.
/// </summary>
public sealed partial class ControlReporterTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 10, 5, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _directory = new("vigil-controls");
    private readonly FakeTimeProvider _time = new(T0);
    private IVigilStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

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

    private async Task<string> OpenAsync(string title, TimeSpan sla)
    {
        var now = _time.GetUtcNow();
        var reference = Ids.New("ref");
        var alert = new Alert
        {
            Id = Ids.New(Ids.Alert), Source = "edr", SourceRef = reference, Title = title, Severity = Severity.High, OccurredAt = now, ReceivedAt = now,
            Fingerprint = AlertFingerprint.Compute("edr", reference), RawPayload = "{}", FirstSeen = now, LastSeen = now,
        };
        var c = new Case
        {
            Id = Ids.New(Ids.Case), Title = title, State = CaseState.Correlated, SeverityAtOpen = Severity.High, Severity = Severity.High,
            OpenedAt = now, UpdatedAt = now, SlaDueAt = now + sla, AlertCount = 1,
        };
        await using var tx = await _store.BeginAsync(Ct);
        await tx.InsertCaseAsync(c, Ct);
        await tx.UpsertAlertAsync(alert, Ct);
        await tx.AttachAlertAsync(new CaseAlertLink { CaseId = c.Id, AlertId = alert.Id, OriginCaseId = c.Id, JoinedAt = now, Reason = "test" }, alert, Ct);
        await tx.AppendLedgerAsync(c.Id, LedgerKinds.CaseOpened, Actor.Automation("correlator"), now, $$"""{"alert_id":"{{alert.Id}}"}""", Ct);
        await tx.CommitAsync(Ct);
        return c.Id;
    }

    /// <summary>Records what the respond and learn stages record, as they record it: an entry on the case's chain.</summary>
    private async Task RecordAsync(string caseId, string kind, Actor actor, string payload)
    {
        _time.Advance(TimeSpan.FromMinutes(5));
        await using var tx = await _store.BeginAsync(Ct);
        await tx.AppendLedgerAsync(caseId, kind, actor, _time.GetUtcNow(), payload, Ct);
        await tx.CommitAsync(Ct);
    }

    [Fact]
    public async Task Build_DemoDataset_ListsEvidencePerControlAndTheGaps()
    {
        var cases = new CaseService(_store, _time);
        var byTheBook = await OpenAsync("Ransomware precursor on FS-02", TimeSpan.FromHours(4));
        await RecordAsync(byTheBook, "action.requested", Actor.Human("alice"), """{"action_type":"host.isolate","target":"fs-02"}""");
        await RecordAsync(byTheBook, "action.approved", Actor.Human("bob"), """{"action_type":"host.isolate","rationale":"encryption started"}""");
        await RecordAsync(byTheBook, "action.executed", Actor.Automation("executor"), """{"action_type":"host.isolate","status":"succeeded"}""");
        await RecordAsync(byTheBook, "evidence.package_exported", Actor.Human("alice"), """{"sha256":"ab"}""");
        await RecordAsync(byTheBook, "learn.task_created", Actor.Human("alice"), """{"kind":"save_scenario"}""");
        Assert.True((await cases.CloseAsync(byTheBook, new CaseClosure(Classification.TruePositive, "contained", "exposed RDP"), Actor.Human("alice"), Ct)).Kind == CaseResultKind.Done);

        var cowboy = await OpenAsync("Credential theft on LAPTOP-9", TimeSpan.FromHours(4));
        await RecordAsync(cowboy, "action.executed", Actor.Human("carol"), """{"action_type":"account.disable","target":"dave"}""");
        Assert.True((await cases.CloseAsync(cowboy, new CaseClosure(Classification.TruePositive, "account disabled", null), Actor.Human("carol"), Ct)).Kind == CaseResultKind.Done);

        var late = await OpenAsync("Beaconing from SRV-7", TimeSpan.FromHours(1));
        _time.Advance(TimeSpan.FromHours(3));
        await RecordAsync(late, LedgerKinds.NoteAdded, Actor.Human("erin"), """{"text":"looking"}""");

        var reporter = new ControlReporter(_store, FrameworkCatalog.Load(null), ActionCatalogueLoader.LoadDefault(), _time);
        var report = await reporter.BuildAsync(T0, T0.AddDays(1), Ct);

        Assert.Equal(3, report.CasesInPeriod);
        Assert.Equal(
            [
                (GapChecks.ClosedWithoutRootCause, cowboy), (GapChecks.ContainmentWithoutApproval, cowboy), (GapChecks.NoLessonsLearned, cowboy),
                (GapChecks.TruePositiveNotReported, cowboy), (GapChecks.SlaBreached, late),
            ],
            report.Gaps.Select(g => (g.Check, g.CaseId)).OrderBy(g => g.CaseId == late).ThenBy(g => g.Check, StringComparer.Ordinal).ToArray());
        Assert.Equal(["iso27001_2022", "nist_800_53", "nist_csf_2", "pci_dss_4", "soc2"], report.Frameworks.Select(f => f.Framework).Order(StringComparer.Ordinal));

        var iso = report.Frameworks.Single(f => f.Framework == "iso27001_2022").Controls.ToDictionary(c => c.Id);
        Assert.Equal("gaps", iso["A.5.26"].Status);
        Assert.Equal(new[] { byTheBook, cowboy }.Order(StringComparer.Ordinal), iso["A.5.26"].Cases.Select(c => c.CaseId));
        Assert.Contains(iso["A.5.26"].Gaps, g => g.Check == GapChecks.ContainmentWithoutApproval && g.Detail.Contains("account.disable", StringComparison.Ordinal));
        Assert.Equal([byTheBook, late], iso["A.5.28"].Cases.Select(c => c.CaseId)); // an export; a note
        var rsMi = report.Frameworks.Single(f => f.Framework == "nist_csf_2").Controls.Single(c => c.Id == "RS.MI");
        Assert.Equal([cowboy], rsMi.Gaps.Select(g => g.CaseId));
        var ir5 = report.Frameworks.Single(f => f.Framework == "nist_800_53").Controls.Single(c => c.Id == "IR-5");
        Assert.Equal("evidenced", ir5.Status);
        Assert.Equal(3, ir5.Cases.Count);

        var html = ControlReportHtml.Render(report);
        Assert.Contains("containment_without_approval", html, StringComparison.Ordinal);
        Assert.Contains(cowboy, html, StringComparison.Ordinal);

        var outside = await reporter.BuildAsync(T0.AddDays(2), T0.AddDays(3), Ct);
        Assert.Equal(0, outside.CasesInPeriod);
        Assert.Empty(outside.Gaps);
    }

    [Fact]
    public void Parse_UnknownGapCheck_IsRefusedWithTheFileAndControl()
    {
        var error = Assert.Throws<InvalidDataException>(() => FrameworkCatalog.Parse("mine.yaml", """
            framework: mine
            name: Mine
            controls:
              - id: X-1
                title: Something
                evidence: [{kind: case.opened}]
                gaps: [no_such_check]
            """));
        Assert.Contains("mine.yaml: control X-1 names an unknown gap check 'no_such_check'", error.Message, StringComparison.Ordinal);
    }
}

using Vigil.Domain.Cases;
using Vigil.Domain.Learn;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Cases;
using Vigil.Pipeline.Evidence.Leadership;
using Vigil.Pipeline.Learn;

namespace Vigil.Pipeline.Tests.Evidence;

public sealed partial class ControlReporterTests
{
    [Fact]
    public async Task Leadership_DemoDataset_ComputesEveryFigureAndTheSummaryQuotesThem()
    {
        var cases = new CaseService(_store, _time);
        var noisy1 = await OpenAsync("Advanced IP Scanner", TimeSpan.FromHours(4));
        await RecordAsync(noisy1, LedgerKinds.NoteAdded, Actor.Human("alice"), "{}"); // acknowledged after 5 min
        _time.Advance(TimeSpan.FromMinutes(25));
        Assert.Equal(CaseResultKind.Done, (await cases.CloseAsync(noisy1, new CaseClosure(Classification.BenignPositive, "inventory", null), Actor.Human("alice"), Ct)).Kind);
        await using (var tx = await _store.BeginAsync(Ct))
        {
            await tx.InsertTuningProposalAsync(new TuningProposal { Id = "tun_1", CaseId = noisy1, RuleId = "r-scanner", Status = TuningStatus.Proposed, CreatedAt = _time.GetUtcNow(), Document = "{}" }, Ct);
            Assert.True(await tx.DecideTuningProposalAsync("tun_1", TuningStatus.Accepted, "human:dana", _time.GetUtcNow(), Ct));
            await tx.CommitAsync(Ct);
        }

        var learning = new LearningService(_store, _time);
        var task = (await learning.AddTaskAsync(noisy1, LearningTaskKind.RunbookEdit, "Whitelist the inventory scanner in the runbook", "alice", TimeSpan.FromHours(1), Actor.Human("alice"), Ct)).Id!;
        _time.Advance(TimeSpan.FromMinutes(1)); // the same detection fires again after its tuning was accepted
        var noisy2 = await OpenAsync("Advanced IP Scanner", TimeSpan.FromHours(4));
        await RecordAsync(noisy2, LedgerKinds.NoteAdded, Actor.Human("bob"), "{}"); // 5 min
        await RecordAsync(noisy2, "action.executed", Actor.Automation("executor"), """{"action_type":"ticket.create"}""");
        _time.Advance(TimeSpan.FromMinutes(50));
        Assert.Equal(CaseResultKind.Done, (await cases.CloseAsync(noisy2, new CaseClosure(Classification.FalsePositive, "inventory", null), Actor.Human("bob"), Ct)).Kind);
        var breach = await OpenAsync("Beaconing", TimeSpan.FromMinutes(30));
        _time.Advance(TimeSpan.FromHours(2));

        var report = await new LeadershipReporter(_store, _time) { MinutesPerAutomatedAction = 20 }.BuildAsync(T0, T0.AddDays(1), Ct);

        Assert.Equal((3, 2), (report.Opened, report.Closed));
        Assert.Equal(5, report.MttaMinutes); // two acknowledged cases, 5 minutes each; the breach was never acknowledged
        Assert.Equal(45, report.MttrMinutes); // (30 + 60) / 2: closures 30 and 60 minutes after opening
        Assert.Equal(1, report.SlaBreaches);
        Assert.Equal((1, 20.0), (report.AutomatedActions, report.AnalystMinutesSaved));
        var rule = Assert.Single(report.NoisyRules);
        Assert.Equal(("Advanced IP Scanner", 2, 1, 1, 1), (rule.Detection, rule.BenignCases, rule.TuningsProposed, rule.TuningsAccepted, rule.BenignCasesAfterTuning));
        Assert.Equal(["tun_1 (r-scanner)"], rule.AcceptedTunings);
        var outstanding = Assert.Single(report.LearningTasks);
        Assert.Equal((task, noisy1, "runbook_edit", "alice", true), (outstanding.Id, outstanding.CaseId, outstanding.Kind, outstanding.Owner, outstanding.Overdue));
        Assert.Equal(
            "3 case(s) opened and 2 closed between 2026-10-05 and 2026-10-06. Mean time to acknowledge 5 min, mean time to resolve 45 min; "
            + "1 SLA breach(es). 1 automated action run(s) saved about 20 analyst minute(s) (at 20 min each). Noisiest detection: "
            + "'Advanced IP Scanner' with 2 benign or false positive case(s), 1 of 1 tuning(s) accepted, 1 benign case(s) since the first accepted tuning. "
            + "1 learning task(s) outstanding, 1 overdue.",
            report.Summary);
        Assert.Equal([new LeadershipWeek("2026-W41", 3, 2, 5, 45)], report.Weeks);
        var html = LeadershipReportHtml.Render(report);
        Assert.Contains("Advanced IP Scanner", html, StringComparison.Ordinal);
        Assert.Contains("Whitelist the inventory scanner in the runbook", html, StringComparison.Ordinal);
        Assert.NotNull(breach);
    }
}

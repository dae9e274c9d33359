using System.Globalization;
using Vigil.Domain.Cases;
using Vigil.Domain.Learn;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Evidence.Leadership;

/// <summary>Computes the leadership report from the store; the summary sentence is filled in from the computed figures.</summary>
public sealed class LeadershipReporter(IVigilStore store, TimeProvider time)
{
    /// <summary>The analyst time one automated action run is assumed to save (Vigil:Reports:MinutesPerAutomatedAction).</summary>
    public double MinutesPerAutomatedAction { get; init; } = 15;

    public async Task<LeadershipReport> BuildAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var opened = new List<Case>();
        var closed = new List<Case>();
        var acknowledged = new List<(Case Case, TimeSpan After)>();
        var breaches = 0;
        var automated = 0;
        var noisy = new Dictionary<string, List<Case>>(StringComparer.Ordinal);
        var proposals = await store.ListTuningProposalsAsync(null, cancellationToken);
        await foreach (var c in CaseScan.AllAsync(store, cancellationToken))
        {
            var openedIn = c.OpenedAt >= from && c.OpenedAt < to;
            var closedIn = c.ClosedAt is { } at && at >= from && at < to;
            if (!openedIn && !closedIn)
            {
                continue;
            }

            var chain = await store.ReadLedgerAsync(c.Id, cancellationToken);
            if (openedIn)
            {
                opened.Add(c);
                if (chain.FirstOrDefault(e => e.Actor.IsHuman) is { } first)
                {
                    acknowledged.Add((c, first.At - c.OpenedAt));
                }
            }

            automated += chain.Count(e => e.At >= from && e.At < to && e.Actor.Kind == ActorKind.Automation
                && e.Kind.StartsWith("action", StringComparison.Ordinal) && e.Kind.Contains("execut", StringComparison.Ordinal));
            if ((c.ClosedAt ?? now) > c.SlaDueAt && c.SlaDueAt >= from && c.SlaDueAt < to)
            {
                breaches++;
            }

            if (closedIn)
            {
                closed.Add(c);
                if (c.Classification is Classification.FalsePositive or Classification.BenignPositive)
                {
                    if (!noisy.TryGetValue(c.Title, out var benign))
                    {
                        noisy[c.Title] = benign = [];
                    }

                    benign.Add(c);
                }
            }
        }

        var tasks = await store.ListLearningTasksAsync(null, openOnly: true, cancellationToken);
        var weeks = opened.Select(c => c.OpenedAt).Concat(closed.Select(c => c.ClosedAt!.Value)).Select(Week).Distinct().Order(StringComparer.Ordinal)
            .Select(week => new LeadershipWeek(
                week,
                opened.Count(c => Week(c.OpenedAt) == week),
                closed.Count(c => Week(c.ClosedAt!.Value) == week),
                Mean(acknowledged.Where(a => Week(a.Case.OpenedAt) == week).Select(a => a.After)),
                Mean(closed.Where(c => Week(c.ClosedAt!.Value) == week).Select(c => c.ClosedAt!.Value - c.OpenedAt))))
            .ToArray();
        var report = new LeadershipReport
        {
            From = from,
            To = to,
            Opened = opened.Count,
            Closed = closed.Count,
            MttaMinutes = Mean(acknowledged.Select(a => a.After)),
            MttrMinutes = Mean(closed.Select(c => c.ClosedAt!.Value - c.OpenedAt)),
            SlaBreaches = breaches,
            AutomatedActions = automated,
            MinutesPerAutomatedAction = MinutesPerAutomatedAction,
            AnalystMinutesSaved = automated * MinutesPerAutomatedAction,
            Weeks = weeks,
            NoisyRules = noisy.Select(n => Noisy(n.Key, n.Value, proposals))
                .OrderByDescending(n => n.BenignCases).ThenBy(n => n.Detection, StringComparer.Ordinal).Take(10).ToArray(),
            OpenLearningTasks = tasks.Count,
            OverdueLearningTasks = tasks.Count(t => t.DueAt < now),
            LearningTasks = tasks.OrderBy(t => t.DueAt).ThenBy(t => t.Id, StringComparer.Ordinal)
                .Select(t => new OutstandingTask(t.Id, t.CaseId, t.Kind.ToWire(), t.Title, t.Owner, t.DueAt, t.DueAt < now)).ToArray(),
            Summary = string.Empty,
        };
        return report with { Summary = Summarise(report) };
    }

    private static NoisyRule Noisy(string detection, List<Case> benign, IReadOnlyList<TuningProposal> proposals)
    {
        var ids = benign.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var mine = proposals.Where(p => ids.Contains(p.CaseId)).ToArray();
        var accepted = mine.Where(p => p.Status == TuningStatus.Accepted && p.DecidedAt is not null).OrderBy(p => p.DecidedAt).ToArray();
        return new NoisyRule(detection, benign.Count, mine.Length, accepted.Length)
        {
            AcceptedTunings = accepted.Select(p => $"{p.Id} ({p.RuleId})").ToArray(),
            BenignCasesAfterTuning = accepted.Length == 0 ? null : benign.Count(c => c.OpenedAt > accepted[0].DecidedAt),
        };
    }

    /// <summary>The summary, every number taken from the report it summarises.</summary>
    public static string Summarise(LeadershipReport r)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{r.Opened} case(s) opened and {r.Closed} closed between {r.From:yyyy-MM-dd} and {r.To:yyyy-MM-dd}. ");
        text += string.Create(CultureInfo.InvariantCulture, $"Mean time to acknowledge {Minutes(r.MttaMinutes)}, mean time to resolve {Minutes(r.MttrMinutes)}; {r.SlaBreaches} SLA breach(es). ");
        text += string.Create(CultureInfo.InvariantCulture, $"{r.AutomatedActions} automated action run(s) saved about {r.AnalystMinutesSaved:0} analyst minute(s) (at {r.MinutesPerAutomatedAction:0.#} min each). ");
        if (r.NoisyRules.Count > 0)
        {
            var top = r.NoisyRules[0];
            text += string.Create(CultureInfo.InvariantCulture, $"Noisiest detection: '{top.Detection}' with {top.BenignCases} benign or false positive case(s), {top.TuningsAccepted} of {top.TuningsProposed} tuning(s) accepted");
            text += top.BenignCasesAfterTuning is { } after
                ? string.Create(CultureInfo.InvariantCulture, $", {after} benign case(s) since the first accepted tuning. ")
                : ". ";
        }

        return text + string.Create(CultureInfo.InvariantCulture, $"{r.OpenLearningTasks} learning task(s) outstanding, {r.OverdueLearningTasks} overdue.");
    }

    private static double? Mean(IEnumerable<TimeSpan> spans)
    {
        var list = spans.ToList();
        return list.Count == 0 ? null : Math.Round(list.Average(s => s.TotalMinutes), 1);
    }

    private static string Minutes(double? minutes) => minutes is { } m ? string.Create(CultureInfo.InvariantCulture, $"{m:0.#} min") : "n/a";

    private static string Week(DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(at.UtcDateTime)}-W{ISOWeek.GetWeekOfYear(at.UtcDateTime):00}");
}

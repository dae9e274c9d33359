using System.Globalization;

namespace Vigil.Pipeline.Evidence.Leadership;

public static class LeadershipReportHtml
{
    public static string Render(LeadershipReport r) => new ReportHtml($"Security operations report {r.From:yyyy-MM-dd} – {r.To:yyyy-MM-dd}")
        .Paragraph(r.Summary)
        .Facts([
            ("Cases opened", N(r.Opened)), ("Cases closed", N(r.Closed)), ("MTTA (min)", D(r.MttaMinutes)), ("MTTR (min)", D(r.MttrMinutes)),
            ("SLA breaches", N(r.SlaBreaches)), ("Automated action runs", N(r.AutomatedActions)),
            ("Analyst minutes saved", string.Create(CultureInfo.InvariantCulture, $"{r.AnalystMinutesSaved:0} (assumes {r.MinutesPerAutomatedAction:0.#} min per run)")),
            ("Learning tasks outstanding", $"{N(r.OpenLearningTasks)} ({N(r.OverdueLearningTasks)} overdue)"),
        ])
        .Heading("Trend by week")
        .Table(["week", "opened", "closed", "MTTA (min)", "MTTR (min)"], r.Weeks.Select(w => (IReadOnlyList<string?>)[w.Week, N(w.Opened), N(w.Closed), D(w.MttaMinutes), D(w.MttrMinutes)]))
        .Heading("Noisiest detections and their tunings")
        .Table(
            ["detection", "benign/false positive cases", "tunings proposed", "tunings accepted", "accepted tunings", "benign cases since tuning"],
            r.NoisyRules.Select(n => (IReadOnlyList<string?>)[n.Detection, N(n.BenignCases), N(n.TuningsProposed), N(n.TuningsAccepted),
                string.Join(", ", n.AcceptedTunings), n.BenignCasesAfterTuning is { } after ? N(after) : null]))
        .Heading("Outstanding learning tasks")
        .Table(
            ["task", "case", "kind", "title", "owner", "due", "overdue"],
            r.LearningTasks.Select(t => (IReadOnlyList<string?>)[t.Id, t.CaseId, t.Kind, t.Title, t.Owner, t.DueAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), t.Overdue ? "yes" : "no"]))
        .ToString();

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? D(double? value) => value?.ToString("0.#", CultureInfo.InvariantCulture);
}

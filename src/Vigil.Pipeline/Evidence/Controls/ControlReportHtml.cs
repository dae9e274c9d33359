using System.Globalization;

namespace Vigil.Pipeline.Evidence.Controls;

/// <summary>The control report as a printable page (same numbers as the JSON).</summary>
public static class ControlReportHtml
{
    public static string Render(ControlReport report)
    {
        var html = new ReportHtml($"Control report {Day(report.From)} – {Day(report.To)}")
            .Paragraph($"Generated {report.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}; {report.CasesInPeriod} case(s) with ledger entries in the period; {report.Gaps.Count} gap(s).", "meta")
            .Heading("Gaps")
            .Table(["check", "case", "entry", "at", "finding"], report.Gaps.Select(g => (IReadOnlyList<string?>)[g.Check, g.CaseId, g.Seq == 0 ? "case record" : g.Seq.ToString(CultureInfo.InvariantCulture), g.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), g.Detail]), "no gaps in the period");
        foreach (var framework in report.Frameworks)
        {
            html.Heading(framework.Name).Table(
                ["control", "title", "status", "evidencing cases", "gaps"],
                framework.Controls.Select(c => (IReadOnlyList<string?>)[
                    c.Id, c.Title, c.Status,
                    c.Cases.Count == 0 ? "—" : string.Join(", ", c.Cases.Select(x => $"{x.CaseId} ({string.Join(", ", x.Kinds)})")),
                    c.Gaps.Count == 0 ? "—" : string.Join("; ", c.Gaps.Select(g => $"{g.Check}: {g.CaseId}"))]));
        }

        return html.ToString();
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}

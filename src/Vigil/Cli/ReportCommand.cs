using System.CommandLine;
using System.Text.Json;
using Vigil.Pipeline.Evidence;
using Vigil.Pipeline.Evidence.Controls;

namespace Vigil.Cli;

/// <summary><c>vigil report controls</c>: framework controls evidenced by cases in a period, and the gaps.</summary>
internal static partial class ReportCommand
{
    public static Command Create()
    {
        var command = new Command("report", "Reports for auditors and leadership.");
        command.Subcommands.Add(Controls());
        command.Subcommands.Add(Leadership());
        return command;
    }

    private static Command Controls() => Period<ControlReport>(
        "controls",
        "Per framework control (content/frameworks), the cases that evidence it in the period and the gaps (exit code 1 when there are gaps).",
        (context, from, to, cancellationToken) => context.Get<ControlReporter>().BuildAsync(from, to, cancellationToken),
        ControlReportHtml.Render,
        Text,
        report => report.Gaps.Count == 0 ? 0 : 1);

    /// <summary>A report over --from/--to (default: the last 30 days) written as text, JSON or HTML to standard output or --out.</summary>
    private static Command Period<T>(
        string name, string description, Func<CliContext, DateTimeOffset, DateTimeOffset, CancellationToken, Task<T>> build,
        Func<T, string> html, Func<T, string> text, Func<T, int> exitCode)
    {
        var from = new Option<string?>("--from") { Description = "Start of the period (inclusive; default 30 days ago)." };
        var to = new Option<string?>("--to") { Description = "End of the period (exclusive; default now)." };
        var format = new Option<string>("--format") { Description = "text, json or html.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "html");
        var output = new Option<string?>("--out") { Description = "Write to this file (default: standard output)." };
        var command = new Command(name, description) { from, to, format, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!ExportCommand.TryPeriod(parse, from, to, out var start, out var end, out var problem))
            {
                parse.InvocationConfiguration.Error.WriteLine(problem);
                return 2;
            }

            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var now = DateTimeOffset.UtcNow;
            var report = await build(context, start ?? now.AddDays(-30), end ?? now, cancellationToken);
            var written = parse.GetValue(format) switch
            {
                "json" => JsonSerializer.Serialize(report, PackageJson.Options),
                "html" => html(report),
                _ => text(report),
            };
            if (parse.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path, written, cancellationToken);
            }
            else
            {
                parse.InvocationConfiguration.Output.Write(written);
            }

            return exitCode(report);
        });
        return command;
    }

    private static string Text(ControlReport report)
    {
        var text = new System.Text.StringBuilder();
        text.Append($"controls {report.From:yyyy-MM-dd HH:mm} – {report.To:yyyy-MM-dd HH:mm} UTC: {report.CasesInPeriod} case(s), {report.Gaps.Count} gap(s)\n");
        foreach (var framework in report.Frameworks)
        {
            text.Append('\n').Append(framework.Name).Append('\n');
            foreach (var control in framework.Controls)
            {
                text.Append($"  {control.Id,-8} {control.Status,-11} {control.Cases.Count} case(s)  {control.Title}\n");
                foreach (var gap in control.Gaps)
                {
                    text.Append($"           gap {gap.Check}: {gap.CaseId}: {gap.Detail}\n");
                }
            }
        }

        return text.ToString();
    }
}

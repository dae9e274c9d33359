using System.CommandLine;
using System.Text.Json;
using Vigil.Pipeline.Evidence;
using Vigil.Pipeline.Evidence.Controls;

namespace Vigil.Cli;

/// <summary><c>vigil report controls</c>: framework controls evidenced by cases in a period, and the gaps.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var command = new Command("report", "Reports for auditors and leadership.");
        command.Subcommands.Add(Controls());
        return command;
    }

    private static Command Controls()
    {
        var from = new Option<string?>("--from") { Description = "Start of the period (inclusive; default 30 days ago)." };
        var to = new Option<string?>("--to") { Description = "End of the period (exclusive; default now)." };
        var format = new Option<string>("--format") { Description = "text, json or html.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "html");
        var output = new Option<string?>("--out") { Description = "Write to this file (default: standard output)." };
        var command = new Command("controls", "Per framework control (content/frameworks), the cases that evidence it in the period and the gaps (exit code 1 when there are gaps).") { from, to, format, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!ExportCommand.TryPeriod(parse, from, to, out var start, out var end, out var problem))
            {
                parse.InvocationConfiguration.Error.WriteLine(problem);
                return 2;
            }

            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var now = DateTimeOffset.UtcNow;
            var report = await context.Get<ControlReporter>().BuildAsync(start ?? now.AddDays(-30), end ?? now, cancellationToken);
            var text = parse.GetValue(format) switch
            {
                "json" => JsonSerializer.Serialize(report, PackageJson.Options),
                "html" => ControlReportHtml.Render(report),
                _ => Text(report),
            };
            if (parse.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path, text, cancellationToken);
            }
            else
            {
                parse.InvocationConfiguration.Output.Write(text);
            }

            return report.Gaps.Count == 0 ? 0 : 1;
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

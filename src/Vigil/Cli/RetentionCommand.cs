using System.CommandLine;
using System.Text.Json;
using Vigil.Domain.Evidence;
using Vigil.Pipeline.Evidence;
using Vigil.Pipeline.Evidence.Retention;

namespace Vigil.Cli;

/// <summary><c>vigil retention run|report|hold|release|holds</c>: disposal by policy with tombstones, and legal holds.</summary>
internal static class RetentionCommand
{
    public static Command Create()
    {
        var command = new Command("retention", "Retention by closure classification and data kind (content/policy/retention.yaml), legal holds, disposal reports.");
        command.Subcommands.Add(Run());
        command.Subcommands.Add(Report());
        command.Subcommands.Add(Hold(set: true));
        command.Subcommands.Add(Hold(set: false));
        command.Subcommands.Add(Holds());
        return command;
    }

    private static Command Run()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would be disposed of; change nothing." };
        var json = new Option<bool>("--json") { Description = "The disposal report as JSON." };
        var command = new Command("run", "Dispose of expired alert payloads and artefact contents, leaving tombstones and ledger entries.") { dryRun, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var report = await context.Get<RetentionService>().RunAsync(parse.GetValue(dryRun), CliContext.Operator, cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(report, PackageJson.Options));
                return 0;
            }

            output.WriteLine($"{(report.DryRun ? "dry run" : "run")} {report.RunId}: {report.CasesExamined} closed case(s) examined, "
                + $"{report.Disposed.Count} item(s) {(report.DryRun ? "would be" : "were")} disposed of ({report.BytesDisposed} bytes), {report.HeldCases.Count} case(s) held");
            Write(output, report.Disposed);
            foreach (var held in report.HeldCases)
            {
                output.WriteLine($"  held    {held}  (legal hold: nothing disposed of)");
            }

            return 0;
        });
        return command;
    }

    private static Command Report()
    {
        var from = new Option<string?>("--from") { Description = "Disposed of at or after (a date or ISO 8601 time)." };
        var to = new Option<string?>("--to") { Description = "Disposed of before." };
        var json = new Option<bool>("--json") { Description = "One tombstone per line as JSON." };
        var command = new Command("report", "What retention disposed of: each tombstone's case, kind, id, SHA-256, size and rule.") { from, to, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!ExportCommand.TryPeriod(parse, from, to, out var start, out var end, out var problem))
            {
                parse.InvocationConfiguration.Error.WriteLine(problem);
                return 2;
            }

            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var tombstones = await context.Store.ListTombstonesAsync(start, end, cancellationToken);
            if (parse.GetValue(json))
            {
                foreach (var tombstone in tombstones)
                {
                    parse.InvocationConfiguration.Output.WriteLine(CliJson.Line(tombstone));
                }
            }
            else
            {
                Write(parse.InvocationConfiguration.Output, tombstones);
            }

            return 0;
        });
        return command;
    }

    private static Command Hold(bool set)
    {
        var caseId = new Argument<string>("case") { Description = "The case." };
        var reason = new Option<string>("--reason") { Description = "Why (recorded on the case's ledger).", Required = true };
        var command = new Command(set ? "hold" : "release", set ? "Put a case under legal hold." : "Release a case's legal hold.") { caseId, reason };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var retention = context.Get<RetentionService>();
            var id = parse.GetValue(caseId)!;
            var done = set
                ? await retention.SetHoldAsync(id, parse.GetRequiredValue(reason), CliContext.Operator, cancellationToken) is not null
                : await retention.ReleaseHoldAsync(id, parse.GetRequiredValue(reason), CliContext.Operator, cancellationToken);
            if (!done)
            {
                parse.InvocationConfiguration.Error.WriteLine(await context.Store.GetCaseAsync(id, cancellationToken) is null
                    ? $"no case {id}"
                    : set ? $"case {id} is already on legal hold" : $"case {id} is not on legal hold");
                return 1;
            }

            parse.InvocationConfiguration.Output.WriteLine(set ? $"case {id} on legal hold" : $"case {id} released from legal hold");
            return 0;
        });
        return command;
    }

    private static Command Holds()
    {
        var command = new Command("holds", "Cases under legal hold.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            foreach (var hold in await context.Store.ListLegalHoldsAsync(cancellationToken))
            {
                parse.InvocationConfiguration.Output.WriteLine($"{hold.CaseId}  since {hold.SetAt:yyyy-MM-dd HH:mm}  by {hold.SetBy}  {hold.Reason}");
            }

            return 0;
        });
        return command;
    }

    private static void Write(TextWriter output, IEnumerable<Tombstone> tombstones)
    {
        foreach (var t in tombstones)
        {
            output.WriteLine($"  {t.Kind,-13} {t.CaseId}  {t.RefId}  sha256 {t.Sha256}  {t.Size} bytes  {t.Rule}");
        }
    }
}

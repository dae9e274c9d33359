using System.CommandLine;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Evidence;

namespace Vigil.Cli;

internal static class LedgerCommand
{
    public static Command Create()
    {
        var command = new Command("ledger", "Read and verify the tamper-evident evidence ledger.");
        command.Subcommands.Add(Verify());
        command.Subcommands.Add(Show());
        return command;
    }

    private static Command Verify()
    {
        var caseId = new Option<string?>("--case") { Description = "Verify one case's chain (default: every chain)." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new Command("verify", "Recompute every hash chain and name each changed, removed or reordered entry. Exit code 1 if any.") { caseId, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var auditor = context.Get<LedgerAuditor>();
            var chains = parse.GetValue(caseId) is { } id
                ? [await auditor.VerifyChainAsync(id, cancellationToken)]
                : (await auditor.VerifyAllAsync(cancellationToken)).Chains;
            var report = new LedgerReport(chains);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(CliJson.Line(new { intact = report.IsIntact, chains = report.Chains.Count, entries = report.Entries, broken = report.Broken }));
            }
            else
            {
                foreach (var chain in report.Broken)
                {
                    foreach (var problem in chain.Problems)
                    {
                        output.WriteLine($"{chain.ChainId} entry {problem.Seq}: {problem.Kind}: {problem.Message}");
                    }
                }

                output.WriteLine(report.IsIntact
                    ? $"ledger intact: {report.Chains.Count} chain(s), {report.Entries} entries verified"
                    : $"ledger BROKEN: {report.Broken.Count()} of {report.Chains.Count} chain(s) fail verification");
            }

            return report.IsIntact ? 0 : 1;
        });
        return command;
    }

    private static Command Show()
    {
        var chain = new Argument<string>("chain") { Description = "A case id, or 'system'." };
        var command = new Command("show", "Print a chain's entries in order, as JSON lines.") { chain };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            foreach (var entry in await context.Store.ReadLedgerAsync(parse.GetValue(chain)!, cancellationToken))
            {
                output.WriteLine(CliJson.Line(new
                {
                    chain = entry.ChainId,
                    seq = entry.Seq,
                    kind = entry.Kind,
                    actor = entry.Actor.ToString(),
                    at = LedgerHasher.FormatTime(entry.At),
                    payload = System.Text.Json.JsonDocument.Parse(entry.Payload).RootElement,
                    prev_hash = entry.PrevHash,
                    hash = entry.Hash,
                }));
            }

            return 0;
        });
        return command;
    }
}

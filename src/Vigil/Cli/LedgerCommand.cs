using System.CommandLine;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Evidence;

namespace Vigil.Cli;

internal static partial class LedgerCommand
{
    public static Command Create()
    {
        var command = new Command("ledger", "Read and verify the tamper-evident evidence ledger.");
        command.Subcommands.Add(Verify());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(LedgerStream());
        return command;
    }

    private static Command Verify()
    {
        var caseId = new Option<string?>("--case") { Description = "Verify one case's chain (default: every chain)." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var package = new Option<string?>("--package") { Description = "Verify an exported evidence package offline (signature and hash chain); no store is opened." };
        var key = new Option<string?>("--key") { Description = "With --package: the public key (PEM file from 'vigil export key') the package must be signed with." };
        var command = new Command("verify", "Recompute every hash chain and name each changed, removed or reordered entry. Exit code 1 if any.") { caseId, json, package, key };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(package) is { } file)
            {
                return await VerifyPackageAsync(parse, file, parse.GetValue(key), parse.GetValue(json), cancellationToken);
            }

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

    private static async Task<int> VerifyPackageAsync(ParseResult parse, string file, string? keyFile, bool json, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        if (!File.Exists(file) || (keyFile is not null && !File.Exists(keyFile)))
        {
            parse.InvocationConfiguration.Error.WriteLine($"no such file: {(File.Exists(file) ? keyFile : file)}");
            return 2;
        }

        var trusted = keyFile is null ? null : await File.ReadAllTextAsync(keyFile, cancellationToken);
        var result = PackageVerifier.Verify(await File.ReadAllBytesAsync(file, cancellationToken), trusted);
        if (json)
        {
            output.WriteLine(CliJson.Line(new { valid = result.IsValid, case_id = result.CaseId, key_id = result.KeyId, ledger_entries = result.LedgerEntries, sha256 = result.Digest, problems = result.Problems }));
        }
        else
        {
            foreach (var problem in result.Problems)
            {
                output.WriteLine(problem);
            }

            output.WriteLine(result.IsValid
                ? $"package intact: case {result.CaseId}, {result.LedgerEntries} ledger entries re-hashed, signature by key {result.KeyId}{(trusted is null ? " (pass --key to pin it)" : " (trusted)")}"
                : $"package INVALID: {result.Problems.Count} problem(s)");
        }

        return result.IsValid ? 0 : 1;
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

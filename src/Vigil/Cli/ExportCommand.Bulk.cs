using System.CommandLine;
using Vigil.Pipeline.Evidence;

namespace Vigil.Cli;

internal static partial class ExportCommand
{
    private static void AddBulk(Command command)
    {
        command.Subcommands.Add(Bulk("ledger", "Every ledger entry recorded in the period, with its hashes (entry_id chain:seq for deduplication).", static (e, w, csv, from, to, ct) => e.WriteLedgerAsync(w, csv, from, to, ct)));
        command.Subcommands.Add(Bulk("cases", "Every case opened in the period with its closure fields.", static (e, w, csv, from, to, ct) => e.WriteCasesAsync(w, csv, from, to, ct)));
    }

    private static Command Bulk(string name, string description, Func<BulkExporter, TextWriter, bool, DateTimeOffset?, DateTimeOffset?, CancellationToken, Task<long>> write)
    {
        var format = new Option<string>("--format") { Description = "csv or json (JSON lines).", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("csv", "json");
        var from = new Option<string?>("--from") { Description = "Start of the period (inclusive), e.g. 2026-01-01 or an ISO 8601 time." };
        var to = new Option<string?>("--to") { Description = "End of the period (exclusive)." };
        var output = new Option<string?>("--out") { Description = "Write to this file (default: standard output)." };
        var command = new Command(name, description) { format, from, to, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!TryPeriod(parse, from, to, out var start, out var end, out var problem))
            {
                parse.InvocationConfiguration.Error.WriteLine(problem);
                return 2;
            }

            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var path = parse.GetValue(output);
            await using var file = path is null ? null : new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
            var writer = (TextWriter?)file ?? parse.InvocationConfiguration.Output;
            var count = await write(context.Get<BulkExporter>(), writer, parse.GetValue(format) == "csv", start, end, cancellationToken);
            await writer.FlushAsync(cancellationToken);
            parse.InvocationConfiguration.Error.WriteLine($"exported {count} {(name == "ledger" ? "ledger entries" : "cases")}");
            return 0;
        });
        return command;
    }

    /// <summary>Reads --from/--to as dates or times (UTC when no offset is given).</summary>
    internal static bool TryPeriod(ParseResult parse, Option<string?> from, Option<string?> to, out DateTimeOffset? start, out DateTimeOffset? end, out string problem)
    {
        end = null;
        problem = string.Empty;
        if (!PeriodText.TryParse(parse.GetValue(from), out start))
        {
            problem = $"--from: '{parse.GetValue(from)}' is not a date or time (use 2026-01-31 or 2026-01-31T12:00:00Z)";
            return false;
        }

        if (!PeriodText.TryParse(parse.GetValue(to), out end))
        {
            problem = $"--to: '{parse.GetValue(to)}' is not a date or time (use 2026-01-31 or 2026-01-31T12:00:00Z)";
            return false;
        }

        return true;
    }
}

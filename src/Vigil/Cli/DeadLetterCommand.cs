using System.CommandLine;
using Vigil.Domain.DeadLetters;
using Vigil.Pipeline.Ingest;
using Vigil.Pipeline.Ports;

namespace Vigil.Cli;

internal static class DeadLetterCommand
{
    public static Command Create()
    {
        var command = new Command("deadletter", "Input Vigil refused, kept with the reason: list it and replay it once the cause is fixed.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Replay());
        return command;
    }

    private static Command List()
    {
        var source = new Option<string?>("--source");
        var status = new Option<string?>("--status") { Description = "pending (default), replayed, discarded or all." };
        var limit = new Option<int>("--limit") { DefaultValueFactory = _ => 100 };
        var command = new Command("list", "List dead letters with their reasons.") { source, status, limit };
        command.SetAction(async (parse, cancellationToken) =>
        {
            DeadLetterStatus? wanted = parse.GetValue(status)?.ToLowerInvariant() switch
            {
                null or "pending" => DeadLetterStatus.Pending,
                "replayed" => DeadLetterStatus.Replayed,
                "discarded" => DeadLetterStatus.Discarded,
                _ => null,
            };
            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var letters = await context.Store.ListDeadLettersAsync(new DeadLetterQuery { Source = parse.GetValue(source), Status = wanted, Limit = parse.GetValue(limit) }, cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            foreach (var letter in letters)
            {
                output.WriteLine($"{letter.Id}  {letter.ReceivedAt:u}  {letter.Source,-16} {letter.Channel,-7} {letter.Status.ToString().ToLowerInvariant(),-9} {letter.Reason}");
            }

            parse.InvocationConfiguration.Error.WriteLine($"{letters.Count} dead letter(s)");
            return 0;
        });
        return command;
    }

    private static Command Replay()
    {
        var id = new Argument<string>("id");
        var command = new Command("replay", "Parse a dead letter again and ingest it; it stays pending, with the new reason, if it still fails.") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var replay = await context.Get<DeadLetterReplayer>().ReplayAsync(parse.GetValue(id)!, CliContext.Operator, cancellationToken);
            if (!replay.Succeeded)
            {
                parse.InvocationConfiguration.Error.WriteLine($"not replayed: {replay.Problem}");
                return 1;
            }

            parse.InvocationConfiguration.Output.WriteLine($"replayed: {replay.Outcomes.Count} alert(s): {string.Join(", ", replay.Outcomes.Select(o => o.AlertId))}");
            return 0;
        });
        return command;
    }
}

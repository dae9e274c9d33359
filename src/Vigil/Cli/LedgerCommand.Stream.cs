using System.CommandLine;
using Vigil.Pipeline.Evidence.Stream;

namespace Vigil.Cli;

internal static partial class LedgerCommand
{
    private static Command LedgerStream()
    {
        var command = new Command("stream", "The ledger stream to webhook receivers (Vigil:Stream:Receivers): each receiver's lag and delivery state.");
        command.Subcommands.Add(StreamStatus());
        command.Subcommands.Add(StreamDeliver());
        return command;
    }

    private static Command StreamStatus()
    {
        var json = new Option<bool>("--json") { Description = "One JSON object per receiver." };
        var command = new Command("status", "Each receiver's lag (entries not yet acknowledged), deliveries, failures, back-off and last error.") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            var receivers = context.Get<StreamReceivers>().All;
            if (receivers.Count == 0)
            {
                output.WriteLine("no receivers configured (Vigil:Stream:Receivers:NAME:Url and :Secret)");
            }

            foreach (var receiver in receivers)
            {
                var status = await context.Get<LedgerStreamer>().StatusAsync(receiver, cancellationToken);
                output.WriteLine(parse.GetValue(json)
                    ? CliJson.Line(status)
                    : $"{status.Receiver}  {status.Url}  lag {status.Lag}  delivered {status.State?.Delivered ?? 0}  failures {status.State?.Failures ?? 0}"
                        + (status.State?.NextAttemptAt is { } next ? $"  next attempt {next:yyyy-MM-dd HH:mm:ss}Z" : string.Empty)
                        + (status.State?.LastError is { } error ? $"  last error: {error}" : string.Empty));
            }

            return 0;
        });
        return command;
    }

    private static Command StreamDeliver()
    {
        var receiver = new Option<string?>("--receiver") { Description = "Only this receiver (default: every one)." };
        var command = new Command("deliver", "Deliver what each receiver lacks now (as the server's worker does); exit code 1 if a delivery failed.") { receiver };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var failed = false;
            foreach (var target in context.Get<StreamReceivers>().All.Where(r => parse.GetValue(receiver) is not { } only || r.Name == only))
            {
                foreach (var outcome in await context.Get<LedgerStreamer>().DrainAsync(target, $"cli/{Environment.MachineName}/{Environment.ProcessId}", cancellationToken))
                {
                    failed |= outcome.Status == StreamDeliveryStatus.Failed;
                    parse.InvocationConfiguration.Output.WriteLine($"{outcome.Receiver}: {outcome.Status.ToString().ToLowerInvariant()} {outcome.Entries} {outcome.Error}".TrimEnd());
                }
            }

            return failed ? 1 : 0;
        });
        return command;
    }
}

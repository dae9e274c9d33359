using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Pipeline.Evidence.Stream;

namespace Vigil.Hosting;

/// <summary>
/// Delivers the ledger to each configured receiver every Vigil:Stream:IntervalSeconds (default 5). Several nodes may
/// run it: the receiver's lease lets one deliver at a time, and a dead node's lease runs out and is taken over.
/// </summary>
internal sealed partial class LedgerStreamWorker(
    LedgerStreamer streamer, StreamReceivers receivers, IConfiguration configuration, TimeProvider time, ILogger<LedgerStreamWorker> logger) : BackgroundService
{
    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (receivers.All.Count == 0)
        {
            return;
        }

        var seconds = configuration.GetValue<int?>("Vigil:Stream:IntervalSeconds") ?? 5;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds > 0 ? seconds : 5), time);
        do
        {
            foreach (var receiver in receivers.All)
            {
                try
                {
                    foreach (var outcome in await streamer.DrainAsync(receiver, _owner, stoppingToken))
                    {
                        if (outcome.Status == StreamDeliveryStatus.Failed)
                        {
                            DeliveryFailed(logger, receiver.Name, outcome.Entries, outcome.Error);
                        }
                    }
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    PassFailed(logger, receiver.Name, exception);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ledger stream to {Receiver}: {Entries} entries not acknowledged ({Error}); retried after back-off")]
    private static partial void DeliveryFailed(ILogger logger, string receiver, int entries, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ledger stream to {Receiver} failed; retried at the next interval")]
    private static partial void PassFailed(ILogger logger, string receiver, Exception exception);
}

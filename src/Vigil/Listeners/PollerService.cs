using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Pipeline.Ingest.Pull;

namespace Vigil.Listeners;

/// <summary>
/// Runs every configured pull source on its own schedule through <see cref="PullRunner"/>: at once while the source says
/// more is waiting, after its interval once caught up, after the back-off when it failed. In Clustered mode every node
/// runs this and the checkpoint lease lets one of them poll each source.
/// </summary>
internal sealed partial class PollerService(PullSources sources, PullRunner runner, TimeProvider time, ILogger<PollerService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(sources.All.Select(source => LoopAsync(source, stoppingToken)));

    private async Task LoopAsync(IPullSource source, CancellationToken stoppingToken)
    {
        LogStarted(source.Name, source.Endpoint, source.Source, source.Interval);
        var storeFailures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            DateTimeOffset next;
            try
            {
                next = (await runner.RunOnceAsync(source, stoppingToken)).NextRunAt;
                storeFailures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The store itself failed (the runner records source failures on the checkpoint): nothing was
                // advanced, so wait and try again.
                storeFailures++;
                next = time.GetUtcNow() + runner.Backoff(storeFailures);
                LogStoreFailed(exception, source.Name, next);
            }

            var delay = next - time.GetUtcNow();
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(EventId = 310, Level = LogLevel.Information, Message = "Poller {Poller} polls {Endpoint} for source {Source} every {Interval}")]
    private partial void LogStarted(string poller, string endpoint, string source, TimeSpan interval);

    [LoggerMessage(EventId = 311, Level = LogLevel.Error, Message = "Poller {Poller} could not reach the store; next try at {NextRunAt:u}")]
    private partial void LogStoreFailed(Exception exception, string poller, DateTimeOffset nextRunAt);
}

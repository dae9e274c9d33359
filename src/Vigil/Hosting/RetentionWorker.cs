using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Evidence.Retention;

namespace Vigil.Hosting;

/// <summary>
/// Runs retention every Vigil:Retention:IntervalMinutes (off when 0, the default: disposal is then run by
/// <c>vigil retention run</c> or the API). Runs on several nodes are safe: each case is disposed of under its row lock
/// and an item already gone writes no second tombstone.
/// </summary>
internal sealed partial class RetentionWorker(RetentionService retention, IConfiguration configuration, TimeProvider time, ILogger<RetentionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = configuration.GetValue<int?>("Vigil:Retention:IntervalMinutes") ?? 0;
        if (minutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes), time);
        do
        {
            try
            {
                var report = await retention.RunAsync(dryRun: false, Actor.Automation("retention"), stoppingToken);
                Ran(logger, report.RunId, report.Disposed.Count, report.BytesDisposed, report.HeldCases.Count);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                Failed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention run {RunId}: {Items} item(s) disposed of ({Bytes} bytes), {Held} case(s) on legal hold skipped")]
    private static partial void Ran(ILogger logger, string runId, int items, long bytes, int held);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention run failed; retried at the next interval")]
    private static partial void Failed(ILogger logger, Exception exception);
}

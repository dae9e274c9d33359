using Microsoft.Extensions.Logging;

namespace Vigil.Pipeline.Ingest.Pull;

internal static partial class PullLog
{
    [LoggerMessage(300, LogLevel.Debug, "Poller {Poller}: {Pages} page(s), {Events} event(s), {Stored} new alert(s), {DeadLettered} dead-lettered")]
    public static partial void Ran(ILogger logger, string poller, int pages, int events, int stored, int deadLettered);

    [LoggerMessage(301, LogLevel.Warning, "Poller {Poller} failed ({Failures} in a row); next try at {NextRunAt:u}")]
    public static partial void Failed(ILogger logger, string poller, int failures, DateTimeOffset nextRunAt, Exception exception);

    [LoggerMessage(302, LogLevel.Warning, "Poller {Poller} lost its lease to another node; its cursor was not advanced by this node")]
    public static partial void LeaseLost(ILogger logger, string poller);
}

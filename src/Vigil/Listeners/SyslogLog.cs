using Microsoft.Extensions.Logging;

namespace Vigil.Listeners;

internal static partial class SyslogLog
{
    [LoggerMessage(100, LogLevel.Information, "Syslog listening on {Transport} {Endpoint}")]
    public static partial void Listening(ILogger logger, string transport, string endpoint);

    [LoggerMessage(101, LogLevel.Debug, "Syslog batch: {Read} read, {Stored} stored, {Deduplicated} repeats, {DeadLettered} dead-lettered")]
    public static partial void Batch(ILogger logger, int read, int stored, int deduplicated, int deadLettered);

    [LoggerMessage(102, LogLevel.Warning, "Syslog batch of {Count} messages could not be stored; retrying in {Delay} (the queue holds new messages meanwhile)")]
    public static partial void BatchFailed(ILogger logger, Exception exception, int count, TimeSpan delay);

    [LoggerMessage(103, LogLevel.Warning, "Syslog TCP connection from {Remote} failed")]
    public static partial void ConnectionFailed(ILogger logger, Exception exception, string remote);

    [LoggerMessage(104, LogLevel.Information, "Syslog stopping: sockets closed, storing the {Queued} message(s) already received")]
    public static partial void Draining(ILogger logger, long queued);

    [LoggerMessage(105, LogLevel.Critical, "Syslog shutdown: {Count} received message(s) could not be stored after {Attempts} attempts (the store is down); they are lost")]
    public static partial void Abandoned(ILogger logger, Exception exception, int count, int attempts);
}

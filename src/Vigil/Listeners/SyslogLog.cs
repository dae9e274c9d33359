using Microsoft.Extensions.Logging;

namespace Vigil.Listeners;

internal static partial class SyslogLog
{
    [LoggerMessage(100, LogLevel.Information, "Syslog listening on {Transport} {Endpoint}")]
    public static partial void Listening(ILogger logger, string transport, string endpoint);

    [LoggerMessage(101, LogLevel.Debug, "Syslog batch: {Read} read, {Stored} stored, {Deduplicated} repeats, {DeadLettered} dead-lettered")]
    public static partial void Batch(ILogger logger, int read, int stored, int deduplicated, int deadLettered);

    [LoggerMessage(102, LogLevel.Error, "Syslog batch of {Count} messages could not be stored")]
    public static partial void BatchFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(103, LogLevel.Warning, "Syslog TCP connection from {Remote} failed")]
    public static partial void ConnectionFailed(ILogger logger, Exception exception, string remote);
}

using Microsoft.Extensions.Logging;

namespace Vigil.Listeners;

internal static partial class MailboxPollerLog
{
    [LoggerMessage(1, LogLevel.Information, "Mailbox {Host}/{Folder}: {Count} message(s) processed, {DeadLettered} dead-lettered")]
    public static partial void Polled(ILogger logger, string host, string folder, int count, int deadLettered);

    [LoggerMessage(2, LogLevel.Warning, "Mailbox {Host} poll failed; retrying in {Delay}")]
    public static partial void Failed(ILogger logger, string host, TimeSpan delay, Exception exception);
}

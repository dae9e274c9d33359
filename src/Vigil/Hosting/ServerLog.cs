using Microsoft.Extensions.Logging;

namespace Vigil.Hosting;

/// <summary>The server's log messages, source-generated so that a disabled level costs nothing on the request path.</summary>
internal static partial class ServerLog
{
    [LoggerMessage(1, LogLevel.Information, "Vigil listening on {Urls} with a {Mode} store ({Description})")]
    public static partial void Listening(ILogger logger, string urls, string mode, string description);

    [LoggerMessage(2, LogLevel.Information, "Applied migrations: {Migrations}")]
    public static partial void Migrated(ILogger logger, string migrations);

    [LoggerMessage(3, LogLevel.Warning, "Created the admin account with a one-time password (printed to the console, not logged)")]
    public static partial void AdminCreated(ILogger logger);

    [LoggerMessage(4, LogLevel.Error, "Unhandled error on {Method} {Path} (trace {TraceId})")]
    public static partial void Unhandled(ILogger logger, Exception exception, string method, string path, string traceId);

    [LoggerMessage(5, LogLevel.Information, "Rejected alert submission from {Source}: {Reason} (dead letter {DeadLetterId})")]
    public static partial void AlertRejected(ILogger logger, string source, string reason, string deadLetterId);

    [LoggerMessage(6, LogLevel.Information, "Demo alerts fed: {Created} new, {Present} already present")]
    public static partial void DemoFed(ILogger logger, int created, int present);

    [LoggerMessage(7, LogLevel.Debug, "API key {KeyName} failed authentication")]
    public static partial void AuthenticationFailed(ILogger logger, string keyName);
}

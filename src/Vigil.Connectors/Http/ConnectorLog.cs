using Microsoft.Extensions.Logging;

namespace Vigil.Connectors.Http;

/// <summary>
/// Connector log lines. They name the connector, method, host and outcome, never a path or a query (a webhook URL's
/// path is its credential), never a header or a body.
/// </summary>
internal static partial class ConnectorLog
{
    [LoggerMessage(1, LogLevel.Debug, "Connector {Connector}: {Method} {Host} answered {Status} in {LatencyMs:F1} ms")]
    public static partial void Answered(ILogger logger, string connector, string method, string host, int status, double latencyMs);

    [LoggerMessage(2, LogLevel.Warning, "Connector {Connector}: {Method} {Host} answered {Status} ({Outcome})")]
    public static partial void Unsuccessful(ILogger logger, string connector, string method, string host, int status, string outcome);

    [LoggerMessage(3, LogLevel.Warning, "Connector {Connector}: {Method} {Host} failed: {Reason}")]
    public static partial void TransportFailed(ILogger logger, string connector, string method, string host, string reason);

    [LoggerMessage(4, LogLevel.Warning, "Connector {Connector}: SSRF guard refused {Host}: {Reason}")]
    public static partial void Refused(ILogger logger, string connector, string host, string reason);
}

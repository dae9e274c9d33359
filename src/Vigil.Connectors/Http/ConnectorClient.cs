using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Http;

/// <summary>
/// One connector's outbound HTTP path: its own connection pool behind the SSRF guard, its timeout, bounded response
/// reads, retry classification and health recording. Expected failures (timeouts, refusals, error statuses) come back
/// as a classified <see cref="ConnectorResponse"/>, never as exceptions.
/// </summary>
public sealed class ConnectorClient : IDisposable
{
    /// <summary>Vendor answers are small JSON documents; anything bigger is refused rather than buffered.</summary>
    public const int MaxResponseBytes = 1 << 20;

    private readonly HttpClient _http;
    private readonly ConnectorHealth _health;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal ConnectorClient(ConnectorOptions options, ConnectorHealth health, TimeProvider time, ILogger logger)
    {
        Options = options;
        _health = health;
        _time = time;
        _logger = logger;
        var handler = new SocketsHttpHandler
        {
            // A redirect or a proxy would dial an address the guard never saw.
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            ConnectCallback = new GuardedConnector(options).ConnectAsync,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = options.Timeout,
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Vigil", "1.0"));
    }

    public ConnectorOptions Options { get; }

    public async Task<ConnectorResponse> SendAsync(OutboundRequest request, CancellationToken cancellationToken)
    {
        var host = request.Url.Host;
        var started = Stopwatch.GetTimestamp();
        using var timeout = new CancellationTokenSource(Options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        ConnectorResponse response;
        try
        {
            using var message = request.ToMessage();
            using var answer = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            response = await ReadAsync(answer, Stopwatch.GetElapsedTime(started), linked.Token);
            if (response.IsSuccess)
            {
                ConnectorLog.Answered(_logger, Options.Name, request.Method.Method, host, (int)answer.StatusCode, response.Latency.TotalMilliseconds);
            }
            else
            {
                ConnectorLog.Unsuccessful(_logger, Options.Name, request.Method.Method, host, (int)answer.StatusCode, response.Outcome.ToString());
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            response = Transport(ConnectorOutcome.Transient, $"no answer within {Options.Timeout.TotalSeconds:0.###} s", started);
            ConnectorLog.TransportFailed(_logger, Options.Name, request.Method.Method, host, response.Error!);
        }
        catch (HttpRequestException ex) when (ex.InnerException is ConnectorRefusedException refused)
        {
            response = Transport(ConnectorOutcome.Failed, refused.Message, started);
            ConnectorLog.Refused(_logger, Options.Name, host, refused.Message);
        }
        catch (HttpRequestException ex)
        {
            // Connection refused, reset, DNS failure: the network, not the request, so worth another try.
            response = Transport(ConnectorOutcome.Transient, ex.HttpRequestError == HttpRequestError.Unknown ? ex.Message : $"{ex.HttpRequestError}: {ex.Message}", started);
            ConnectorLog.TransportFailed(_logger, Options.Name, request.Method.Method, host, response.Error!);
        }

        _health.Record(Options.Name, response.Outcome, response.Latency, response.Error, _time.GetUtcNow());
        return response;
    }

    private async Task<ConnectorResponse> ReadAsync(HttpResponseMessage answer, TimeSpan headersAfter, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers))
        {
            headers[name] = string.Join(",", values);
        }

        var body = await ReadBoundedAsync(answer.Content, cancellationToken);
        var status = answer.StatusCode;
        if (body is null)
        {
            return new ConnectorResponse
            {
                Outcome = ConnectorOutcome.Failed,
                StatusCode = status,
                Headers = headers,
                Error = $"HTTP {(int)status}: response larger than {MaxResponseBytes} bytes refused",
                Latency = headersAfter,
            };
        }

        var outcome = ResponseClassifier.Classify(status);
        return new ConnectorResponse
        {
            Outcome = outcome,
            StatusCode = status,
            Body = body,
            Headers = headers,
            RetryAfter = outcome == ConnectorOutcome.Transient ? ResponseClassifier.RetryAfter(headers, _time.GetUtcNow()) : null,
            Error = outcome == ConnectorOutcome.Succeeded ? null : $"HTTP {(int)status} {VendorError(body)}".TrimEnd(),
            Latency = headersAfter,
        };
    }

    private static async Task<string?> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxResponseBytes)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxResponseBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The start of the vendor's error body, on one line, so a failed call says why without dumping a page.</summary>
    private static string VendorError(string body)
    {
        var line = body.ReplaceLineEndings(" ").Trim();
        return line.Length <= 300 ? line : line[..300] + "…";
    }

    private ConnectorResponse Transport(ConnectorOutcome outcome, string error, long started) => new()
    {
        Outcome = outcome,
        Error = error,
        Latency = Stopwatch.GetElapsedTime(started),
    };

    public void Dispose() => _http.Dispose();
}

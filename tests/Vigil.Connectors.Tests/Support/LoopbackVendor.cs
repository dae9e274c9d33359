using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Vigil.Connectors.Tests.Support;

/// <summary>
/// A vendor API on a loopback port (Kestrel): answers registered routes ("METHOD /path", query ignored) with recorded
/// responses, in order when several are queued, and records every request it received. An unregistered route answers
/// 599 and is recorded, so a test that sends something unexpected fails on its assertions.
/// </summary>
public sealed class LoopbackVendor : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<RecordedResponse>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> _received = new();

    private LoopbackVendor(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Received => _received.ToArray();

    public static async Task<LoopbackVendor> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        var vendor = new LoopbackVendor(builder.Build());
        vendor._app.Run(vendor.AnswerAsync);
        await vendor._app.StartAsync();
        var address = vendor._app.Services.GetService(typeof(IServer)) is IServer server
            ? server.Features.Get<IServerAddressesFeature>()!.Addresses.First()
            : throw new InvalidOperationException("no server");
        vendor.BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return vendor;
    }

    /// <summary>Queues answers for <c>"METHOD /path"</c>; the last one repeats once the queue is down to it.</summary>
    public LoopbackVendor On(string route, params RecordedResponse[] responses)
    {
        _routes[route] = new ConcurrentQueue<RecordedResponse>(responses);
        return this;
    }

    public RecordedRequest Single(string method, string pathStart) =>
        Assert.Single(Received, r => r.Method == method && r.PathAndQuery.StartsWith(pathStart, StringComparison.Ordinal));

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        // The request target exactly as sent (Kestrel's Path is already percent-decoded).
        var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        _received.Enqueue(new RecordedRequest(context.Request.Method, target, headers, body));

        var route = $"{context.Request.Method} {target.Split('?')[0]}";
        if (!_routes.TryGetValue(route, out var queue) || !TryNext(queue, out var response))
        {
            context.Response.StatusCode = 599;
            await context.Response.WriteAsync($"no recorded response for {route}", context.RequestAborted);
            return;
        }

        if (response.Delay is { } delay)
        {
            await Task.Delay(delay, context.RequestAborted);
        }

        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body.Length > 0)
        {
            context.Response.ContentType ??= "application/json";
            await context.Response.WriteAsync(response.Body, context.RequestAborted);
        }
    }

    private static bool TryNext(ConcurrentQueue<RecordedResponse> queue, out RecordedResponse response)
    {
        if (queue.Count > 1 && queue.TryDequeue(out response!))
        {
            return true;
        }

        return queue.TryPeek(out response!);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

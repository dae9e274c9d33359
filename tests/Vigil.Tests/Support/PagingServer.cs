using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Vigil.Tests.Support;

/// <summary>
/// A paging JSON API on a loopback port, shaped like Okta's System Log API (<c>GET /api/v1/logs?limit=N&amp;after=K</c>
/// answering a JSON array with <c>Link: &lt;…&gt;; rel="next"</c>, always present so that a client can keep polling),
/// plus <c>/since</c> (items with <c>published</c> at or after <c>since</c>) and <c>/token</c> (<c>{"data": [...],
/// "next_token": …}</c>) for the other paging styles. Items can be appended while it runs, and the next N requests
/// can be made to fail.
/// </summary>
public sealed class PagingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<JsonObject> _items = [];
    private readonly Lock _gate = new();
    private int _failNext;

    private PagingServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The Authorization header of every request, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<PagingServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new PagingServer(app);
        app.MapGet("/api/v1/logs", server.Logs);
        app.MapGet("/since", server.Since);
        app.MapGet("/token", server.Token);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address);
        return server;
    }

    public void Add(IEnumerable<JsonObject> items)
    {
        lock (_gate)
        {
            _items.AddRange(items);
        }
    }

    public void FailNext(int requests) => Interlocked.Exchange(ref _failNext, requests);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private IResult Logs(HttpContext context, int? limit, int? after)
    {
        if (Refuse(context) is { } refused)
        {
            return refused;
        }

        var size = limit ?? 100;
        var start = after ?? 0;
        JsonArray page;
        lock (_gate)
        {
            page = [.. _items.Skip(start).Take(size).Select(i => i.DeepClone())];
        }

        var next = new Uri(BaseUri, $"/api/v1/logs?limit={size}&after={start + page.Count}");
        context.Response.Headers.Append("Link", $"<{new Uri(BaseUri, $"/api/v1/logs?limit={size}")}>; rel=\"self\", <{next}>; rel=\"next\"");
        return Results.Content(page.ToJsonString(), "application/json");
    }

    private IResult Since(HttpContext context, int? limit, string? since)
    {
        if (Refuse(context) is { } refused)
        {
            return refused;
        }

        JsonArray page;
        lock (_gate)
        {
            page = [.. _items
                .Where(i => since is null || string.CompareOrdinal((string)i["published"]!, since) >= 0)
                .OrderBy(i => (string)i["published"]!, StringComparer.Ordinal)
                .Take(limit ?? 100)
                .Select(i => i.DeepClone())];
        }

        return Results.Content(page.ToJsonString(), "application/json");
    }

    private IResult Token(HttpContext context, int? limit, string? page_token)
    {
        if (Refuse(context) is { } refused)
        {
            return refused;
        }

        var size = limit ?? 100;
        var start = page_token is null ? 0 : int.Parse(page_token, CultureInfo.InvariantCulture);
        JsonArray data;
        bool more;
        lock (_gate)
        {
            data = [.. _items.Skip(start).Take(size).Select(i => i.DeepClone())];
            more = start + data.Count < _items.Count;
        }

        var body = new JsonObject { ["data"] = data, ["next_token"] = more ? (start + data.Count).ToString(CultureInfo.InvariantCulture) : null };
        return Results.Content(body.ToJsonString(), "application/json");
    }

    private IResult? Refuse(HttpContext context)
    {
        Requests.Enqueue(context.Request.Headers.Authorization.ToString());
        if (Interlocked.Decrement(ref _failNext) >= 0)
        {
            return Results.StatusCode((int)HttpStatusCode.ServiceUnavailable);
        }

        Interlocked.Exchange(ref _failNext, 0);
        return null;
    }
}

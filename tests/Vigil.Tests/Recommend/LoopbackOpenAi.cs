using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Vigil.Tests.Recommend;

/// <summary>
/// An OpenAI-compatible chat completions endpoint on a loopback port: it answers <c>POST /v1/chat/completions</c>
/// with recorded completions in the real wire format, in order, and keeps every request body for inspection.
/// Anything else is a 404, so an unexpected call fails the test.
/// </summary>
public sealed class LoopbackOpenAi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _answers = new();

    private LoopbackOpenAi(WebApplication app) => _app = app;

    public ConcurrentQueue<JsonObject> Requests { get; } = new();

    /// <summary>The base URL a client is configured with (<c>http://127.0.0.1:PORT/v1</c>).</summary>
    public string Endpoint { get; private set; } = string.Empty;

    public static async Task<LoopbackOpenAi> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackOpenAi(app);
        app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            server.Requests.Enqueue((JsonObject)body!);
            if (!server._answers.TryDequeue(out var answer))
            {
                return Results.Problem("no recorded completion left", statusCode: StatusCodes.Status500InternalServerError);
            }

            return Results.Text(answer, "application/json");
        });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = address.TrimEnd('/') + "/v1";
        return server;
    }

    /// <summary>Queues a recorded completion from <c>Recommend/Completions/NAME.json</c>.</summary>
    public void Answer(string name) =>
        _answers.Enqueue(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Recommend", "Completions", name + ".json")));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Domain.Access;
using Vigil.Domain.Ledger;
using Vigil.Hosting;
using Vigil.Pipeline.Access;
using Vigil.Pipeline.Jobs;
using Vigil.Pipeline.Ports;
using Vigil.Storage;
using Vigil.Testing;

namespace Vigil.E2E.Tests;

/// <summary>
/// <c>vigil serve</c> as a newcomer runs it: the real server on Kestrel at a free loopback port over a fresh SQLite
/// data directory, with the first-start admin account and its one-time password.
/// </summary>
public sealed class ConsoleServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempDirectory _directory;
    private readonly HttpClient _api;

    private ConsoleServer(WebApplication app, TempDirectory directory, string adminPassword, string apiToken)
    {
        _app = app;
        _directory = directory;
        AdminPassword = adminPassword;
        BaseUrl = app.Urls.First();
        _api = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        _api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiToken);
    }

    public string BaseUrl { get; }

    public string AdminPassword { get; }

    public IServiceProvider Services => _app.Services;

    public IVigilStore Store => _app.Services.GetRequiredService<IVigilStore>();

    public static async Task<ConsoleServer> StartAsync(bool demo = false)
    {
        var directory = new TempDirectory("vigil-e2e");
        var app = VigilServer.Build(new ServerSettings
        {
            Store = new StoreLocation { DataDirectory = directory.File("data") },
            StoreFactory = new StoreFactory(),
            Urls = "http://127.0.0.1:0",
            Configure = builder =>
            {
                builder.Logging.ClearProviders();
                // Enrichment and recommendation run when the journey says so (DrainJobsAsync), not on a poller that
                // would move a case while the browser is looking at it.
                builder.Configuration.AddInMemoryCollection([new("Vigil:Jobs:Enabled", "false")]);
            },
        });
        var password = await ServerStartup.PrepareAsync(app, demo, TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException("a fresh store must create the admin account");
        await app.StartAsync(TestContext.Current.CancellationToken);
        var key = await app.Services.GetRequiredService<ApiKeyService>()
            .CreateAsync("e2e-feeder", [Permissions.AlertWrite, Permissions.AlertRead], null, Actor.System, TestContext.Current.CancellationToken);
        var server = new ConsoleServer(app, directory, password, key.Token);
        // Warm up: the first render of a Razor page compiles and JITs a good deal; do it before a browser waits on it.
        using var warm = await server._api.GetAsync(new Uri("/login", UriKind.Relative), TestContext.Current.CancellationToken);
        return server;
    }

    /// <summary>A user with a known password and, optionally, TOTP already enrolled; returns the TOTP secret.</summary>
    public async Task<byte[]?> CreateUserAsync(string username, string password, string[] roles, bool totp)
    {
        var users = _app.Services.GetRequiredService<UserService>();
        var ct = TestContext.Current.CancellationToken;
        await users.CreateAsync(username, password, roles, mustChangePassword: false, Actor.System, ct);
        if (!totp)
        {
            return null;
        }

        var enrolment = await users.BeginTotpEnrolmentAsync(username, ct);
        var secret = Totp.FromBase32(enrolment!.Secret);
        // Enrol with the previous step's code, so the current one is still fresh for the browser sign-in.
        if (!await users.ConfirmTotpEnrolmentAsync(username, Totp.Compute(secret, DateTimeOffset.UtcNow.AddSeconds(-30)), ct))
        {
            throw new InvalidOperationException("enrolment failed");
        }

        return secret;
    }

    /// <summary>Sends alerts through the public ingest API, as a SIEM would; returns the case ids they opened.</summary>
    public async Task<IReadOnlyList<string>> SubmitAlertsAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _api.PostAsync(new Uri("/api/v1/alerts", UriKind.Relative), content, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"ingest answered {(int)response.StatusCode}: {body}");
        }

        using var document = System.Text.Json.JsonDocument.Parse(body);
        var root = document.RootElement;
        var results = root.TryGetProperty("alerts", out var list) ? list.EnumerateArray().ToArray() : [root];
        var ids = results.Select(r => r.GetProperty("case_id").GetString()!).ToArray();
        await DrainJobsAsync();
        return ids;
    }

    /// <summary>Runs the queued pipeline jobs (enrichment, recommendation) until none is left.</summary>
    public async Task DrainJobsAsync()
    {
        var worker = _app.Services.GetRequiredService<JobWorker>();
        while (await worker.RunOnceAsync(TestContext.Current.CancellationToken) > 0)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _api.Dispose();
        await _app.StopAsync(TestContext.Current.CancellationToken);
        await _app.DisposeAsync();
        _directory.Dispose();
    }
}

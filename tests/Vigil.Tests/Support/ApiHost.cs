using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Domain.Access;
using Vigil.Domain.Ledger;
using Vigil.Hosting;
using Vigil.Pipeline.Access;
using Vigil.Pipeline.Ports;
using Vigil.Storage;

namespace Vigil.Tests.Support;

/// <summary>
/// The real server (<see cref="VigilServer.Build"/>: same services, middleware and endpoints as <c>vigil serve</c>)
/// on an in-memory test server. Built directly rather than through WebApplicationFactory&lt;Program&gt;, because
/// Program's entry point is the CLI, which builds a host only under <c>serve</c>.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ApiHost(WebApplication app, string adminToken)
    {
        _app = app;
        AdminToken = adminToken;
        Admin = Client(adminToken);
    }

    public IServiceProvider Services => _app.Services;

    public IVigilStore Store => _app.Services.GetRequiredService<IVigilStore>();

    public string AdminToken { get; }

    /// <summary>A client holding a key with every permission (<c>*</c>).</summary>
    public HttpClient Admin { get; }

    public static async Task<ApiHost> StartAsync(StoreLocation location, IReadOnlyDictionary<string, string?>? configuration = null)
    {
        var app = VigilServer.Build(new ServerSettings
        {
            Store = location,
            StoreFactory = new StoreFactory(),
            Configure = builder =>
            {
                builder.WebHost.UseTestServer();
                // Failures are reported through assertions and problem bodies; console logs would bury them.
                builder.Logging.ClearProviders();
                // Jobs run when a test says so (JobWorker.RunOnceAsync), not on a background poller racing its asserts.
                builder.Configuration.AddInMemoryCollection([new("Vigil:Jobs:Enabled", "false")]);
                if (configuration is not null)
                {
                    builder.Configuration.AddInMemoryCollection(configuration);
                }
            },
        });
        await ServerStartup.PrepareAsync(app, demo: false, TestContext.Current.CancellationToken);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var admin = await app.Services.GetRequiredService<ApiKeyService>()
            .CreateAsync("test-admin", [Permissions.All], null, Actor.System, TestContext.Current.CancellationToken);
        return new ApiHost(app, admin.Token);
    }

    public HttpClient Client(string? token)
    {
        var client = _app.GetTestClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public async Task<HttpClient> ClientWithScopesAsync(params string[] scopes)
    {
        var key = await _app.Services.GetRequiredService<ApiKeyService>()
            .CreateAsync($"test-{string.Join('-', scopes).Replace(':', '_')}", scopes, null, Actor.System, TestContext.Current.CancellationToken);
        return Client(key.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await _app.StopAsync(TestContext.Current.CancellationToken);
        await _app.DisposeAsync();
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Vigil.Connectors.Http;
using Vigil.Connectors.Secrets;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Ports;
using Vigil.Pipeline.Respond.Connectors;
using Vigil.Storage;
using Vigil.Testing;

namespace Vigil.Connectors.Tests.Support;

/// <summary>
/// The connectors as the server composes them (<c>AddVigilConnectors</c>) over a real, migrated SQLite store in a
/// temporary data directory, with configuration given by the test and every log line captured.
/// </summary>
public sealed class ConnectorHarness : IAsyncDisposable
{
    public static readonly Actor Operator = new(ActorKind.Human, "cli/test");

    private readonly TempDirectory _directory;
    private readonly ServiceProvider _services;

    private ConnectorHarness(TempDirectory directory, ServiceProvider services, IVigilStore store, CapturingLoggerProvider logs, FakeTimeProvider? time)
    {
        _directory = directory;
        _services = services;
        Store = store;
        Logs = logs;
        Time = time;
    }

    public IVigilStore Store { get; }

    public CapturingLoggerProvider Logs { get; }

    public FakeTimeProvider? Time { get; }

    public string DataDirectory => _directory.Path;

    public ConnectorSecrets Secrets => Get<ConnectorSecrets>();

    public ConnectorClients Clients => Get<ConnectorClients>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public IActionConnector Connector(string name) =>
        _services.GetServices<IActionConnector>().Single(connector => connector.Name == name);

    public static Task<ConnectorHarness> StartAsync(IDictionary<string, string?> configuration, FakeTimeProvider? time = null) =>
        StartAsync(configuration, time, directory: null);

    /// <summary>Reopens over an existing data directory (a "restart"): same store, same key file.</summary>
    public static async Task<ConnectorHarness> StartAsync(IDictionary<string, string?> configuration, FakeTimeProvider? time, TempDirectory? directory)
    {
        directory ??= new TempDirectory("vigil-connectors");
        var location = new StoreLocation { DataDirectory = directory.Path };
        var store = new StoreFactory().Open(location);
        await store.MigrateAsync(TestContext.Current.CancellationToken);
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build())
            .AddSingleton(store)
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        if (time is not null)
        {
            services.AddSingleton<TimeProvider>(time);
        }

        services.AddVigilConnectors(location);
        return new ConnectorHarness(directory, services.BuildServiceProvider(), store, logs, time);
    }

    /// <summary>Configuration that points a connector at a loopback vendor (and lets it reach loopback).</summary>
    public static Dictionary<string, string?> For(string connector, LoopbackVendor vendor, params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            [$"Vigil:Connectors:{connector}:BaseUrl"] = vendor.BaseUrl.ToString(),
            [$"Vigil:Connectors:{connector}:AllowLoopback"] = "true",
            [$"Vigil:Connectors:{connector}:TimeoutSeconds"] = "5",
        };
        foreach (var (key, value) in settings)
        {
            values[$"Vigil:Connectors:{connector}:{key}"] = value;
        }

        return values;
    }

    /// <summary>Disposes the services and the store but keeps the data directory, for a restart.</summary>
    public async Task<TempDirectory> StopKeepingDataAsync()
    {
        await _services.DisposeAsync();
        await Store.DisposeAsync();
        return _directory;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Store.DisposeAsync();
        _directory.Dispose();
    }
}

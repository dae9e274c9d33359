using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Domain.Ledger;
using Vigil.Pipeline;
using Vigil.Pipeline.Access;
using Vigil.Pipeline.Ports;
using Vigil.Storage;

namespace Vigil.Cli;

/// <summary>
/// What a command that works on the store needs: the store chosen by <c>--data</c>/<c>--db</c> (migrated), and the
/// pipeline services over it. Commands work with no server running; SQLite's file lock and PostgreSQL's row locks
/// keep them safe beside one.
/// </summary>
internal sealed class CliContext : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CliContext(ServiceProvider services, IVigilStore store)
    {
        _services = services;
        Store = store;
    }

    public IVigilStore Store { get; }

    /// <summary>Changes made from the command line are attributed to the operating-system user who ran them.</summary>
    public static Actor Operator { get; } = new(ActorKind.Human, $"cli/{Environment.UserName}");

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public static StoreLocation Location(ParseResult parse) => new()
    {
        DataDirectory = parse.GetValue(GlobalOptions.Data),
        PostgresConnectionString = parse.GetValue(GlobalOptions.Db) ?? NullIfEmpty(Environment.GetEnvironmentVariable("VIGIL_DB")),
    };

    public static Task<CliContext> OpenAsync(ParseResult parse, CancellationToken cancellationToken, bool migrate = true) =>
        OpenAsync(Location(parse), cancellationToken, migrate);

    public static async Task<CliContext> OpenAsync(StoreLocation location, CancellationToken cancellationToken, bool migrate = true)
    {
        var store = new StoreFactory().Open(location);
        if (migrate)
        {
            await store.MigrateAsync(cancellationToken);
        }

        var services = new ServiceCollection()
            .AddSingleton(store)
            .AddSingleton(location)
            .AddVigilPipeline()
            .AddVigilKeyRing(Path.Combine(location.EffectiveDataDirectory, "keys"))
            .BuildServiceProvider();
        return new CliContext(services, store);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Store.DisposeAsync();
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

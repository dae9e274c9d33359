using System.Data.Common;
using Vigil.Pipeline.Ports;
using Vigil.Storage.Engines;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

/// <summary>
/// <see cref="IVigilStore"/> over either engine. Every read opens its own pooled connection, so reads never queue
/// behind a writer; every change goes through a <see cref="StoreTransaction"/>.
/// </summary>
internal sealed partial class VigilStore(StoreEngine engine, TimeProvider time) : IVigilStore
{
    public StoreMode Mode => engine.Mode;

    public string Description => engine.Description;

    public async Task<IStoreTransaction> BeginAsync(CancellationToken cancellationToken) =>
        new StoreTransaction(engine, await engine.BeginWriteAsync(cancellationToken));

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await engine.OpenAsync(cancellationToken);
            await using var command = Db.Command(connection, null, "SELECT 1");
            return await command.ScalarLongAsync(cancellationToken) == 1;
        }
        catch (DbException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync() => engine.DisposeAsync();

    private async Task<IReadOnlyList<T>> ListAsync<T>(string sql, Func<DbDataReader, StoreEngine, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await engine.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, null, sql);
        foreach (var (name, value) in parameters)
        {
            command.Add(name, value);
        }

        return await Query.ListAsync(command, engine, map, cancellationToken);
    }

    private async Task<T?> SingleAsync<T>(string sql, Func<DbDataReader, StoreEngine, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
        where T : class
    {
        var rows = await ListAsync(sql, map, cancellationToken, parameters);
        return rows.Count == 0 ? null : rows[0];
    }

    private async Task<long> CountAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await engine.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, null, sql);
        return await command.ScalarLongAsync(cancellationToken);
    }
}

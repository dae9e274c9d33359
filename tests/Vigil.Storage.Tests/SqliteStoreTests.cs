using Microsoft.Data.Sqlite;
using Vigil.Pipeline.Ports;
using Vigil.Storage.Tests.Compliance;

namespace Vigil.Storage.Tests;

/// <summary>The compliance suite on SQLite, a fresh data directory per test.</summary>
public sealed class SqliteStoreTests : StoreCompliance
{
    protected override async Task<StoreUnderTest> OpenStoreAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "vigil-test-" + Guid.NewGuid().ToString("N"), "data");
        var store = new StoreFactory().Open(new StoreLocation { DataDirectory = directory });
        await store.MigrateAsync(Ct);
        var file = Path.Combine(directory, "vigil.db");
        return new StoreUnderTest(
            store,
            async sql =>
            {
                await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
                await connection.OpenAsync(Ct);
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                return sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
                    ? Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture)
                    : await command.ExecuteNonQueryAsync(Ct);
            },
            () =>
            {
                Directory.Delete(Path.GetDirectoryName(directory)!, recursive: true);
                return ValueTask.CompletedTask;
            });
    }

    [Fact]
    public async Task Open_MissingDirectory_CreatesDatabaseInWalMode()
    {
        await using var store = await OpenStoreAsync();
        Assert.Equal(StoreMode.Solo, store.Store.Mode);
        Assert.EndsWith("vigil.db", store.Store.Description, StringComparison.Ordinal);
        var path = store.Store.Description["sqlite:".Length..];
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(Ct));
    }
}

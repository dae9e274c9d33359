using Microsoft.Data.Sqlite;
using Vigil.Pipeline.Ports;

namespace Vigil.Tests.Api;

/// <summary>The API suite on SQLite, a fresh data directory per test, removed afterwards.</summary>
public sealed class SqliteApiTests : ApiSuite, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "vigil-api-" + Guid.NewGuid().ToString("N"));

    protected override Task<StoreLocation> NewStoreAsync() =>
        Task.FromResult(new StoreLocation { DataDirectory = Path.Combine(_root, Guid.NewGuid().ToString("N")) });

    protected override async Task<long> ExecuteSqlAsync(StoreLocation location, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(location.EffectiveDataDirectory, "vigil.db")};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(Ct);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}

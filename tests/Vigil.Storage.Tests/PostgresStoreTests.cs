using Npgsql;
using Vigil.Pipeline.Ports;
using Vigil.Storage.Tests.Compliance;
using Vigil.Testing;

namespace Vigil.Storage.Tests;

/// <summary>The compliance suite on PostgreSQL (see <see cref="PostgresDatabase"/> for where the server comes from).</summary>
public sealed class PostgresStoreTests(PostgresDatabase database) : StoreCompliance, IClassFixture<PostgresDatabase>
{
    protected override async Task<StoreUnderTest> OpenStoreAsync()
    {
        var connectionString = await database.NewSchemaAsync(Ct);
        var store = new StoreFactory().Open(new StoreLocation { PostgresConnectionString = connectionString });
        await store.MigrateAsync(Ct);
        return new StoreUnderTest(store, async sql =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand(sql, connection);
            return sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
                ? Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture)
                : await command.ExecuteNonQueryAsync(Ct);
        });
    }

    [Fact]
    public async Task Migrate_TwoNodesAtOnce_AppliesOnce()
    {
        var connectionString = await database.NewSchemaAsync(Ct);
        await using var first = new StoreFactory().Open(new StoreLocation { PostgresConnectionString = connectionString });
        await using var second = new StoreFactory().Open(new StoreLocation { PostgresConnectionString = connectionString });
        var results = await Task.WhenAll(first.MigrateAsync(Ct), second.MigrateAsync(Ct));
        Assert.Equal(1, results.Count(applied => applied.Count > 0));
        Assert.Equal(StoreMode.Clustered, first.Mode);
        Assert.DoesNotContain("Password", first.Description, StringComparison.OrdinalIgnoreCase);
    }
}

using Npgsql;
using Vigil.Pipeline.Ports;
using Vigil.Testing;

namespace Vigil.Tests.Api;

/// <summary>The API suite on PostgreSQL: a schema per test in a throwaway database (see <see cref="PostgresDatabase"/>).</summary>
public sealed class PostgresApiTests(PostgresDatabase database) : ApiSuite, IClassFixture<PostgresDatabase>
{
    protected override async Task<StoreLocation> NewStoreAsync() =>
        new() { PostgresConnectionString = await database.NewSchemaAsync(Ct) };

    protected override async Task<long> ExecuteSqlAsync(StoreLocation location, string sql)
    {
        await using var connection = new NpgsqlConnection(location.PostgresConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(Ct);
    }
}

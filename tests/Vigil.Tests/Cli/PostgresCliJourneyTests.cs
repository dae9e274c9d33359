using Npgsql;
using Vigil.Testing;

namespace Vigil.Tests.Cli;

public sealed class PostgresCliJourneyTests(PostgresDatabase database) : CliJourney, IClassFixture<PostgresDatabase>
{
    protected override async Task<CliEngine> OpenEngineAsync()
    {
        var connectionString = await database.NewSchemaAsync(Ct);
        return new CliEngine(["--db", connectionString], async sql =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand(sql, connection);
            return await command.ExecuteNonQueryAsync(Ct);
        });
    }
}

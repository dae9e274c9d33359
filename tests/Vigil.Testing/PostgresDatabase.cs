using Npgsql;
using Xunit;

namespace Vigil.Testing;

/// <summary>
/// A throwaway database per test class on the server named by VIGIL_TEST_POSTGRES, dropped afterwards; each test
/// gets its own schema inside it. PostgreSQL is not optional: without the variable the tests fail, unless
/// VIGIL_SKIP_POSTGRES=1 says to skip them on purpose.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public const string Variable = "VIGIL_TEST_POSTGRES";
    public const string SkipVariable = "VIGIL_SKIP_POSTGRES";

    private readonly string? _server = Environment.GetEnvironmentVariable(Variable);
    private readonly string _database = "vigil_test_" + Guid.NewGuid().ToString("N")[..12];
    private int _schemas;

    public static bool SkipRequested => Environment.GetEnvironmentVariable(SkipVariable) == "1";

    /// <summary>A connection string for a new, empty schema in this class's database.</summary>
    public async Task<string> NewSchemaAsync(CancellationToken cancellationToken)
    {
        if (_server is null)
        {
            if (SkipRequested)
            {
                Assert.Skip($"{SkipVariable}=1: PostgreSQL tests skipped on purpose.");
            }

            Assert.Fail($"{Variable} is not set. The PostgreSQL compliance tests need a server (./test.sh starts one); "
                + $"set {SkipVariable}=1 to skip them explicitly.");
        }

        var schema = "s" + Interlocked.Increment(ref _schemas).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var builder = new NpgsqlConnectionStringBuilder(_server) { Database = _database, SearchPath = schema };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return builder.ConnectionString;
    }

    public async ValueTask InitializeAsync()
    {
        if (_server is null)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {_database}", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}

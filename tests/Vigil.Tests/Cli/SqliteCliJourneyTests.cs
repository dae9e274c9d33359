using Microsoft.Data.Sqlite;
using Vigil.Testing;

namespace Vigil.Tests.Cli;

public sealed class SqliteCliJourneyTests : CliJourney, IDisposable
{
    private readonly TempDirectory _data = new("vigil-cli");

    protected override Task<CliEngine> OpenEngineAsync()
    {
        var database = Path.Combine(_data.Path, "vigil.db");
        return Task.FromResult(new CliEngine(["--data", _data.Path], async sql =>
        {
            await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteNonQueryAsync(Ct);
        }));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}

using Microsoft.Data.Sqlite;
using Vigil.Testing;

namespace Vigil.Tests.Durability;

public sealed class SqliteKillDuringIngestTests : KillDuringIngest, IDisposable
{
    private readonly TempDirectory _data = new("vigil-kill");

    protected override Task<string[]> StoreArgsAsync() => Task.FromResult<string[]>(["--data", _data.Path]);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}

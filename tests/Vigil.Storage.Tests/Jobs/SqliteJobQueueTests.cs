using Microsoft.Data.Sqlite;
using Vigil.Pipeline.Ports;
using Vigil.Testing;

namespace Vigil.Storage.Tests.Jobs;

public sealed class SqliteJobQueueTests : JobQueueCompliance, IDisposable
{
    private readonly TempDirectory _data = new("vigil-jobs");

    protected override async Task<IVigilStore> OpenStoreAsync()
    {
        var store = new StoreFactory().Open(new StoreLocation { DataDirectory = Path.Combine(_data.Path, Guid.NewGuid().ToString("N")) });
        await store.MigrateAsync(Ct);
        return store;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}

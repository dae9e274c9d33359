using Vigil.Pipeline.Ports;

namespace Vigil.Storage.Tests;

/// <summary>A migrated store and a way to reach its tables behind its back (to tamper with the ledger).</summary>
public sealed class StoreUnderTest(IVigilStore store, Func<string, Task<long>> executeSql, Func<ValueTask>? cleanup = null) : IAsyncDisposable
{
    public IVigilStore Store => store;

    /// <summary>Runs SQL directly; returns the first column of the first row, or the affected row count.</summary>
    public Task<long> ExecuteSqlAsync(string sql) => executeSql(sql);

    public async ValueTask DisposeAsync()
    {
        await store.DisposeAsync();
        if (cleanup is not null)
        {
            await cleanup();
        }
    }
}

using Vigil.Pipeline.Ports;
using Vigil.Testing;

namespace Vigil.Storage.Tests.Jobs;

public sealed class PostgresJobQueueTests(PostgresDatabase database) : JobQueueCompliance, IClassFixture<PostgresDatabase>
{
    protected override async Task<IVigilStore> OpenStoreAsync()
    {
        var store = new StoreFactory().Open(new StoreLocation { PostgresConnectionString = await database.NewSchemaAsync(Ct) });
        await store.MigrateAsync(Ct);
        return store;
    }
}

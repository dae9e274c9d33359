using Vigil.Testing;

namespace Vigil.Tests.Durability;

public sealed class PostgresKillDuringIngestTests(PostgresDatabase database) : KillDuringIngest, IClassFixture<PostgresDatabase>
{
    protected override int Rounds => 2;

    protected override async Task<string[]> StoreArgsAsync() => ["--db", await database.NewSchemaAsync(Ct)];
}

using System.Data;
using System.Data.Common;
using Npgsql;
using Vigil.Pipeline.Ports;

namespace Vigil.Storage.Engines;

/// <summary>
/// PostgreSQL shared by any number of nodes. Writers do not queue here: rows that must not change under a transaction
/// are locked with SELECT … FOR UPDATE, and ledger heads are locked row by row, so nodes serialise only where they
/// touch the same case or chain.
/// </summary>
internal sealed class PostgresEngine : StoreEngine
{
    // pg_advisory_xact_lock key for migrations: "vigl" in ASCII, so it is recognisable in pg_locks.
    private const long MigrationLockKey = 0x7669676C;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _description;

    public PostgresEngine(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString.ToKeyValue(connectionString));
        _description = $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}";
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    public override StoreMode Mode => StoreMode.Clustered;

    public override string Description => _description;

    public override string MigrationFolder => "Postgres";

    public override string ForUpdate => " FOR UPDATE";

    public override bool BatchesLookups => true;

    public override string InsensitiveLike => "ILIKE";

    public override DbType TimeType => DbType.DateTimeOffset;

    public override string MigrationsTableSql =>
        $"CREATE TABLE IF NOT EXISTS {VigilTables.Migrations} (name TEXT NOT NULL PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)";

    public override string? MigrationLockSql => $"SELECT pg_advisory_xact_lock({MigrationLockKey})";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public override async Task<DbTransaction> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            return await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override async ValueTask EndWriteAsync(DbTransaction transaction)
    {
        var connection = transaction.Connection;
        await transaction.DisposeAsync();
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }

    // Npgsql truncates toward the PostgreSQL epoch (2000), which rounds earlier times up; handing it whole
    // microseconds keeps both engines and LedgerHasher in agreement.
    public override object ToDb(DateTimeOffset time) => UnixMicros.Truncate(time);

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    // Prepared statements live on the physical connection, so later transactions on it reuse the server-side plan.
    public override Task PrepareAsync(DbCommand command, CancellationToken cancellationToken) => command.PrepareAsync(cancellationToken);

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}

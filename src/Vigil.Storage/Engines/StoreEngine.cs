using System.Data;
using System.Data.Common;
using Vigil.Pipeline.Ports;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Engines;

/// <summary>
/// What differs between SQLite and PostgreSQL: connections, the writer lock, how a time is stored, and a few SQL
/// fragments. Everything else (the SQL itself, row mapping, paging) is shared, so both engines answer alike.
/// </summary>
internal abstract class StoreEngine : IAsyncDisposable
{
    public abstract StoreMode Mode { get; }

    public abstract string Description { get; }

    /// <summary>Folder under Migrations/ that holds this engine's scripts.</summary>
    public abstract string MigrationFolder { get; }

    /// <summary>Appended to a SELECT that must lock its rows for the transaction.</summary>
    public abstract string ForUpdate { get; }

    /// <summary>The case-insensitive LIKE operator.</summary>
    public abstract string InsensitiveLike { get; }

    /// <summary>
    /// True where every statement is a network round trip (PostgreSQL), so lookups of several keys go in one IN list;
    /// false in-process (SQLite), where one indexed probe per key is cheaper than the temporary b-trees an IN list needs.
    /// </summary>
    public abstract bool BatchesLookups { get; }

    /// <summary>How a time is bound as a parameter.</summary>
    public abstract DbType TimeType { get; }

    /// <summary>DDL creating the migrations table when it is missing.</summary>
    public abstract string MigrationsTableSql { get; }

    /// <summary>SQL run first inside the migration transaction so that two nodes starting at once take turns.</summary>
    public abstract string? MigrationLockSql { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Opens a connection and a write transaction, holding whatever the engine needs to serialise writers.</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(CancellationToken cancellationToken);

    /// <summary>Ends what <see cref="BeginWriteAsync"/> began (rolling back if it was not committed).</summary>
    public abstract ValueTask EndWriteAsync(DbTransaction transaction);

    public abstract object ToDb(DateTimeOffset time);

    public abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    /// <summary>Readies a command that will run many times in one transaction (server-side prepare where it pays).</summary>
    public abstract Task PrepareAsync(DbCommand command, CancellationToken cancellationToken);

    /// <summary>
    /// Prepared commands that outlive the transaction, kept with its connection, or null when each transaction
    /// prepares its own (and disposes them at its end).
    /// </summary>
    public virtual Dictionary<Statement, DbCommand>? PreparedCommands(DbTransaction transaction) => null;

    public object ToDbOrNull(DateTimeOffset? time) => time is { } value ? ToDb(value) : DBNull.Value;

    public DateTimeOffset? ReadNullableTime(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadTime(reader, ordinal);

    public abstract ValueTask DisposeAsync();
}

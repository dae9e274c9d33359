using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Vigil.Pipeline.Ports;

namespace Vigil.Storage.Engines;

/// <summary>
/// SQLite in WAL mode with one writer. Writers queue on a semaphore in this process before BEGIN IMMEDIATE, so
/// concurrent API requests wait their turn instead of failing with SQLITE_BUSY; readers use their own pooled
/// connections and see the last committed state without blocking the writer (WAL).
/// </summary>
internal sealed class SqliteEngine : StoreEngine
{
    public const string FileName = "vigil.db";

    // Another process (a CLI command beside a running server) may hold the write lock for a moment.
    private const int BusyTimeoutMilliseconds = 10_000;

    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly string _connectionString;
    private readonly string _path;
    private int _walChecked;

    public SqliteEngine(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        _path = Path.Combine(dataDirectory, FileName);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();
    }

    public override StoreMode Mode => StoreMode.Solo;

    public override string Description => $"sqlite:{_path}";

    public override string MigrationFolder => "Sqlite";

    public override string ForUpdate => string.Empty;

    public override string InsensitiveLike => "LIKE";

    public override DbType TimeType => DbType.Int64;

    public override string MigrationsTableSql =>
        $"CREATE TABLE IF NOT EXISTS {VigilTables.Migrations} (name TEXT NOT NULL PRIMARY KEY, applied_at INTEGER NOT NULL)";

    public override string? MigrationLockSql => null;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // synchronous=FULL: in WAL mode NORMAL may lose the last commits on power loss; FULL fsyncs the WAL on every
            // commit, so an acknowledged write survives kill -9 and power loss. It is a per-connection setting, hence
            // set on every open. journal_mode=WAL persists in the file; it is checked once per process.
            command.CommandText = Volatile.Read(ref _walChecked) == 0
                ? $"PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout={BusyTimeoutMilliseconds};"
                : $"PRAGMA synchronous=FULL; PRAGMA busy_timeout={BusyTimeoutMilliseconds};";
            await command.ExecuteNonQueryAsync(cancellationToken);
            Volatile.Write(ref _walChecked, 1);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override async Task<DbTransaction> BeginWriteAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        DbConnection? connection = null;
        try
        {
            connection = await OpenAsync(cancellationToken);
            // deferred: false is BEGIN IMMEDIATE: the write lock is taken now, not at the first write, so a transaction
            // that reads then writes cannot fail half-way with SQLITE_BUSY.
            return ((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            _writer.Release();
            throw;
        }
    }

    public override async ValueTask EndWriteAsync(DbTransaction transaction)
    {
        var connection = transaction.Connection;
        try
        {
            await transaction.DisposeAsync();
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    public override object ToDb(DateTimeOffset time) => UnixMicros.From(time);

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => UnixMicros.To(reader.GetInt64(ordinal));

    // Microsoft.Data.Sqlite prepares a command's statements on first execution and keeps them while the command lives.
    public override Task PrepareAsync(DbCommand command, CancellationToken cancellationToken) => Task.CompletedTask;

    public override ValueTask DisposeAsync()
    {
        _writer.Dispose();
        // Pooled connections keep the file open; release them so the directory can be removed or copied.
        SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
        return ValueTask.CompletedTask;
    }
}

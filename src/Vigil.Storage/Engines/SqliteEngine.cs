using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Vigil.Pipeline.Ports;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Engines;

/// <summary>
/// SQLite in WAL mode with one writer. Writers queue on a semaphore in this process before BEGIN IMMEDIATE, so
/// concurrent API requests wait their turn instead of failing with SQLITE_BUSY; readers use their own pooled
/// connections and see the last committed state without blocking the writer (WAL).
/// </summary>
/// <remarks>
/// Every write in this process goes through one long-lived connection. SQLite drops a connection's whole page cache
/// when it begins a transaction after another connection has written, so writers taking turns on pooled connections
/// began every transaction cold: re-reading the b-tree pages of every index they touched (pread was 22% of the ingest
/// path's SQLite time) and re-preparing every statement. One writer connection keeps its cache warm across
/// transactions and keeps its prepared statements (<see cref="PreparedCommands"/>) for its lifetime.
/// </remarks>
internal sealed class SqliteEngine : StoreEngine
{
    public const string FileName = "vigil.db";

    // Another process (a CLI command beside a running server) may hold the write lock for a moment.
    private const int BusyTimeoutMilliseconds = 10_000;

    // The writer's page cache, in KiB (negative: a size, not a page count). The default 2 MB made a 500-alert batch
    // spill dirty pages to the WAL mid-transaction and evict the index pages the next alert needed.
    private const int WriterCacheKibibytes = 65_536;

    // WAL pages before the writer copies them back into the database file. At SQLite's default of 1,000 (4 MB) nearly
    // every 500-alert commit ran a checkpoint (22% of the ingest path's time went to commit); 16,000 pages (64 MB)
    // let the same hot index pages be rewritten in the WAL several times before one checkpoint copies them. Every
    // commit still fsyncs the WAL, so durability is unchanged; recovery after a crash replays a longer WAL.
    private const int WriterAutoCheckpointPages = 16_000;

    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly string _connectionString;
    private readonly string _path;
    private int _walChecked;

    // Owned by whoever holds _writer.
    private SqliteConnection? _writerConnection;
    private Dictionary<Statement, DbCommand>? _writerCommands;

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

    public override bool BatchesLookups => false;

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
        try
        {
            if (_writerConnection is null)
            {
                var connection = (SqliteConnection)await OpenAsync(cancellationToken);
                _writerConnection = connection;
                _writerCommands = new Dictionary<Statement, DbCommand>(ReferenceEqualityComparer.Instance);
                await using var command = connection.CreateCommand();
                command.CommandText = $"PRAGMA cache_size=-{WriterCacheKibibytes}; PRAGMA wal_autocheckpoint={WriterAutoCheckpointPages};";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            // deferred: false is BEGIN IMMEDIATE: the write lock is taken now, not at the first write, so a transaction
            // that reads then writes cannot fail half-way with SQLITE_BUSY.
            return _writerConnection.BeginTransaction(IsolationLevel.Serializable, deferred: false);
        }
        catch
        {
            await DropWriterAsync();
            _writer.Release();
            throw;
        }
    }

    public override async ValueTask EndWriteAsync(DbTransaction transaction)
    {
        try
        {
            await transaction.DisposeAsync();
            // Disposing an uncommitted transaction rolls it back; a connection still inside a transaction after that
            // (a failed rollback) is not handed to the next writer.
            if (_writerConnection is { } connection && SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0)
            {
                await DropWriterAsync();
            }
        }
        catch
        {
            await DropWriterAsync();
            throw;
        }
        finally
        {
            _writer.Release();
        }
    }

    public override Dictionary<Statement, DbCommand>? PreparedCommands(DbTransaction transaction) =>
        ReferenceEquals(transaction.Connection, _writerConnection) ? _writerCommands : null;

    public override object ToDb(DateTimeOffset time) => UnixMicros.From(time);

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => UnixMicros.To(reader.GetInt64(ordinal));

    // Microsoft.Data.Sqlite prepares a command's statements on first execution and keeps them while the command lives.
    public override Task PrepareAsync(DbCommand command, CancellationToken cancellationToken) => Task.CompletedTask;

    public override async ValueTask DisposeAsync()
    {
        await DropWriterAsync();
        _writer.Dispose();
        // Pooled connections keep the file open; release them so the directory can be removed or copied.
        SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
    }

    private async ValueTask DropWriterAsync()
    {
        if (_writerCommands is not null)
        {
            foreach (var command in _writerCommands.Values)
            {
                await command.DisposeAsync();
            }

            _writerCommands = null;
        }

        if (_writerConnection is not null)
        {
            await _writerConnection.DisposeAsync();
            _writerConnection = null;
        }
    }
}

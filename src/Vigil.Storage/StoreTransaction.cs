using System.Data;
using System.Data.Common;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Ports;
using Vigil.Storage.Engines;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

/// <summary>
/// One unit of work on one connection. Statements on the ingestion path are prepared once per transaction and reused;
/// ledger heads are locked on first use and written back once, at commit.
/// </summary>
internal sealed partial class StoreTransaction(StoreEngine engine, DbTransaction transaction) : IStoreTransaction
{
    private readonly DbConnection _connection = transaction.Connection!;
    private readonly Dictionary<Statement, DbCommand>? _sharedPrepared = engine.PreparedCommands(transaction);
    private readonly Dictionary<Statement, DbCommand> _prepared = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, LedgerHead> _heads = new(StringComparer.Ordinal);
    private readonly HashSet<string> _newCases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _entitiesSeen = new(StringComparer.Ordinal);
    private JsonText? _json;
    private bool _done;

    private JsonText Json => _json ??= new JsonText();

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        await WriteHeadsAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _done = true;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _prepared.Values)
        {
            if (_sharedPrepared is null)
            {
                await command.DisposeAsync();
            }
            else
            {
                // Kept by the connection for the next transaction; a reader left open must not pin it.
                command.Transaction = null;
            }
        }

        _prepared.Clear();
        _done = true;
        // Disposing an uncommitted transaction rolls it back.
        await engine.EndWriteAsync(transaction);
    }

    private async ValueTask<DbCommand> PreparedAsync(Statement statement, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        if (_prepared.TryGetValue(statement, out var command))
        {
            return command;
        }

        if (_sharedPrepared is not null && _sharedPrepared.TryGetValue(statement, out command))
        {
            command.Transaction = transaction;
            _prepared.Add(statement, command);
            return command;
        }

        command = Db.Command(_connection, transaction, statement.Sql);
        foreach (var (name, kind) in statement.Parameters)
        {
            command.Declare(name, kind switch
            {
                ParameterKind.Text => DbType.String,
                ParameterKind.Integer => DbType.Int32,
                ParameterKind.BigInteger => DbType.Int64,
                ParameterKind.Time => engine.TimeType,
                _ => throw new ArgumentOutOfRangeException(nameof(statement), kind, null),
            });
        }

        await engine.PrepareAsync(command, cancellationToken);
        _prepared.Add(statement, command);
        _sharedPrepared?.Add(statement, command);
        return command;
    }

    private DbCommand Command(string sql)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        return Db.Command(_connection, transaction, sql);
    }
}

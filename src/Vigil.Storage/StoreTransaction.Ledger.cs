using Vigil.Domain.Ledger;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

internal sealed partial class StoreTransaction
{
    public async Task<LedgerEntry> AppendLedgerAsync(string chainId, string kind, Actor actor, DateTimeOffset at, string payload, CancellationToken cancellationToken)
    {
        if (!_heads.TryGetValue(chainId, out var head))
        {
            head = await LockHeadAsync(chainId, cancellationToken);
        }

        var entry = LedgerHasher.Next(head.Seq == 0 ? null : head, chainId, kind, actor, at, payload);
        var insert = await PreparedAsync(HotStatements.InsertLedger, cancellationToken);
        insert.Set(0, entry.ChainId);
        insert.Set(1, entry.Seq);
        insert.Set(2, entry.Kind);
        insert.Set(3, entry.Actor.ToString());
        insert.Set(4, engine.ToDb(entry.At));
        insert.Set(5, entry.Payload);
        insert.Set(6, entry.PrevHash);
        insert.Set(7, entry.Hash);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        _heads[chainId] = new LedgerHead(chainId, entry.Seq, entry.Hash);
        return entry;
    }

    /// <summary>
    /// Creates the chain's head row if the chain is new and locks it until this transaction ends, so that writers on
    /// every node append to one chain one at a time and each entry hashes onto the one before it.
    /// </summary>
    private async Task<LedgerHead> LockHeadAsync(string chainId, CancellationToken cancellationToken)
    {
        var command = await PreparedAsync(HotStatements.LockHead, cancellationToken);
        command.Set(0, chainId);
        command.Set(1, LedgerHasher.Genesis);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new LedgerHead(chainId, reader.GetInt64(0), reader.GetString(1));
    }

    private async Task WriteHeadsAsync(CancellationToken cancellationToken)
    {
        if (_heads.Count == 0)
        {
            return;
        }

        var command = await PreparedAsync(HotStatements.UpdateHead, cancellationToken);
        foreach (var head in _heads.Values)
        {
            command.Set(0, head.Seq);
            command.Set(1, head.Hash);
            command.Set(2, head.ChainId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

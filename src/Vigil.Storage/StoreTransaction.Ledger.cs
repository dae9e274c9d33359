using System.Globalization;
using System.Text;
using Vigil.Domain.Ledger;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

internal sealed partial class StoreTransaction
{
    // Heads are written back in multi-row statements: one round trip per 200 chains instead of one per chain, which
    // on PostgreSQL is the difference between a 500-case batch committing in one trip or in hundreds.
    private const int HeadsPerStatement = 200;

    public async Task<LedgerEntry> AppendLedgerAsync(string chainId, string kind, Actor actor, DateTimeOffset at, string payload, CancellationToken cancellationToken)
    {
        if (!_heads.TryGetValue(chainId, out var head))
        {
            // A case inserted by this transaction is invisible to every other one, so its chain is new and needs no
            // lock; should another writer append to the same chain id anyway, the (chain_id, seq) key refuses one.
            head = _newCases.Contains(chainId)
                ? new LedgerHead(chainId, 0, LedgerHasher.Genesis)
                : await LockHeadAsync(chainId, cancellationToken);
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
        var pending = _heads.Values.ToArray();
        for (var start = 0; start < pending.Length; start += HeadsPerStatement)
        {
            var count = Math.Min(HeadsPerStatement, pending.Length - start);
            var sql = new StringBuilder($"INSERT INTO {VigilTables.LedgerHeads} (chain_id, seq, hash) VALUES ");
            await using var command = Command(string.Empty);
            for (var i = 0; i < count; i++)
            {
                var head = pending[start + i];
                var n = i.ToString(CultureInfo.InvariantCulture);
                sql.Append(i == 0 ? "(@c" : ", (@c").Append(n).Append(", @s").Append(n).Append(", @h").Append(n).Append(')');
                command.Add("@c" + n, head.ChainId).Add("@s" + n, head.Seq).Add("@h" + n, head.Hash);
            }

            command.CommandText = sql.Append(" ON CONFLICT (chain_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash").ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

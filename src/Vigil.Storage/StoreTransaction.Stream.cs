using Vigil.Storage.Sql;

namespace Vigil.Storage;

internal sealed partial class StoreTransaction
{
    public async Task<bool> ClaimStreamReceiverAsync(string receiver, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        await using (var insert = Command(
            $"INSERT INTO {VigilTables.StreamReceivers} (receiver, delivered, failures, attempts) VALUES (@receiver, 0, 0, 0) ON CONFLICT DO NOTHING")
            .Add("@receiver", receiver))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var claim = Command(
            $"UPDATE {VigilTables.StreamReceivers} SET lease_owner = @owner, lease_until = @until WHERE receiver = @receiver "
            + "AND (lease_until IS NULL OR lease_until < @now OR lease_owner = @owner) AND (next_attempt_at IS NULL OR next_attempt_at <= @now)")
            .Add("@owner", owner)
            .Add("@until", engine.ToDb(leaseUntil))
            .Add("@receiver", receiver)
            .Add("@now", engine.ToDb(now));
        return await claim.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task AdvanceStreamCursorAsync(string receiver, string chainId, long seq, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"INSERT INTO {VigilTables.StreamCursors} (receiver, chain_id, seq) VALUES (@receiver, @chain_id, @seq) "
            + $"ON CONFLICT (receiver, chain_id) DO UPDATE SET seq = excluded.seq WHERE {VigilTables.StreamCursors}.seq < excluded.seq")
            .Add("@receiver", receiver)
            .Add("@chain_id", chainId)
            .Add("@seq", seq);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RecordStreamDeliveryAsync(string receiver, int entries, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"UPDATE {VigilTables.StreamReceivers} SET delivered = delivered + @entries, attempts = 0, next_attempt_at = NULL, last_error = NULL, "
            + "last_delivered_at = CASE WHEN @entries > 0 THEN @at ELSE last_delivered_at END, lease_owner = NULL, lease_until = NULL WHERE receiver = @receiver")
            .Add("@entries", (long)entries)
            .Add("@at", engine.ToDb(at))
            .Add("@receiver", receiver);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RecordStreamFailureAsync(string receiver, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"UPDATE {VigilTables.StreamReceivers} SET failures = failures + 1, attempts = attempts + 1, next_attempt_at = @next, last_error = @error, "
            + "lease_owner = NULL, lease_until = NULL WHERE receiver = @receiver")
            .Add("@next", engine.ToDb(nextAttemptAt))
            .Add("@error", error)
            .Add("@receiver", receiver);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

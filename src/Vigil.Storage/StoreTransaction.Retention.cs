using Vigil.Domain.Evidence;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

internal sealed partial class StoreTransaction
{
    public async Task<bool> SetLegalHoldAsync(LegalHold hold, CancellationToken cancellationToken)
    {
        await using var command = Command($"INSERT INTO {VigilTables.LegalHolds} ({RetentionRows.HoldColumns}) VALUES (@case_id, @reason, @set_by, @set_at) ON CONFLICT DO NOTHING")
            .Add("@case_id", hold.CaseId)
            .Add("@reason", hold.Reason)
            .Add("@set_by", hold.SetBy)
            .Add("@set_at", engine.ToDb(hold.SetAt));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> ReleaseLegalHoldAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var command = Command($"DELETE FROM {VigilTables.LegalHolds} WHERE case_id = @case_id").Add("@case_id", caseId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> IsOnLegalHoldAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT COUNT(*) FROM {VigilTables.LegalHolds} WHERE case_id = @case_id").Add("@case_id", caseId);
        return await command.ScalarLongAsync(cancellationToken) > 0;
    }

    public async Task<bool> DisposeAlertPayloadAsync(string alertId, string marker, CancellationToken cancellationToken)
    {
        await using var command = Command($"UPDATE {VigilTables.Alerts} SET raw_payload = @marker WHERE id = @id AND raw_payload <> @marker")
            .Add("@marker", marker)
            .Add("@id", alertId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> DisposeArtefactAsync(string artefactId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var mark = Command($"UPDATE {VigilTables.Artefacts} SET disposed_at = @at WHERE id = @id AND disposed_at IS NULL")
            .Add("@at", engine.ToDb(at))
            .Add("@id", artefactId);
        if (await mark.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            return false;
        }

        // The same file may be evidence on another case whose retention has not run out (or that is on hold).
        await using var drop = Command(
            $"UPDATE {VigilTables.ArtefactBlobs} SET content = NULL, disposed_at = @at "
            + $"WHERE sha256 = (SELECT sha256 FROM {VigilTables.Artefacts} WHERE id = @id) "
            + $"AND NOT EXISTS (SELECT 1 FROM {VigilTables.Artefacts} a WHERE a.sha256 = {VigilTables.ArtefactBlobs}.sha256 AND a.disposed_at IS NULL)")
            .Add("@at", engine.ToDb(at))
            .Add("@id", artefactId);
        await drop.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    public async Task InsertTombstoneAsync(Tombstone tombstone, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"INSERT INTO {VigilTables.Tombstones} ({RetentionRows.TombstoneColumns}) VALUES (@id, @run_id, @case_id, @kind, @ref_id, @sha256, @size, @rule, @disposed_at)")
            .Add("@id", tombstone.Id)
            .Add("@run_id", tombstone.RunId)
            .Add("@case_id", tombstone.CaseId)
            .Add("@kind", tombstone.Kind)
            .Add("@ref_id", tombstone.RefId)
            .Add("@sha256", tombstone.Sha256)
            .Add("@size", tombstone.Size)
            .Add("@rule", tombstone.Rule)
            .Add("@disposed_at", engine.ToDb(tombstone.DisposedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

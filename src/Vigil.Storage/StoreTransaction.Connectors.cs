using Vigil.Pipeline.Ports;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

internal sealed partial class StoreTransaction
{
    public async Task SetConnectorSecretAsync(ConnectorSecretRecord secret, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"INSERT INTO {VigilTables.ConnectorSecrets} ({VigilStore.SecretColumns}) VALUES (@connector, @name, @protected_value, @updated_at, @updated_by)"
            + " ON CONFLICT (connector, name) DO UPDATE SET protected_value = excluded.protected_value, updated_at = excluded.updated_at, updated_by = excluded.updated_by")
            .Add("@connector", secret.Connector)
            .Add("@name", secret.Name)
            .Add("@protected_value", secret.ProtectedValue)
            .Add("@updated_at", engine.ToDb(secret.UpdatedAt))
            .Add("@updated_by", secret.UpdatedBy);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> DeleteConnectorSecretAsync(string connector, string name, CancellationToken cancellationToken)
    {
        await using var command = Command($"DELETE FROM {VigilTables.ConnectorSecrets} WHERE connector = @connector AND name = @name")
            .Add("@connector", connector)
            .Add("@name", name);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task InsertDataProtectionKeyAsync(string name, string xml, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = Command($"INSERT INTO {VigilTables.DataProtectionKeys} (name, xml, created_at) VALUES (@name, @xml, @created_at)")
            .Add("@name", name)
            .Add("@xml", xml)
            .Add("@created_at", engine.ToDb(at));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task UpsertBlocklistEntryAsync(BlocklistEntry entry, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"INSERT INTO {VigilTables.Blocklist} ({VigilStore.BlocklistColumns}) VALUES (@kind, @value, @added_at, @expires_at, @case_id, @request_id, @reason)"
            + " ON CONFLICT (kind, value) DO UPDATE SET added_at = excluded.added_at, expires_at = excluded.expires_at, case_id = excluded.case_id,"
            + " request_id = excluded.request_id, reason = excluded.reason")
            .Add("@kind", VigilStore.KindName(entry.Kind))
            .Add("@value", entry.Value)
            .Add("@added_at", engine.ToDb(entry.AddedAt))
            .Add("@expires_at", engine.ToDbOrNull(entry.ExpiresAt))
            .Add("@case_id", entry.CaseId)
            .Add("@request_id", entry.RequestId)
            .Add("@reason", entry.Reason);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> RemoveBlocklistEntryAsync(BlocklistKind kind, string value, CancellationToken cancellationToken)
    {
        await using var command = Command($"DELETE FROM {VigilTables.Blocklist} WHERE kind = @kind AND value = @value")
            .Add("@kind", VigilStore.KindName(kind))
            .Add("@value", value);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}

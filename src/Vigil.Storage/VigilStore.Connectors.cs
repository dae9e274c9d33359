using System.Data.Common;
using Vigil.Pipeline.Ports;
using Vigil.Storage.Engines;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

internal sealed partial class VigilStore
{
    internal const string SecretColumns = "connector, name, protected_value, updated_at, updated_by";
    internal const string BlocklistColumns = "kind, value, added_at, expires_at, case_id, request_id, reason";

    public Task<ConnectorSecretRecord?> GetConnectorSecretAsync(string connector, string name, CancellationToken cancellationToken) =>
        SingleAsync($"SELECT {SecretColumns} FROM {VigilTables.ConnectorSecrets} WHERE connector = @connector AND name = @name",
            Secret, cancellationToken, ("@connector", connector), ("@name", name));

    public Task<IReadOnlyList<ConnectorSecretRecord>> ListConnectorSecretsAsync(CancellationToken cancellationToken) =>
        ListAsync($"SELECT {SecretColumns} FROM {VigilTables.ConnectorSecrets} ORDER BY connector, name", Secret, cancellationToken);

    public Task<IReadOnlyList<string>> ListDataProtectionKeysAsync(CancellationToken cancellationToken) =>
        ListAsync($"SELECT xml FROM {VigilTables.DataProtectionKeys} ORDER BY created_at, name", static (r, _) => r.GetString(0), cancellationToken);

    public Task<BlocklistEntry?> GetBlocklistEntryAsync(BlocklistKind kind, string value, CancellationToken cancellationToken) =>
        SingleAsync($"SELECT {BlocklistColumns} FROM {VigilTables.Blocklist} WHERE kind = @kind AND value = @value",
            Blocklisted, cancellationToken, ("@kind", KindName(kind)), ("@value", value));

    public Task<IReadOnlyList<BlocklistEntry>> ListBlocklistAsync(BlocklistKind kind, DateTimeOffset now, CancellationToken cancellationToken) =>
        ListAsync($"SELECT {BlocklistColumns} FROM {VigilTables.Blocklist} WHERE kind = @kind AND (expires_at IS NULL OR expires_at > @now) ORDER BY value",
            Blocklisted, cancellationToken, ("@kind", KindName(kind)), ("@now", engine.ToDb(now)));

    internal static string KindName(BlocklistKind kind) => kind switch
    {
        BlocklistKind.Ip => "ip",
        BlocklistKind.Domain => "domain",
        BlocklistKind.Url => "url",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static ConnectorSecretRecord Secret(DbDataReader r, StoreEngine engine) => new()
    {
        Connector = r.GetString(0),
        Name = r.GetString(1),
        ProtectedValue = r.GetString(2),
        UpdatedAt = engine.ReadTime(r, 3),
        UpdatedBy = r.GetString(4),
    };

    private static BlocklistEntry Blocklisted(DbDataReader r, StoreEngine engine) => new()
    {
        Kind = r.GetString(0) switch
        {
            "ip" => BlocklistKind.Ip,
            "domain" => BlocklistKind.Domain,
            "url" => BlocklistKind.Url,
            var other => throw new InvalidOperationException($"unknown blocklist kind '{other}' in {VigilTables.Blocklist}"),
        },
        Value = r.GetString(1),
        AddedAt = engine.ReadTime(r, 2),
        ExpiresAt = engine.ReadNullableTime(r, 3),
        CaseId = r.GetNullableString(4),
        RequestId = r.GetNullableString(5),
        Reason = r.GetNullableString(6),
    };
}

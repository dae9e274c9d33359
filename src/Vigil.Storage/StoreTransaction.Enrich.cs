using Vigil.Domain.Entities;
using Vigil.Pipeline.Enrich.Context;
using Vigil.Pipeline.Enrich.Geo;
using Vigil.Pipeline.Enrich.Intel;
using Vigil.Pipeline.Enrich.Sources;
using Vigil.Storage.Enrich;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

internal sealed partial class StoreTransaction
{
    public async Task<bool> UpsertAssetAsync(AssetContext asset, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var created = !await ExistsAsync(VigilTables.ContextAssets, "host_name", asset.HostName, cancellationToken);
        await ExecuteAsync(EnrichSql.UpsertAsset, cancellationToken,
            ("@key", asset.HostName), ("@short", ContextKeys.ShortName(asset.HostName)), ("@criticality", asset.Criticality?.ToString().ToLowerInvariant()),
            ("@record", EnrichJson.Write(asset)), ("@at", engine.ToDb(at)));
        // The address rows are the record's addresses, rewritten whole: an address dropped from the record stops matching.
        await ExecuteAsync($"DELETE FROM {VigilTables.ContextAssetAddresses} WHERE host_name = @key", cancellationToken, ("@key", asset.HostName));
        foreach (var address in asset.IpAddresses.Distinct(StringComparer.Ordinal))
        {
            await ExecuteAsync($"INSERT INTO {VigilTables.ContextAssetAddresses} (address, host_name) VALUES (@address, @key)", cancellationToken,
                ("@address", address), ("@key", asset.HostName));
        }

        return created;
    }

    public async Task<bool> DeleteAssetAsync(string hostName, CancellationToken cancellationToken)
    {
        await ExecuteAsync($"DELETE FROM {VigilTables.ContextAssetAddresses} WHERE host_name = @key", cancellationToken, ("@key", hostName));
        return await ExecuteAsync($"DELETE FROM {VigilTables.ContextAssets} WHERE host_name = @key", cancellationToken, ("@key", hostName)) == 1;
    }

    public async Task<bool> UpsertIdentityAsync(IdentityContext identity, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var created = !await ExistsAsync(VigilTables.ContextIdentities, "user_name", identity.UserName, cancellationToken);
        await ExecuteAsync(EnrichSql.UpsertIdentity, cancellationToken,
            ("@key", identity.UserName), ("@bare", ContextKeys.BareAccount(identity.UserName)), ("@email", identity.Email),
            ("@record", EnrichJson.Write(identity)), ("@at", engine.ToDb(at)));
        return created;
    }

    public async Task<bool> DeleteIdentityAsync(string userName, CancellationToken cancellationToken) =>
        await ExecuteAsync($"DELETE FROM {VigilTables.ContextIdentities} WHERE user_name = @key", cancellationToken, ("@key", userName)) == 1;

    public async Task<bool> UpsertServiceAsync(ServiceContext service, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var created = !await ExistsAsync(VigilTables.ContextServices, "name", service.Name, cancellationToken);
        await ExecuteAsync(EnrichSql.UpsertService, cancellationToken, ("@key", service.Name), ("@record", EnrichJson.Write(service)), ("@at", engine.ToDb(at)));
        return created;
    }

    public async Task<bool> DeleteServiceAsync(string name, CancellationToken cancellationToken) =>
        await ExecuteAsync($"DELETE FROM {VigilTables.ContextServices} WHERE name = @key", cancellationToken, ("@key", name)) == 1;

    public async Task<bool> UpsertIndicatorAsync(Indicator indicator, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var id = StoredIndicator.IdOf(indicator);
        var created = !await ExistsAsync(VigilTables.IntelIndicators, "id", id, cancellationToken);
        await ExecuteAsync(EnrichSql.UpsertIndicator, cancellationToken,
            ("@id", id), ("@type", indicator.Type.ToWire()), ("@value", indicator.Value), ("@source", indicator.Source),
            ("@confidence", indicator.Confidence), ("@first_seen", engine.ToDbOrNull(indicator.FirstSeen)), ("@last_seen", engine.ToDbOrNull(indicator.LastSeen)),
            ("@valid_until", engine.ToDbOrNull(indicator.ValidUntil)), ("@record", EnrichJson.Write(indicator)), ("@at", engine.ToDb(at)));
        return created;
    }

    public async Task<bool> DeleteIndicatorAsync(string id, CancellationToken cancellationToken) =>
        await ExecuteAsync($"DELETE FROM {VigilTables.IntelIndicators} WHERE id = @id", cancellationToken, ("@id", id)) == 1;

    public async Task UpsertEnrichmentAsync(CaseEnrichment enrichment, CancellationToken cancellationToken)
    {
        var result = enrichment.Result;
        await ExecuteAsync(EnrichSql.UpsertEnrichment, cancellationToken,
            ("@id", enrichment.Id), ("@case_id", enrichment.CaseId), ("@entity_key", EnrichSql.EntityKey(result)),
            ("@entity_type", result.EntityType.ToWire()), ("@entity_value", result.EntityValue), ("@source", result.Source),
            ("@status", result.Status.ToWire()), ("@fetched_at", engine.ToDb(result.FetchedAt)), ("@expires_at", engine.ToDbOrNull(result.ExpiresAt)),
            ("@verdict", result.Verdict), ("@score", result.Score), ("@attributes", EnrichJson.Write(result.Attributes)),
            ("@missing", EnrichJson.Write(result.Missing)), ("@error", result.Error));
    }

    public async Task InsertSignInAsync(SignIn signIn, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            $"INSERT INTO {VigilTables.IdentitySignIns} ({EnrichSql.SignInColumns}) VALUES (@id, @user, @at, @address, @latitude, @longitude, @country, @city, @alert_id)",
            cancellationToken,
            ("@id", signIn.Id), ("@user", signIn.UserName), ("@at", engine.ToDb(signIn.At)), ("@address", signIn.Address),
            ("@latitude", signIn.Latitude), ("@longitude", signIn.Longitude), ("@country", signIn.CountryCode), ("@city", signIn.City), ("@alert_id", signIn.AlertId));

    private async Task<bool> ExistsAsync(string table, string column, string key, CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT COUNT(*) FROM {table} WHERE {column} = @key").Add("@key", key);
        return await command.ScalarLongAsync(cancellationToken) > 0;
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql);
        foreach (var (name, value) in parameters)
        {
            command.Add(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

using Vigil.Pipeline.Enrich.Context;
using Vigil.Pipeline.Enrich.Geo;
using Vigil.Pipeline.Enrich.Intel;
using Vigil.Pipeline.Enrich.Sources;
using Vigil.Pipeline.Ports;
using Vigil.Storage.Enrich;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

internal sealed partial class VigilStore
{
    private const int MaxContextPage = 1000;

    public async Task<AssetContext?> FindAssetAsync(string hostName, CancellationToken cancellationToken) =>
        await SingleAsync($"{EnrichSql.SelectAsset} WHERE host_name = @key", EnrichSql.Asset, cancellationToken, ("@key", hostName))
        ?? await SingleAsync($"{EnrichSql.SelectAsset} WHERE short_name = @key ORDER BY host_name LIMIT 1", EnrichSql.Asset, cancellationToken, ("@key", ContextKeys.ShortName(hostName)));

    public Task<AssetContext?> FindAssetByAddressAsync(string address, CancellationToken cancellationToken) =>
        SingleAsync(
            $"{EnrichSql.SelectAsset} WHERE host_name = (SELECT MIN(host_name) FROM {VigilTables.ContextAssetAddresses} WHERE address = @address)",
            EnrichSql.Asset, cancellationToken, ("@address", address));

    public Task<IReadOnlyList<AssetContext>> ListAssetsAsync(string? after, int limit, CancellationToken cancellationToken) =>
        ListAsync($"{EnrichSql.SelectAsset} WHERE host_name > @after ORDER BY host_name LIMIT @limit", EnrichSql.Asset, cancellationToken,
            ("@after", after ?? string.Empty), ("@limit", Math.Clamp(limit, 1, MaxContextPage)));

    public async Task<IdentityContext?> FindIdentityAsync(string userName, CancellationToken cancellationToken) =>
        await SingleAsync($"{EnrichSql.SelectIdentity} WHERE user_name = @key", EnrichSql.Identity, cancellationToken, ("@key", userName))
        ?? await SingleAsync($"{EnrichSql.SelectIdentity} WHERE bare_name = @key ORDER BY user_name LIMIT 1", EnrichSql.Identity, cancellationToken, ("@key", ContextKeys.BareAccount(userName)));

    public Task<IdentityContext?> FindIdentityByEmailAsync(string email, CancellationToken cancellationToken) =>
        SingleAsync($"{EnrichSql.SelectIdentity} WHERE email = @email ORDER BY user_name LIMIT 1", EnrichSql.Identity, cancellationToken, ("@email", email));

    public Task<IReadOnlyList<IdentityContext>> ListIdentitiesAsync(string? after, int limit, CancellationToken cancellationToken) =>
        ListAsync($"{EnrichSql.SelectIdentity} WHERE user_name > @after ORDER BY user_name LIMIT @limit", EnrichSql.Identity, cancellationToken,
            ("@after", after ?? string.Empty), ("@limit", Math.Clamp(limit, 1, MaxContextPage)));

    public Task<ServiceContext?> FindServiceAsync(string name, CancellationToken cancellationToken) =>
        SingleAsync($"{EnrichSql.SelectService} WHERE name = @key", EnrichSql.Service, cancellationToken, ("@key", name));

    public Task<IReadOnlyList<ServiceContext>> ListServicesAsync(string? after, int limit, CancellationToken cancellationToken) =>
        ListAsync($"{EnrichSql.SelectService} WHERE name > @after ORDER BY name LIMIT @limit", EnrichSql.Service, cancellationToken,
            ("@after", after ?? string.Empty), ("@limit", Math.Clamp(limit, 1, MaxContextPage)));

    public Task<StoredIndicator?> GetIndicatorAsync(string id, CancellationToken cancellationToken) =>
        SingleAsync($"{EnrichSql.SelectIndicator} WHERE id = @id", EnrichSql.Indicator, cancellationToken, ("@id", id));

    public Task<IReadOnlyList<StoredIndicator>> ListIndicatorsAsync(string? after, int limit, IndicatorType? type, string? value, CancellationToken cancellationToken)
    {
        var parameters = new List<(string, object?)> { ("@after", after ?? string.Empty), ("@limit", Math.Clamp(limit, 1, 10_000)) };
        var sql = $"{EnrichSql.SelectIndicator} WHERE id > @after";
        if (type is { } wanted)
        {
            sql += " AND type = @type";
            parameters.Add(("@type", wanted.ToWire()));
        }

        if (value is not null)
        {
            sql += " AND value = @value";
            parameters.Add(("@value", value));
        }

        return ListAsync(sql + " ORDER BY id LIMIT @limit", EnrichSql.Indicator, cancellationToken, [.. parameters]);
    }

    public async Task<IntelStamp> GetIntelStampAsync(CancellationToken cancellationToken)
    {
        var rows = await ListAsync(
            $"SELECT COUNT(*), MAX(updated_at) FROM {VigilTables.IntelIndicators}",
            static (r, e) => new IntelStamp(Convert.ToInt64(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), e.ReadNullableTime(r, 1)),
            cancellationToken);
        return rows[0];
    }

    public Task<IReadOnlyList<CaseEnrichment>> GetCaseEnrichmentsAsync(string caseId, CancellationToken cancellationToken) =>
        ListAsync($"SELECT {EnrichSql.EnrichmentColumns} FROM {VigilTables.Enrichments} WHERE case_id = @case_id ORDER BY entity_key, source",
            EnrichSql.Enrichment, cancellationToken, ("@case_id", caseId));

    public async Task<EnrichmentResult?> FindFreshEnrichmentAsync(string source, string entityKey, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await SingleAsync(
            $"SELECT {EnrichSql.EnrichmentColumns} FROM {VigilTables.Enrichments} "
            + "WHERE entity_key = @key AND source = @source AND status <> 'failed' AND expires_at > @now ORDER BY fetched_at DESC LIMIT 1",
            EnrichSql.Enrichment, cancellationToken, ("@key", entityKey), ("@source", source), ("@now", engine.ToDb(now))))?.Result;

    public Task<SignIn?> GetLastSignInAsync(string userName, DateTimeOffset before, CancellationToken cancellationToken) =>
        SingleAsync($"SELECT {EnrichSql.SignInColumns} FROM {VigilTables.IdentitySignIns} WHERE user_name = @user AND at < @before ORDER BY at DESC, id DESC LIMIT 1",
            EnrichSql.SignIn, cancellationToken, ("@user", userName), ("@before", engine.ToDb(before)));
}

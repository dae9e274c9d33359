using System.Data.Common;
using System.Globalization;
using Vigil.Domain.Entities;
using Vigil.Pipeline.Enrich.Context;
using Vigil.Pipeline.Enrich.Geo;
using Vigil.Pipeline.Enrich.Intel;
using Vigil.Pipeline.Enrich.Sources;
using Vigil.Storage.Engines;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Enrich;

/// <summary>SQL and row mapping for context, intel, enrichment results and sign-ins, shared by both engines.</summary>
internal static class EnrichSql
{
    public const string SelectAsset = $"SELECT record FROM {VigilTables.ContextAssets}";

    public const string UpsertAsset =
        $"INSERT INTO {VigilTables.ContextAssets} (host_name, short_name, criticality, record, updated_at) VALUES (@key, @short, @criticality, @record, @at) "
        + "ON CONFLICT (host_name) DO UPDATE SET short_name = excluded.short_name, criticality = excluded.criticality, record = excluded.record, updated_at = excluded.updated_at";

    public const string SelectIdentity = $"SELECT record FROM {VigilTables.ContextIdentities}";

    public const string UpsertIdentity =
        $"INSERT INTO {VigilTables.ContextIdentities} (user_name, bare_name, email, record, updated_at) VALUES (@key, @bare, @email, @record, @at) "
        + "ON CONFLICT (user_name) DO UPDATE SET bare_name = excluded.bare_name, email = excluded.email, record = excluded.record, updated_at = excluded.updated_at";

    public const string SelectService = $"SELECT record FROM {VigilTables.ContextServices}";

    public const string UpsertService =
        $"INSERT INTO {VigilTables.ContextServices} (name, record, updated_at) VALUES (@key, @record, @at) "
        + "ON CONFLICT (name) DO UPDATE SET record = excluded.record, updated_at = excluded.updated_at";

    public const string SelectIndicator = $"SELECT id, record, updated_at FROM {VigilTables.IntelIndicators}";

    public const string UpsertIndicator =
        $"INSERT INTO {VigilTables.IntelIndicators} (id, type, value, source, confidence, first_seen, last_seen, valid_until, record, updated_at) "
        + "VALUES (@id, @type, @value, @source, @confidence, @first_seen, @last_seen, @valid_until, @record, @at) "
        + "ON CONFLICT (id) DO UPDATE SET confidence = excluded.confidence, first_seen = excluded.first_seen, last_seen = excluded.last_seen, "
        + "valid_until = excluded.valid_until, record = excluded.record, updated_at = excluded.updated_at";

    public const string EnrichmentColumns =
        "id, case_id, entity_type, entity_value, source, status, fetched_at, expires_at, verdict, score, attributes, missing, error";

    public const string UpsertEnrichment =
        $"INSERT INTO {VigilTables.Enrichments} (id, case_id, entity_key, entity_type, entity_value, source, status, fetched_at, expires_at, verdict, score, attributes, missing, error) "
        + "VALUES (@id, @case_id, @entity_key, @entity_type, @entity_value, @source, @status, @fetched_at, @expires_at, @verdict, @score, @attributes, @missing, @error) "
        + "ON CONFLICT (case_id, entity_key, source) DO UPDATE SET status = excluded.status, fetched_at = excluded.fetched_at, expires_at = excluded.expires_at, "
        + "verdict = excluded.verdict, score = excluded.score, attributes = excluded.attributes, missing = excluded.missing, error = excluded.error";

    public const string SignInColumns = "id, user_name, at, address, latitude, longitude, country, city, alert_id";

    public static AssetContext Asset(DbDataReader r, StoreEngine _) => EnrichJson.Read<AssetContext>(r.GetString(0));

    public static IdentityContext Identity(DbDataReader r, StoreEngine _) => EnrichJson.Read<IdentityContext>(r.GetString(0));

    public static ServiceContext Service(DbDataReader r, StoreEngine _) => EnrichJson.Read<ServiceContext>(r.GetString(0));

    public static StoredIndicator Indicator(DbDataReader r, StoreEngine engine) => new()
    {
        Id = r.GetString(0),
        Indicator = EnrichJson.Read<Indicator>(r.GetString(1)),
        UpdatedAt = engine.ReadTime(r, 2),
    };

    public static CaseEnrichment Enrichment(DbDataReader r, StoreEngine engine)
    {
        var fetched = engine.ReadTime(r, 6);
        var expires = engine.ReadNullableTime(r, 7);
        return new CaseEnrichment
        {
            Id = r.GetString(0),
            CaseId = r.GetString(1),
            Result = new EnrichmentResult
            {
                EntityType = EntityTypeNames.TryParse(r.GetString(2), out var type) ? type : throw new InvalidDataException($"stored entity type '{r.GetString(2)}' is unknown"),
                EntityValue = r.GetString(3),
                Source = r.GetString(4),
                Status = StatusOf(r.GetString(5)),
                FetchedAt = fetched,
                ValidFor = expires - fetched,
                Verdict = r.GetNullableString(8),
                Score = r.IsDBNull(9) ? null : Convert.ToInt32(r.GetValue(9), CultureInfo.InvariantCulture),
                Attributes = EnrichJson.Read<Dictionary<string, string>>(r.GetString(10)),
                Missing = EnrichJson.Read<string[]>(r.GetString(11)),
                Error = r.GetNullableString(12),
            },
        };
    }

    public static SignIn SignIn(DbDataReader r, StoreEngine engine) => new()
    {
        Id = r.GetString(0),
        UserName = r.GetString(1),
        At = engine.ReadTime(r, 2),
        Address = r.GetString(3),
        Latitude = r.GetDouble(4),
        Longitude = r.GetDouble(5),
        CountryCode = r.GetNullableString(6),
        City = r.GetNullableString(7),
        AlertId = r.GetNullableString(8),
    };

    public static string ToWire(this EnrichmentStatus status) => status switch
    {
        EnrichmentStatus.Found => "found",
        EnrichmentStatus.NotFound => "not_found",
        EnrichmentStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string EntityKey(EnrichmentResult result) => string.Concat(result.EntityType.ToWire(), ":", result.EntityValue);

    private static EnrichmentStatus StatusOf(string text) => text switch
    {
        "found" => EnrichmentStatus.Found,
        "not_found" => EnrichmentStatus.NotFound,
        "failed" => EnrichmentStatus.Failed,
        _ => throw new InvalidDataException($"stored enrichment status '{text}' is unknown"),
    };
}

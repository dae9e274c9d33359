using System.Data.Common;
using Vigil.Pipeline.Ports;
using Vigil.Storage.Engines;

namespace Vigil.Storage.Jobs;

/// <summary>The job table's SQL and row mapping, shared by the store's claims and the transaction's outbox writes.</summary>
internal static class JobSql
{
    public const string Columns = "id, kind, payload, status, owner_id, attempts, run_at, lease_until, idempotency_key, last_error, created_at, updated_at";

    public const string Insert =
        "INSERT INTO vigil_jobs (" + Columns + ") VALUES (@id, @kind, @payload, @status, NULL, 0, @run_at, NULL, @key, NULL, @now, @now) ON CONFLICT DO NOTHING";

    public const string Complete =
        "UPDATE vigil_jobs SET status = 'succeeded', lease_until = NULL, updated_at = @now WHERE id = @id AND owner_id = @owner AND status = 'running'";

    public const string Fail =
        "UPDATE vigil_jobs SET status = @status, owner_id = NULL, lease_until = NULL, run_at = @run_at, last_error = @error, updated_at = @now "
        + "WHERE id = @id AND owner_id = @owner AND status = 'running'";

    public const string Renew =
        "UPDATE vigil_jobs SET lease_until = @lease, updated_at = @now WHERE id = @id AND owner_id = @owner AND status = 'running'";

    public const string Get = "SELECT " + Columns + " FROM vigil_jobs WHERE id = @id";

    /// <summary>
    /// Claims in one statement: pick the due rows (a lapsed lease counts as due: that is how a dead node's work is
    /// recovered) and take them. On PostgreSQL SKIP LOCKED lets concurrent claimers pass over each other's rows
    /// instead of queueing; on SQLite the single-writer transaction already makes the claim exclusive.
    /// </summary>
    public static string Claim(StoreEngine engine, bool byKind) =>
        "UPDATE vigil_jobs SET status = 'running', owner_id = @owner, lease_until = @lease, attempts = attempts + 1, updated_at = @now "
        + "WHERE id IN (SELECT id FROM vigil_jobs WHERE ((status = 'pending' AND run_at <= @now) OR (status = 'running' AND lease_until < @now))"
        + (byKind ? " AND kind = @kind" : string.Empty)
        + " ORDER BY run_at, id LIMIT @max"
        + (engine.Mode == StoreMode.Clustered ? " FOR UPDATE SKIP LOCKED" : string.Empty)
        + ") RETURNING " + Columns;

    public static string StatusName(JobStatus status) => status switch
    {
        JobStatus.Pending => "pending",
        JobStatus.Running => "running",
        JobStatus.Succeeded => "succeeded",
        JobStatus.Dead => "dead",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static JobRecord Read(DbDataReader reader, StoreEngine engine) => new()
    {
        Id = reader.GetString(0),
        Kind = reader.GetString(1),
        Payload = reader.GetString(2),
        Status = reader.GetString(3) switch
        {
            "pending" => JobStatus.Pending,
            "running" => JobStatus.Running,
            "succeeded" => JobStatus.Succeeded,
            _ => JobStatus.Dead,
        },
        OwnerId = reader.IsDBNull(4) ? null : reader.GetString(4),
        Attempts = Convert.ToInt32(reader.GetValue(5), System.Globalization.CultureInfo.InvariantCulture),
        RunAt = engine.ReadTime(reader, 6),
        LeaseUntil = engine.ReadNullableTime(reader, 7),
        IdempotencyKey = reader.IsDBNull(8) ? null : reader.GetString(8),
        LastError = reader.IsDBNull(9) ? null : reader.GetString(9),
        CreatedAt = engine.ReadTime(reader, 10),
        UpdatedAt = engine.ReadTime(reader, 11),
    };
}

using System.Data.Common;
using Vigil.Pipeline.Ports;
using Vigil.Storage.Engines;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Ingest;

/// <summary>The checkpoint table's SQL and row mapping, shared by the store's lease and the transaction's writes.</summary>
internal static class CheckpointSql
{
    public const string Columns =
        "name, kind, cursor, owner_id, lease_until, last_run_at, last_success_at, last_error_at, last_error, consecutive_failures, events_total, newest_event_at, next_run_at, updated_at";

    private const string Values =
        "@name, @kind, @cursor, @owner, @lease, @last_run, @last_success, @last_error_at, @last_error, @failures, @events, @newest, @next_run, @now";

    private const string SetAll =
        "kind = @kind, cursor = @cursor, owner_id = @owner, lease_until = @lease, last_run_at = @last_run, last_success_at = @last_success, "
        + "last_error_at = @last_error_at, last_error = @last_error, consecutive_failures = @failures, events_total = @events, "
        + "newest_event_at = @newest, next_run_at = @next_run, updated_at = @now";

    public const string Get = "SELECT " + Columns + " FROM " + VigilTables.IngestCheckpoints + " WHERE name = @name";

    public const string ListByKind = "SELECT " + Columns + " FROM " + VigilTables.IngestCheckpoints + " WHERE kind = @kind ORDER BY name";

    public const string Upsert =
        "INSERT INTO " + VigilTables.IngestCheckpoints + " (" + Columns + ") VALUES (" + Values + ") ON CONFLICT (name) DO UPDATE SET " + SetAll;

    public const string UpdateOwned =
        "UPDATE " + VigilTables.IngestCheckpoints + " SET " + SetAll + " WHERE name = @name AND owner_id = @expected";

    public const string Delete = "DELETE FROM " + VigilTables.IngestCheckpoints + " WHERE name = @name";

    /// <summary>
    /// Takes the lease in one statement: create the row, or update it only when it is free, already ours, or its lease
    /// has lapsed (a dead node's source is taken over). On PostgreSQL the conflicting row is locked while the WHERE is
    /// re-checked, so two nodes racing for it cannot both win.
    /// </summary>
    public const string Lease =
        "INSERT INTO " + VigilTables.IngestCheckpoints + " (name, kind, owner_id, lease_until, updated_at) VALUES (@name, @kind, @owner, @lease, @now) "
        + "ON CONFLICT (name) DO UPDATE SET owner_id = excluded.owner_id, lease_until = excluded.lease_until, updated_at = excluded.updated_at "
        + "WHERE " + VigilTables.IngestCheckpoints + ".owner_id IS NULL OR " + VigilTables.IngestCheckpoints + ".owner_id = excluded.owner_id "
        + "OR " + VigilTables.IngestCheckpoints + ".lease_until IS NULL OR " + VigilTables.IngestCheckpoints + ".lease_until < excluded.updated_at";

    public static DbCommand Bind(DbCommand command, StoreEngine engine, IngestCheckpoint checkpoint) => command
        .Add("@name", checkpoint.Name)
        .Add("@kind", checkpoint.Kind)
        .Add("@cursor", checkpoint.Cursor)
        .Add("@owner", checkpoint.OwnerId)
        .Add("@lease", engine.ToDbOrNull(checkpoint.LeaseUntil))
        .Add("@last_run", engine.ToDbOrNull(checkpoint.LastRunAt))
        .Add("@last_success", engine.ToDbOrNull(checkpoint.LastSuccessAt))
        .Add("@last_error_at", engine.ToDbOrNull(checkpoint.LastErrorAt))
        .Add("@last_error", checkpoint.LastError is { Length: > 4000 } error ? error[..4000] : checkpoint.LastError)
        .Add("@failures", checkpoint.ConsecutiveFailures)
        .Add("@events", checkpoint.EventsTotal)
        .Add("@newest", engine.ToDbOrNull(checkpoint.NewestEventAt))
        .Add("@next_run", engine.ToDbOrNull(checkpoint.NextRunAt))
        .Add("@now", engine.ToDb(checkpoint.UpdatedAt));

    public static IngestCheckpoint Read(DbDataReader r, StoreEngine engine) => new()
    {
        Name = r.GetString(0),
        Kind = r.GetString(1),
        Cursor = r.GetNullableString(2),
        OwnerId = r.GetNullableString(3),
        LeaseUntil = engine.ReadNullableTime(r, 4),
        LastRunAt = engine.ReadNullableTime(r, 5),
        LastSuccessAt = engine.ReadNullableTime(r, 6),
        LastErrorAt = engine.ReadNullableTime(r, 7),
        LastError = r.GetNullableString(8),
        ConsecutiveFailures = r.GetInt32(9),
        EventsTotal = r.GetInt64(10),
        NewestEventAt = engine.ReadNullableTime(r, 11),
        NextRunAt = engine.ReadNullableTime(r, 12),
        UpdatedAt = engine.ReadTime(r, 13),
    };
}

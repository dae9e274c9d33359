using static Vigil.Storage.Sql.ParameterKind;

namespace Vigil.Storage.Sql;

/// <summary>
/// The statements on the ingestion path, kept as prepared commands for the life of a transaction: a 500-alert batch
/// runs each of them hundreds of times, and parsing/planning them once instead of per alert is most of the gain.
/// </summary>
internal static class HotStatements
{
    // New alerts are the hot path: a plain insert that reports whether it inserted (no RETURNING reader). A repeat
    // then takes CountRepeat and SelectAlertByFingerprint. ON CONFLICT DO NOTHING waits for a concurrent inserter of
    // the same fingerprint on PostgreSQL, so the repeat's update always finds the row.
    public static readonly Statement InsertAlert = new(
        $"INSERT INTO {VigilTables.Alerts} ({Columns.Alert}) VALUES (@id, @source, @source_ref, @title, @description, @severity, @occurred_at,"
        + " @received_at, @fingerprint, @raw_payload, @entities, @tags, @first_seen, @last_seen, 1) ON CONFLICT (fingerprint) DO NOTHING",
        ("@id", Text), ("@source", Text), ("@source_ref", Text), ("@title", Text), ("@description", Text), ("@severity", Integer),
        ("@occurred_at", Time), ("@received_at", Time), ("@fingerprint", Text), ("@raw_payload", Text), ("@entities", Text), ("@tags", Text),
        ("@first_seen", Time), ("@last_seen", Time));

    // The last_seen CASE instead of max()/GREATEST() because the two engines spell that differently.
    public static readonly Statement CountRepeat = new(
        $"UPDATE {VigilTables.Alerts} SET occurrence_count = occurrence_count + 1,"
        + " last_seen = CASE WHEN @last_seen > last_seen THEN @last_seen ELSE last_seen END WHERE fingerprint = @fingerprint",
        ("@last_seen", Time), ("@fingerprint", Text));

    public static readonly Statement SelectAlertByFingerprint = new(
        $"SELECT {Columns.AlertWithCase} FROM {VigilTables.Alerts} a LEFT JOIN {VigilTables.CaseAlerts} l ON l.alert_id = a.id WHERE a.fingerprint = @fingerprint",
        ("@fingerprint", Text));

    // Grouping joins most alerts of a burst to a case that is already open: one locked read per joining alert.
    private static readonly Statement SelectCaseForUpdate = new(StoreSql.SelectCase + " FOR UPDATE", ("@id", Text));
    private static readonly Statement SelectCaseLocked = new(StoreSql.SelectCase, ("@id", Text));

    // The enrichment job each new alert enqueues with itself (outbox).
    public static readonly Statement InsertJob = new(
        Jobs.JobSql.Insert, ("@id", Text), ("@kind", Text), ("@payload", Text), ("@status", Text), ("@run_at", Time), ("@key", Text), ("@now", Time));

    /// <summary>The case row, locked until the transaction ends where the engine locks rows (SQLite's writer lock already does).</summary>
    public static Statement SelectCaseForUpdateOn(string forUpdate) => forUpdate.Length == 0 ? SelectCaseLocked : SelectCaseForUpdate;

    public static readonly Statement InsertCase = new(
        $"INSERT INTO {VigilTables.Cases} ({Columns.Case}) VALUES (@id, @title, @state, @severity, @severity_at_open, @owner, @opened_at,"
        + " @updated_at, @sla_due_at, @closed_at, @classification, @closure_note, @root_cause, @state_before_close, @merged_into, @alert_count, @version)",
        CaseParameters);

    public static readonly Statement UpdateCase = new(
        $"UPDATE {VigilTables.Cases} SET title = @title, state = @state, severity = @severity, severity_at_open = @severity_at_open, owner = @owner,"
        + " opened_at = @opened_at, updated_at = @updated_at, sla_due_at = @sla_due_at, closed_at = @closed_at, classification = @classification,"
        + " closure_note = @closure_note, root_cause = @root_cause, state_before_close = @state_before_close, merged_into = @merged_into,"
        + " alert_count = @alert_count, version = @version WHERE id = @id AND version = @expected_version",
        [.. CaseParameters, ("@expected_version", BigInteger)]);

    public static readonly Statement InsertLink = new(
        $"INSERT INTO {VigilTables.CaseAlerts} ({Columns.Link}) VALUES (@case_id, @alert_id, @origin_case_id, @joined_at, @reason)",
        ("@case_id", Text), ("@alert_id", Text), ("@origin_case_id", Text), ("@joined_at", Time), ("@reason", Text));

    public static readonly Statement UpsertEntity = new(
        $"INSERT INTO {VigilTables.Entities} (entity_key, type, value, first_seen, last_seen) VALUES (@entity_key, @type, @value, @seen, @seen)"
        + $" ON CONFLICT (entity_key) DO UPDATE SET last_seen = CASE WHEN excluded.last_seen > {VigilTables.Entities}.last_seen"
        + $" THEN excluded.last_seen ELSE {VigilTables.Entities}.last_seen END",
        ("@entity_key", Text), ("@type", Text), ("@value", Text), ("@seen", Time));

    /// <summary>Most entity rows one case-entity insert carries; alerts with more take several statements.</summary>
    public const int CaseEntitiesPerStatement = 8;

    // One statement per alert for all its entities rather than one per entity: alerts carry two to six entities, and
    // each statement saved is a bind-and-step (SQLite) or a round trip (PostgreSQL) per alert.
    private static readonly Statement[] CaseEntityInserts = [.. Enumerable.Range(1, CaseEntitiesPerStatement).Select(CaseEntityInsert)];

    /// <summary>Inserts <paramref name="rows"/> entities of one case: @case_id, then key, type, value, first_seen, last_at per row.</summary>
    public static Statement InsertCaseEntities(int rows) => CaseEntityInserts[rows - 1];

    // Creates the head when the chain is new and, either way, locks it (the no-op update takes the row lock on
    // PostgreSQL) and returns it: one round trip where INSERT … ON CONFLICT DO NOTHING plus SELECT … FOR UPDATE take two.
    public static readonly Statement LockHead = new(
        $"INSERT INTO {VigilTables.LedgerHeads} (chain_id, seq, hash) VALUES (@chain_id, 0, @genesis)"
        + " ON CONFLICT (chain_id) DO UPDATE SET chain_id = excluded.chain_id RETURNING seq, hash",
        ("@chain_id", Text), ("@genesis", Text));

    public static readonly Statement InsertLedger = new(
        $"INSERT INTO {VigilTables.Ledger} ({Columns.Ledger}) VALUES (@chain_id, @seq, @kind, @actor, @at, @payload, @prev_hash, @hash)",
        ("@chain_id", Text), ("@seq", BigInteger), ("@kind", Text), ("@actor", Text), ("@at", Time), ("@payload", Text), ("@prev_hash", Text), ("@hash", Text));

    private static Statement CaseEntityInsert(int rows)
    {
        var values = Enumerable.Range(0, rows).Select(i => $"(@case_id, @k{i}, @t{i}, @v{i}, @f{i}, @l{i})");
        var parameters = Enumerable.Range(0, rows).SelectMany(i => new[] { ($"@k{i}", Text), ($"@t{i}", Text), ($"@v{i}", Text), ($"@f{i}", Time), ($"@l{i}", Time) });
        // last_at only moves forward (event time of the latest alert carrying the entity; grouping's lookback reads it).
        // A new case's rows never conflict, so the update costs nothing on the usual path.
        return new Statement(
            $"INSERT INTO {VigilTables.CaseEntities} (case_id, entity_key, type, value, first_seen, last_at) VALUES {string.Join(", ", values)}"
            + $" ON CONFLICT (case_id, entity_key) DO UPDATE SET last_at = CASE WHEN excluded.last_at > {VigilTables.CaseEntities}.last_at"
            + $" THEN excluded.last_at ELSE {VigilTables.CaseEntities}.last_at END",
            [("@case_id", Text), .. parameters]);
    }

    private static (string, ParameterKind)[] CaseParameters =>
    [
        ("@id", Text), ("@title", Text), ("@state", Text), ("@severity", Integer), ("@severity_at_open", Integer), ("@owner", Text),
        ("@opened_at", Time), ("@updated_at", Time), ("@sla_due_at", Time), ("@closed_at", Time), ("@classification", Text),
        ("@closure_note", Text), ("@root_cause", Text), ("@state_before_close", Text), ("@merged_into", Text), ("@alert_count", Integer),
        ("@version", BigInteger),
    ];
}

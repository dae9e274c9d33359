namespace Vigil.Storage.Sql;

/// <summary>Column lists in the order <see cref="Rows"/> reads them.</summary>
internal static class Columns
{
    public const string Alert =
        "id, source, source_ref, title, description, severity, occurred_at, received_at, fingerprint, raw_payload, entities, tags, first_seen, last_seen, occurrence_count";

    /// <summary>An alert with the case that holds it (ordinal 15), from vigil_alerts a LEFT JOIN vigil_case_alerts l.</summary>
    public const string AlertWithCase =
        "a.id, a.source, a.source_ref, a.title, a.description, a.severity, a.occurred_at, a.received_at, a.fingerprint, a.raw_payload, a.entities, a.tags, a.first_seen, a.last_seen, a.occurrence_count, l.case_id";

    public const string Case =
        "id, title, state, severity, severity_at_open, owner, opened_at, updated_at, sla_due_at, closed_at, classification, closure_note, root_cause, state_before_close, merged_into, alert_count, version";

    public const string Link = "case_id, alert_id, origin_case_id, joined_at, reason";

    public const string Note = "id, case_id, author, text, at";

    public const string Ledger = "chain_id, seq, kind, actor, at, payload, prev_hash, hash";

    public const string DeadLetter = "id, source, received_at, reason, payload, content_type, status, resolved_at, resolution, channel";

    public const string ApiKey = "id, name, scopes, secret_hash, created_at, created_by, source, revoked_at";

    public const string User =
        "id, username, password_hash, roles, must_change_password, created_at, disabled_at, totp_secret, totp_enabled_at, totp_last_step, failed_sign_ins, locked_until, last_sign_in_at, security_stamp";

    public const string SavedView = "id, owner, name, query, created_at";
}

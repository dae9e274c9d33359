-- Ingest (issue 4): dead letters remember their channel so that replay takes the same path; pull connectors and
-- resumable file imports keep a durable checkpoint (cursor, lease, health) per name.
ALTER TABLE vigil_dead_letters ADD COLUMN channel TEXT NOT NULL DEFAULT 'alert';

CREATE TABLE vigil_ingest_checkpoints (
    name                 TEXT    NOT NULL PRIMARY KEY,
    kind                 TEXT    NOT NULL,
    cursor               TEXT,
    owner_id             TEXT,
    lease_until          INTEGER,
    last_run_at          INTEGER,
    last_success_at      INTEGER,
    last_error_at        INTEGER,
    last_error           TEXT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    events_total         INTEGER NOT NULL DEFAULT 0,
    newest_event_at      INTEGER,
    next_run_at          INTEGER,
    updated_at           INTEGER NOT NULL
);
CREATE INDEX ix_vigil_ingest_checkpoints_kind ON vigil_ingest_checkpoints (kind, name);

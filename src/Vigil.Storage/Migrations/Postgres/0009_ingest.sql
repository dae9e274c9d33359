-- Ingest (issue 4): dead letters remember their channel so that replay takes the same path; pull connectors and
-- resumable file imports keep a durable checkpoint (cursor, lease, health) per name.
ALTER TABLE vigil_dead_letters ADD COLUMN channel TEXT NOT NULL DEFAULT 'alert';

CREATE TABLE vigil_ingest_checkpoints (
    name                 TEXT    COLLATE "C" NOT NULL PRIMARY KEY,
    kind                 TEXT    NOT NULL,
    cursor               TEXT,
    owner_id             TEXT,
    lease_until          TIMESTAMPTZ,
    last_run_at          TIMESTAMPTZ,
    last_success_at      TIMESTAMPTZ,
    last_error_at        TIMESTAMPTZ,
    last_error           TEXT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    events_total         BIGINT  NOT NULL DEFAULT 0,
    newest_event_at      TIMESTAMPTZ,
    next_run_at          TIMESTAMPTZ,
    updated_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_vigil_ingest_checkpoints_kind ON vigil_ingest_checkpoints (kind, name);

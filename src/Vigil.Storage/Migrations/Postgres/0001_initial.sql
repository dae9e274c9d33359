-- Vigil schema for PostgreSQL (Clustered mode). Times are timestamptz (microsecond resolution, which is why the
-- ledger hasher truncates to microseconds). Text stays text: the ledger payload must never be jsonb, because the
-- hashed bytes have to come back exactly as they went in.
-- vigil_migrations itself is created by the migrator before this script runs.

CREATE TABLE vigil_alerts (
    id               TEXT    NOT NULL PRIMARY KEY,
    source           TEXT    NOT NULL,
    source_ref       TEXT    NOT NULL,
    title            TEXT    NOT NULL,
    description      TEXT,
    severity         INTEGER NOT NULL,
    occurred_at      TIMESTAMPTZ NOT NULL,
    received_at      TIMESTAMPTZ NOT NULL,
    fingerprint      TEXT    NOT NULL UNIQUE,
    raw_payload      TEXT    NOT NULL,
    entities         TEXT    NOT NULL,
    tags             TEXT    NOT NULL,
    first_seen       TIMESTAMPTZ NOT NULL,
    last_seen        TIMESTAMPTZ NOT NULL,
    occurrence_count BIGINT NOT NULL
);
CREATE INDEX ix_vigil_alerts_source_ref ON vigil_alerts (source, source_ref);

-- Ids compare bytewise (COLLATE "C") so that keyset paging orders them the same under any database locale.
CREATE TABLE vigil_cases (
    id                 TEXT    COLLATE "C" NOT NULL PRIMARY KEY,
    title              TEXT    NOT NULL,
    state              TEXT    NOT NULL,
    severity           INTEGER NOT NULL,
    severity_at_open   INTEGER NOT NULL,
    owner              TEXT,
    opened_at          TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    sla_due_at         TIMESTAMPTZ NOT NULL,
    closed_at          TIMESTAMPTZ,
    classification     TEXT,
    closure_note       TEXT,
    root_cause         TEXT,
    state_before_close TEXT,
    merged_into        TEXT,
    alert_count        INTEGER NOT NULL,
    version            BIGINT NOT NULL
);
-- One index per CaseSort keyset, in the sort's own column order.
CREATE INDEX ix_vigil_cases_opened ON vigil_cases (opened_at, id);
CREATE INDEX ix_vigil_cases_severity ON vigil_cases (severity DESC, sla_due_at, id);
CREATE INDEX ix_vigil_cases_sla ON vigil_cases (sla_due_at, id);
CREATE INDEX ix_vigil_cases_updated ON vigil_cases (updated_at, id);
CREATE INDEX ix_vigil_cases_state ON vigil_cases (state);
CREATE INDEX ix_vigil_cases_owner ON vigil_cases (owner);

CREATE TABLE vigil_case_alerts (
    case_id        TEXT    NOT NULL REFERENCES vigil_cases (id),
    alert_id       TEXT    NOT NULL UNIQUE REFERENCES vigil_alerts (id),
    origin_case_id TEXT    NOT NULL,
    joined_at      TIMESTAMPTZ NOT NULL,
    reason         TEXT    NOT NULL
);
CREATE INDEX ix_vigil_case_alerts_case ON vigil_case_alerts (case_id, joined_at);

CREATE TABLE vigil_entities (
    entity_key TEXT    NOT NULL PRIMARY KEY,
    type       TEXT    NOT NULL,
    value      TEXT    NOT NULL,
    first_seen TIMESTAMPTZ NOT NULL,
    last_seen  TIMESTAMPTZ NOT NULL
);

CREATE TABLE vigil_case_entities (
    case_id    TEXT    NOT NULL REFERENCES vigil_cases (id),
    entity_key TEXT    NOT NULL REFERENCES vigil_entities (entity_key),
    type       TEXT    NOT NULL,
    value      TEXT    NOT NULL,
    first_seen TIMESTAMPTZ NOT NULL,
    UNIQUE (case_id, entity_key)
);
-- Finds the other cases that share an entity (correlation).
CREATE INDEX ix_vigil_case_entities_key ON vigil_case_entities (entity_key);

CREATE TABLE vigil_notes (
    id      TEXT    NOT NULL PRIMARY KEY,
    case_id TEXT    NOT NULL REFERENCES vigil_cases (id),
    author  TEXT    NOT NULL,
    text    TEXT    NOT NULL,
    at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_vigil_notes_case ON vigil_notes (case_id, at);

-- payload is the exact text that was hashed; never re-serialised.
CREATE TABLE vigil_ledger (
    chain_id  TEXT    NOT NULL,
    seq       BIGINT NOT NULL,
    kind      TEXT    NOT NULL,
    actor     TEXT    NOT NULL,
    at        TIMESTAMPTZ NOT NULL,
    payload   TEXT    NOT NULL,
    prev_hash TEXT    NOT NULL,
    hash      TEXT    NOT NULL,
    PRIMARY KEY (chain_id, seq)
);

CREATE TABLE vigil_ledger_heads (
    chain_id TEXT    NOT NULL PRIMARY KEY,
    seq      BIGINT NOT NULL,
    hash     TEXT    NOT NULL
);

CREATE TABLE vigil_dead_letters (
    id           TEXT    COLLATE "C" NOT NULL PRIMARY KEY,
    source       TEXT    NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL,
    reason       TEXT    NOT NULL,
    payload      TEXT    NOT NULL,
    content_type TEXT,
    status       TEXT    NOT NULL,
    resolved_at  TIMESTAMPTZ,
    resolution   TEXT
);
CREATE INDEX ix_vigil_dead_letters_status ON vigil_dead_letters (status, id);
CREATE INDEX ix_vigil_dead_letters_source ON vigil_dead_letters (source, id);

CREATE TABLE vigil_api_keys (
    id          TEXT    NOT NULL PRIMARY KEY,
    name        TEXT    NOT NULL,
    scopes      TEXT    NOT NULL,
    secret_hash TEXT    NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  TEXT    NOT NULL,
    source      TEXT,
    revoked_at  TIMESTAMPTZ
);

CREATE TABLE vigil_users (
    id                   TEXT    NOT NULL PRIMARY KEY,
    username             TEXT    NOT NULL UNIQUE,
    password_hash        TEXT    NOT NULL,
    roles                TEXT    NOT NULL,
    must_change_password BOOLEAN NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    disabled_at          TIMESTAMPTZ
);

-- Durable work (later issues): claimed with FOR UPDATE SKIP LOCKED.
CREATE TABLE vigil_jobs (
    id              TEXT    NOT NULL PRIMARY KEY,
    kind            TEXT    NOT NULL,
    payload         TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    owner_id        TEXT,
    attempts        INTEGER NOT NULL DEFAULT 0,
    run_at          TIMESTAMPTZ NOT NULL,
    lease_until     TIMESTAMPTZ,
    idempotency_key TEXT    UNIQUE,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_vigil_jobs_due ON vigil_jobs (status, run_at);

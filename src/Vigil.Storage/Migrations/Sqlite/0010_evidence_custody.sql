-- Evidence artefacts, retention and the ledger stream (issue 10). Times are integer microseconds since the Unix epoch.

-- Artefact content, content-addressed: one row per distinct SHA-256 however many cases hold the file. content is
-- NULL once retention disposed of it; the row (hash, size) stays so the tombstone names what was removed.
CREATE TABLE vigil_artefact_blobs (
    sha256      TEXT    NOT NULL PRIMARY KEY,
    size        INTEGER NOT NULL,
    content     BLOB,
    stored_at   INTEGER NOT NULL,
    disposed_at INTEGER
) WITHOUT ROWID;

-- One attachment of a blob to a case, with who collected it, when and from where (the start of its chain of custody;
-- every later access is a ledger entry on the case's chain).
CREATE TABLE vigil_artefacts (
    id             TEXT    NOT NULL PRIMARY KEY,
    case_id        TEXT    NOT NULL,
    sha256         TEXT    NOT NULL,
    name           TEXT    NOT NULL,
    size           INTEGER NOT NULL,
    description    TEXT,
    collected_by   TEXT    NOT NULL,
    collected_at   INTEGER NOT NULL,
    collected_from TEXT    NOT NULL,
    disposed_at    INTEGER
);
CREATE INDEX ix_vigil_artefacts_case ON vigil_artefacts (case_id, collected_at);
CREATE INDEX ix_vigil_artefacts_sha256 ON vigil_artefacts (sha256);

-- Cases under legal hold: retention disposes of nothing of theirs until the hold is released.
CREATE TABLE vigil_legal_holds (
    case_id TEXT    NOT NULL PRIMARY KEY,
    reason  TEXT    NOT NULL,
    set_by  TEXT    NOT NULL,
    set_at  INTEGER NOT NULL
);

-- What retention removed: the SHA-256 and size of each disposed payload, so the removal is recorded, not silent.
CREATE TABLE vigil_tombstones (
    id          TEXT    NOT NULL PRIMARY KEY,
    run_id      TEXT    NOT NULL,
    case_id     TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    ref_id      TEXT    NOT NULL,
    sha256      TEXT    NOT NULL,
    size        INTEGER NOT NULL,
    rule        TEXT    NOT NULL,
    disposed_at INTEGER NOT NULL
);
CREATE INDEX ix_vigil_tombstones_case ON vigil_tombstones (case_id, disposed_at);
CREATE INDEX ix_vigil_tombstones_run ON vigil_tombstones (run_id);

-- Ledger stream: one row per configured receiver (its delivery state and lease) and one cursor per receiver and
-- chain (the last sequence number the receiver acknowledged).
CREATE TABLE vigil_stream_receivers (
    receiver          TEXT    NOT NULL PRIMARY KEY,
    delivered         INTEGER NOT NULL,
    failures          INTEGER NOT NULL,
    attempts          INTEGER NOT NULL,
    next_attempt_at   INTEGER,
    last_error        TEXT,
    last_delivered_at INTEGER,
    lease_owner       TEXT,
    lease_until       INTEGER
);

CREATE TABLE vigil_stream_cursors (
    receiver TEXT    NOT NULL,
    chain_id TEXT    NOT NULL,
    seq      INTEGER NOT NULL,
    PRIMARY KEY (receiver, chain_id)
) WITHOUT ROWID;

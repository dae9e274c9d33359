-- Evidence and learning (issue 10). Times are integer microseconds since the Unix epoch, as in 0001.

-- The key that signs evidence packages. One row per purpose; the first writer wins, so two nodes starting at once
-- agree on one key. The private key is PKCS#8 in base64; whoever can read this table can sign packages.
CREATE TABLE vigil_signing_keys (
    id          TEXT    NOT NULL PRIMARY KEY,
    purpose     TEXT    NOT NULL UNIQUE,
    algorithm   TEXT    NOT NULL,
    public_key  TEXT    NOT NULL,
    private_key TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);

-- Sigma rule tunings proposed after a benign or false positive; document is the proposal as JSON (diff and replay
-- proof), kept verbatim so the decision ledger entry and the stored proposal describe the same bytes.
CREATE TABLE vigil_tuning_proposals (
    id         TEXT    NOT NULL PRIMARY KEY,
    case_id    TEXT    NOT NULL,
    rule_id    TEXT    NOT NULL,
    status     TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    decided_at INTEGER,
    decided_by TEXT,
    document   TEXT    NOT NULL
);
CREATE INDEX ix_vigil_tuning_proposals_case ON vigil_tuning_proposals (case_id, created_at);
CREATE INDEX ix_vigil_tuning_proposals_rule ON vigil_tuning_proposals (rule_id, status);

-- What a closed case still has to teach: tunings to decide, scenarios to save, runbooks to edit.
CREATE TABLE vigil_learning_tasks (
    id         TEXT    NOT NULL PRIMARY KEY,
    case_id    TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    title      TEXT    NOT NULL,
    owner      TEXT,
    due_at     INTEGER NOT NULL,
    status     TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    done_at    INTEGER,
    ref_id     TEXT
);
CREATE INDEX ix_vigil_learning_tasks_case ON vigil_learning_tasks (case_id, created_at);
CREATE INDEX ix_vigil_learning_tasks_open ON vigil_learning_tasks (status, due_at);

CREATE INDEX ix_vigil_ledger_at ON vigil_ledger (at);

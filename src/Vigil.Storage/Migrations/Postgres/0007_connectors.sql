-- Connectors: encrypted secrets, the Data Protection key ring that encrypts them, and the blocklist feed.
CREATE TABLE vigil_connector_secrets (
    connector       TEXT        NOT NULL,
    name            TEXT        NOT NULL,
    protected_value TEXT        NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    updated_by      TEXT        NOT NULL,
    PRIMARY KEY (connector, name)
);

CREATE TABLE vigil_data_protection_keys (
    name       TEXT        NOT NULL PRIMARY KEY,
    xml        TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE vigil_blocklist (
    kind       TEXT        NOT NULL,
    value      TEXT        NOT NULL,
    added_at   TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ,
    case_id    TEXT,
    request_id TEXT,
    reason     TEXT,
    PRIMARY KEY (kind, value)
);

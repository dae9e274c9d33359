-- Enrichment: context (assets, identities, services), threat-intel indicators, enrichment results per case and
-- entity, and sign-ins kept for geo-velocity. Times are timestamptz (microsecond resolution, as on SQLite).
-- Context records keep their lookup keys as columns and the rest as JSON: lookups go by key, and the record is
-- always read whole.

CREATE TABLE vigil_context_assets (
    host_name   TEXT    NOT NULL PRIMARY KEY,
    short_name  TEXT    NOT NULL,
    criticality TEXT,
    record      TEXT    NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_vigil_context_assets_short ON vigil_context_assets (short_name);

CREATE TABLE vigil_context_asset_addresses (
    address   TEXT NOT NULL,
    host_name TEXT NOT NULL REFERENCES vigil_context_assets (host_name) ON DELETE CASCADE,
    PRIMARY KEY (address, host_name)
);
CREATE INDEX ix_vigil_context_asset_addresses_host ON vigil_context_asset_addresses (host_name);

CREATE TABLE vigil_context_identities (
    user_name  TEXT    NOT NULL PRIMARY KEY,
    bare_name  TEXT    NOT NULL,
    email      TEXT,
    record     TEXT    NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_vigil_context_identities_bare ON vigil_context_identities (bare_name);
CREATE INDEX ix_vigil_context_identities_email ON vigil_context_identities (email);

CREATE TABLE vigil_context_services (
    name       TEXT    NOT NULL PRIMARY KEY,
    record     TEXT    NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE vigil_intel_indicators (
    id          TEXT    NOT NULL PRIMARY KEY,
    type        TEXT    NOT NULL,
    value       TEXT    NOT NULL,
    source      TEXT    NOT NULL,
    confidence  INTEGER NOT NULL,
    first_seen  TIMESTAMPTZ,
    last_seen   TIMESTAMPTZ,
    valid_until TIMESTAMPTZ,
    record      TEXT    NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (type, value, source)
);
CREATE INDEX ix_vigil_intel_indicators_value ON vigil_intel_indicators (value);

CREATE TABLE vigil_enrichments (
    id           TEXT    NOT NULL PRIMARY KEY,
    case_id      TEXT    NOT NULL REFERENCES vigil_cases (id),
    entity_key   TEXT    NOT NULL,
    entity_type  TEXT    NOT NULL,
    entity_value TEXT    NOT NULL,
    source       TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    fetched_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ,
    verdict      TEXT,
    score        INTEGER,
    attributes   TEXT    NOT NULL,
    missing      TEXT    NOT NULL,
    error        TEXT,
    UNIQUE (case_id, entity_key, source)
);
-- Reuse of a fresh answer from another case (the cache a remote source's rate limit makes necessary).
CREATE INDEX ix_vigil_enrichments_entity ON vigil_enrichments (entity_key, source, fetched_at);

CREATE TABLE vigil_identity_signins (
    id        TEXT    NOT NULL PRIMARY KEY,
    user_name TEXT    NOT NULL,
    at        TIMESTAMPTZ NOT NULL,
    address   TEXT    NOT NULL,
    latitude  DOUBLE PRECISION NOT NULL,
    longitude DOUBLE PRECISION NOT NULL,
    country   TEXT,
    city      TEXT,
    alert_id  TEXT
);
CREATE INDEX ix_vigil_identity_signins_user ON vigil_identity_signins (user_name, at);

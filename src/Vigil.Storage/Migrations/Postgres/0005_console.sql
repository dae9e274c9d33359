-- Console accounts: TOTP MFA (secret kept as Data Protection ciphertext), lockout, session invalidation.
ALTER TABLE vigil_users
    ADD COLUMN totp_secret     TEXT,
    ADD COLUMN totp_enabled_at TIMESTAMPTZ,
    ADD COLUMN totp_last_step  BIGINT,
    ADD COLUMN failed_sign_ins INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN locked_until    TIMESTAMPTZ,
    ADD COLUMN last_sign_in_at TIMESTAMPTZ,
    ADD COLUMN security_stamp  TEXT    NOT NULL DEFAULT '';

-- Saved queue views: a named filter per user.
CREATE TABLE vigil_saved_views (
    id         TEXT        NOT NULL PRIMARY KEY,
    owner      TEXT        NOT NULL,
    name       TEXT        NOT NULL,
    query      TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (owner, name)
);

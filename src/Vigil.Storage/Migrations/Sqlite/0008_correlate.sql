-- Correlation (grouping into cases). last_at is when an entity was last active on a case in event time (the
-- alert's occurred_at, microseconds), which is what a grouping lookback is measured in: a log bundle replayed today
-- must group by when things happened, not by when Vigil read them. One index range per entity finds the cases that
-- saw it within a window, so assignment cost does not grow with the number of cases.
ALTER TABLE vigil_case_entities ADD COLUMN last_at INTEGER NOT NULL DEFAULT 0;
UPDATE vigil_case_entities SET last_at = first_seen;
CREATE INDEX ix_vigil_case_entities_recent ON vigil_case_entities (entity_key, last_at);
-- The new index leads with entity_key, so it serves every lookup the old one did.
DROP INDEX ix_vigil_case_entities_key;

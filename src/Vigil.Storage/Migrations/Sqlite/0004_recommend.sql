-- Recommendations, versioned per case: a recompute adds a version, never rewrites one. body is the JSON the API shows.
CREATE TABLE vigil_recommendations (
    id           TEXT    NOT NULL PRIMARY KEY,
    case_id      TEXT    NOT NULL REFERENCES vigil_cases (id),
    version      INTEGER NOT NULL,
    model        TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    severity     INTEGER NOT NULL,
    disposition  TEXT    NOT NULL,
    confidence   REAL    NOT NULL,
    input_digest TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    UNIQUE (case_id, version)
);

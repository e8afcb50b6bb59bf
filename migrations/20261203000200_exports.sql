-- Every export staff take of the posts: who, when, which file and for what. The full export
-- (with the people who called) is the one the GDPR register must be able to show.
CREATE TABLE export_audit (
    id         INTEGER PRIMARY KEY,
    actor_id   INTEGER NOT NULL REFERENCES users (id),
    format     TEXT    NOT NULL CHECK (format IN ('csv', 'geojson', 'full')),
    period_from INTEGER NOT NULL,
    period_to   INTEGER NOT NULL,
    commune    TEXT,
    category   TEXT,
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX export_audit_created ON export_audit (created_at);


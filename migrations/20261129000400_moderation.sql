-- Moderation: decisions and their audit trail, reports, and the authors' notifications.

-- Set when a published post reached the report threshold: it leaves the map, the list and the
-- API (and `posts_geo`) until staff review it. NULL for every visible post.
ALTER TABLE posts ADD COLUMN hidden_at INTEGER;

-- One row per moderation action, written in the same transaction as the change it records.
-- `actor_id` is NULL for what the system does by itself (hiding after N reports).
-- For a redaction, `before_*` and `after_*` hold the text as it was and as it was published.
CREATE TABLE moderation_events (
    id                 INTEGER PRIMARY KEY,
    post_id            INTEGER NOT NULL REFERENCES posts (id),
    actor_id           INTEGER REFERENCES users (id),
    action             TEXT    NOT NULL CHECK (action IN ('approve', 'reject', 'redact', 'unpublish',
                               'dismiss-reports', 'auto-hide', 'disable-author')),
    reason             TEXT    CHECK (reason IS NULL OR reason IN ('personal-data', 'not-mutual-aid',
                               'commercial', 'duplicate', 'inappropriate', 'other')),
    message            TEXT    CHECK (message IS NULL OR length(message) <= 1000),
    before_title       TEXT,
    before_description TEXT,
    after_title        TEXT,
    after_description  TEXT,
    created_at         INTEGER NOT NULL
) STRICT;
CREATE INDEX moderation_events_post ON moderation_events (post_id, created_at);
CREATE INDEX moderation_events_created ON moderation_events (created_at);

-- A logged-in person's report of a public post. One open report per person and post.
CREATE TABLE reports (
    id          INTEGER PRIMARY KEY,
    post_id     INTEGER NOT NULL REFERENCES posts (id),
    reporter_id INTEGER NOT NULL REFERENCES users (id),
    reason      TEXT    NOT NULL CHECK (reason IN ('scam', 'danger', 'personal-data', 'inappropriate',
                        'commercial', 'not-mutual-aid', 'other')),
    details     TEXT    NOT NULL CHECK (length(details) <= 1000),
    created_at  INTEGER NOT NULL,
    resolved_at INTEGER,
    resolved_by INTEGER REFERENCES users (id),
    resolution  TEXT    CHECK (resolution IS NULL OR resolution IN ('dismissed', 'unpublished', 'author-disabled'))
) STRICT;
CREATE UNIQUE INDEX reports_one_open_per_person ON reports (post_id, reporter_id) WHERE resolved_at IS NULL;
CREATE INDEX reports_open ON reports (post_id) WHERE resolved_at IS NULL;

-- In-app messages to one account ("Votre annonce a été publiée").
CREATE TABLE notifications (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    post_id    INTEGER REFERENCES posts (id),
    kind       TEXT    NOT NULL CHECK (kind IN ('published', 'rejected', 'redacted', 'unpublished')),
    body       TEXT    NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    created_at INTEGER NOT NULL,
    read_at    INTEGER
) STRICT;
CREATE INDEX notifications_user ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;

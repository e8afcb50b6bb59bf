-- Nobody left waiting: what the background sweep raised about a post, at most once per post and
-- state — a request nobody answered, a post about to expire, help that may never have come —
-- the author's answer, and when it reached the staff's follow-up list and was dealt with.
CREATE TABLE follow_ups (
    id          INTEGER PRIMARY KEY,
    post_id     INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('unanswered', 'expiring', 'help-check')),
    -- The state it was raised for: the post's creation, its expiry, the acceptance.
    state_at    INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    answer      TEXT    CHECK (answer IS NULL OR answer IN ('yes', 'no')),
    answered_at INTEGER,
    -- On the staff's list since ("Non", or no answer within two days).
    escalated_at INTEGER,
    resolved_at INTEGER,
    resolved_by INTEGER REFERENCES users (id),
    UNIQUE (post_id, kind, state_at)
) STRICT;
CREATE INDEX follow_ups_open ON follow_ups (kind, created_at) WHERE resolved_at IS NULL;

-- Two new kinds of notification: the table is rebuilt (SQLite cannot change a CHECK).
CREATE TABLE notifications_new (
    id              INTEGER PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users (id),
    post_id         INTEGER REFERENCES posts (id),
    conversation_id INTEGER REFERENCES conversations (id),
    kind            TEXT    NOT NULL CHECK (kind IN ('published', 'rejected', 'redacted', 'unpublished',
                            'response', 'message', 'accepted', 'withdrawn', 'done', 'fulfilled',
                            'expiring', 'help-check')),
    body            TEXT    NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    created_at      INTEGER NOT NULL,
    read_at         INTEGER
) STRICT;
INSERT INTO notifications_new (id, user_id, post_id, conversation_id, kind, body, created_at, read_at)
    SELECT id, user_id, post_id, conversation_id, kind, body, created_at, read_at FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
CREATE INDEX notifications_user ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;

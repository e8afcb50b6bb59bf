-- « Un proche à mes côtés » (#18 §2): the author of a post invites a relative or carer by an
-- e-mail link; once they accept with an account, they follow that post (its notifications, its
-- state, the accepted helper's name) and can write in its conversations, marked « proche de … ».
-- The author removes them at any time; what they wrote stays, with their name.
--
-- `email` and `token_hash` live only while the invitation waits: accepting, removing or the
-- link's expiry clears them. `user_id` is set when the invitation is accepted.
CREATE TABLE carers (
    id          INTEGER PRIMARY KEY,
    post_id     INTEGER NOT NULL REFERENCES posts (id),
    author_id   INTEGER NOT NULL REFERENCES users (id),
    email       TEXT    CHECK (email IS NULL OR length(email) BETWEEN 3 AND 254),
    token_hash  TEXT    UNIQUE,
    invited_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL CHECK (expires_at > invited_at),
    user_id     INTEGER REFERENCES users (id) CHECK (user_id IS NULL OR user_id <> author_id),
    accepted_at INTEGER,
    removed_at  INTEGER,
    CHECK ((user_id IS NULL) = (accepted_at IS NULL))
) STRICT;
CREATE INDEX carers_post ON carers (post_id) WHERE removed_at IS NULL;
CREATE INDEX carers_user ON carers (user_id) WHERE removed_at IS NULL AND user_id IS NOT NULL;
CREATE INDEX carers_author ON carers (author_id, invited_at);
CREATE UNIQUE INDEX carers_once ON carers (post_id, user_id) WHERE user_id IS NOT NULL AND removed_at IS NULL;

-- Notifications get a kind: the author is told when a relative accepts, the relative when they
-- are removed.
CREATE TABLE notifications_new (
    id              INTEGER PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users (id),
    post_id         INTEGER REFERENCES posts (id),
    conversation_id INTEGER REFERENCES conversations (id),
    kind            TEXT    NOT NULL CHECK (kind IN ('published', 'rejected', 'redacted', 'unpublished',
                            'response', 'message', 'accepted', 'withdrawn', 'done', 'fulfilled',
                            'expiring', 'help-check', 'alert', 'alerts-paused', 'vetting', 'carer')),
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

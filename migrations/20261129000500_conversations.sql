-- Answering a post: private conversations between a responder and the author, accepting a
-- helper, finishing, thank-you notes; notifications of all that, and the e-mail outbox.

-- The author's phone number, shown only to an accepted helper when the author chooses to share
-- it; and whether the post leaves the map while a helper is at work.
ALTER TABLE posts ADD COLUMN phone TEXT CHECK (phone IS NULL OR length(phone) BETWEEN 6 AND 30);
ALTER TABLE posts ADD COLUMN off_map_in_progress INTEGER NOT NULL DEFAULT 0 CHECK (off_map_in_progress IN (0, 1));

-- One conversation per post and responder. `author_id` is the post's author, kept here so that
-- access checks read one row. `accepted_at` is set while the responder is the accepted helper.
-- `*_read` is the id of the last message each side has seen.
CREATE TABLE conversations (
    id             INTEGER PRIMARY KEY,
    post_id        INTEGER NOT NULL REFERENCES posts (id),
    author_id      INTEGER NOT NULL REFERENCES users (id),
    responder_id   INTEGER NOT NULL REFERENCES users (id) CHECK (responder_id <> author_id),
    created_at     INTEGER NOT NULL,
    last_message_at INTEGER NOT NULL,
    accepted_at    INTEGER,
    helper_done_at INTEGER,
    author_read    INTEGER NOT NULL DEFAULT 0,
    responder_read INTEGER NOT NULL DEFAULT 0,
    UNIQUE (post_id, responder_id)
) STRICT;
CREATE INDEX conversations_author ON conversations (author_id, last_message_at DESC);
CREATE INDEX conversations_responder ON conversations (responder_id, last_message_at DESC);

-- Plain text, at most 2000 characters; escaped wherever it is shown.
CREATE TABLE messages (
    id              INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations (id),
    sender_id       INTEGER NOT NULL REFERENCES users (id),
    body            TEXT    NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    created_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX messages_conversation ON messages (conversation_id, id);
CREATE INDEX messages_sender ON messages (sender_id, created_at);

-- Each time the exact place, the private note or the phone number is shown to someone who is
-- not the author (the accepted helper), a row: who saw what, when.
CREATE TABLE reveals (
    id         INTEGER PRIMARY KEY,
    post_id    INTEGER NOT NULL REFERENCES posts (id),
    viewer_id  INTEGER NOT NULL REFERENCES users (id),
    fields     TEXT    NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX reveals_post ON reveals (post_id, created_at);

-- A short thank-you note by the author or the helper, shown on the page of a fulfilled post.
CREATE TABLE thanks (
    id         INTEGER PRIMARY KEY,
    post_id    INTEGER NOT NULL REFERENCES posts (id),
    writer_id  INTEGER NOT NULL REFERENCES users (id),
    body       TEXT    NOT NULL CHECK (length(body) BETWEEN 1 AND 500),
    created_at INTEGER NOT NULL,
    UNIQUE (post_id, writer_id)
) STRICT;

-- Reports may now be about a message, too.
ALTER TABLE reports ADD COLUMN message_id INTEGER REFERENCES messages (id);

-- Notifications get new kinds: the table is rebuilt (SQLite cannot change a CHECK) and keeps
-- its rows. `conversation_id` links a notification to its conversation.
CREATE TABLE notifications_new (
    id              INTEGER PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users (id),
    post_id         INTEGER REFERENCES posts (id),
    conversation_id INTEGER REFERENCES conversations (id),
    kind            TEXT    NOT NULL CHECK (kind IN ('published', 'rejected', 'redacted', 'unpublished',
                            'response', 'message', 'accepted', 'withdrawn', 'done', 'fulfilled')),
    body            TEXT    NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    created_at      INTEGER NOT NULL,
    read_at         INTEGER
) STRICT;
INSERT INTO notifications_new (id, user_id, post_id, kind, body, created_at, read_at)
    SELECT id, user_id, post_id, kind, body, created_at, read_at FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
CREATE INDEX notifications_user ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;

-- E-mails to send. Rendered when the event happens; sent by the SMTP relay when `SMTP_URL` is
-- set, otherwise they wait here for the operator (`entraide outbox`).
CREATE TABLE outbox (
    id         INTEGER PRIMARY KEY,
    to_email   TEXT    NOT NULL,
    subject    TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    sent_at    INTEGER,
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
) STRICT;
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;

-- Each person chooses whether notifications also come by e-mail (on by default).
ALTER TABLE users ADD COLUMN email_notifications INTEGER NOT NULL DEFAULT 1 CHECK (email_notifications IN (0, 1));

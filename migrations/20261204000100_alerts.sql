-- Alerts: a person asks to be told about new posts near a place ("Mes alertes").
--
-- `alerts` keeps each alert's centre (a commune's town hall, or a position rounded to the
-- privacy grid: never a person's exact place), its radius, categories and kind. `alerts_geo`
-- is an R*Tree of each alert circle's bounding box: a new public post finds the alerts whose
-- box holds its public point, then the distance refines (`server/db/alerts.rs`). Kept in step
-- with `alerts` by the application, in the same transaction (no triggers).
CREATE TABLE alerts (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users (id),
    -- What the person chose, as shown back: a commune's name, or "" for their position.
    place_label   TEXT    NOT NULL CHECK (length(place_label) <= 120),
    commune_insee TEXT,
    lat           REAL    NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon           REAL    NOT NULL CHECK (lon BETWEEN -180 AND 180),
    radius_km     INTEGER NOT NULL CHECK (radius_km BETWEEN 1 AND 30),
    -- ',childcare,groceries,' or '' for every category.
    categories    TEXT    NOT NULL DEFAULT '',
    kind          TEXT    CHECK (kind IS NULL OR kind IN ('request', 'offer')),
    created_at    INTEGER NOT NULL
) STRICT;
CREATE INDEX alerts_user ON alerts (user_id);

CREATE VIRTUAL TABLE alerts_geo USING rtree (
    id,
    min_lat, max_lat,
    min_lon, max_lon
);

-- How each person is told (one row once they save an alert): e-mail at once, in a daily
-- digest at their hour (Paris time), or not by e-mail; the token of the one-click unsubscribe
-- (RFC 8058, single-purpose: it only turns the alerts' e-mails off); when the alerts paused
-- themselves after months without a visit.
CREATE TABLE alert_settings (
    user_id           INTEGER PRIMARY KEY REFERENCES users (id),
    email             TEXT    NOT NULL DEFAULT 'instant' CHECK (email IN ('instant', 'digest', 'off')),
    digest_hour       INTEGER NOT NULL DEFAULT 18 CHECK (digest_hour BETWEEN 0 AND 23),
    unsubscribe_token TEXT    NOT NULL UNIQUE CHECK (length(unsubscribe_token) >= 32),
    last_digest_at    INTEGER NOT NULL,
    paused_at         INTEGER,
    updated_at        INTEGER NOT NULL
) STRICT;

-- Who was told about which post: one row per person and post, never two. `emailed` is 0 while
-- the post waits for the person's digest.
CREATE TABLE alert_hits (
    user_id    INTEGER NOT NULL REFERENCES users (id),
    post_id    INTEGER NOT NULL REFERENCES posts (id),
    alert_id   INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    emailed    INTEGER NOT NULL CHECK (emailed IN (0, 1)),
    PRIMARY KEY (user_id, post_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX alert_hits_digest ON alert_hits (user_id) WHERE emailed = 0;
CREATE INDEX alert_hits_post ON alert_hits (post_id, created_at);

-- Posts whose alerts are to be sent: queued in the transaction that puts a post on the public
-- map, done by the alerts' worker in the transaction that writes the notifications, so that a
-- crash in between loses nothing. Once per post: a post already here is not queued again.
CREATE TABLE alert_fanout (
    post_id   INTEGER PRIMARY KEY REFERENCES posts (id),
    queued_at INTEGER NOT NULL,
    done_at   INTEGER
) STRICT;
CREATE INDEX alert_fanout_todo ON alert_fanout (post_id) WHERE done_at IS NULL;
-- The posts public before alerts existed are not announced.
INSERT INTO alert_fanout (post_id, queued_at, done_at) SELECT id, updated_at, updated_at FROM posts;

-- The last log-in (alerts pause after six months without a visit).
ALTER TABLE users ADD COLUMN last_login_at INTEGER;

-- E-mails that can be unsubscribed from carry the one-click address (List-Unsubscribe).
ALTER TABLE outbox ADD COLUMN unsubscribe_url TEXT;

-- Two new kinds of notification: the table is rebuilt (SQLite cannot change a CHECK).
CREATE TABLE notifications_new (
    id              INTEGER PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users (id),
    post_id         INTEGER REFERENCES posts (id),
    conversation_id INTEGER REFERENCES conversations (id),
    kind            TEXT    NOT NULL CHECK (kind IN ('published', 'rejected', 'redacted', 'unpublished',
                            'response', 'message', 'accepted', 'withdrawn', 'done', 'fulfilled',
                            'expiring', 'help-check', 'alert', 'alerts-paused')),
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

-- Web Push (RFC 8030, payloads encrypted per RFC 8291, the server identified per RFC 8292).
--
-- `server_keys` holds keys the server makes itself at its first start: the VAPID key pair
-- that signs every push (its public half is what browsers subscribe with). Never exported.
CREATE TABLE server_keys (
    name       TEXT    PRIMARY KEY CHECK (name IN ('vapid')),
    value      BLOB    NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;

-- A browser (a phone where the app is installed) that receives pushes for one account: the
-- push service's address and the browser's keys. Dropped when the push service says it is gone.
CREATE TABLE push_subscriptions (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    endpoint   TEXT    NOT NULL UNIQUE CHECK (length(endpoint) BETWEEN 12 AND 1000),
    p256dh     TEXT    NOT NULL CHECK (length(p256dh) BETWEEN 80 AND 100),
    auth       TEXT    NOT NULL CHECK (length(auth) BETWEEN 16 AND 30),
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX push_subscriptions_user ON push_subscriptions (user_id);

-- Pushes to send, written in the transaction of the event (the alerts' fan-out), delivered by
-- the server's push loop; `payload` is the JSON the service worker shows.
CREATE TABLE push_outbox (
    id              INTEGER PRIMARY KEY,
    subscription_id INTEGER NOT NULL REFERENCES push_subscriptions (id) ON DELETE CASCADE,
    payload         TEXT    NOT NULL CHECK (length(payload) <= 3000),
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT
) STRICT;
CREATE INDEX push_outbox_unsent ON push_outbox (id) WHERE sent_at IS NULL;
CREATE INDEX push_outbox_subscription ON push_outbox (subscription_id);

-- Accounts people can keep: a proved e-mail address, password reset links, and sessions that
-- can all be ended at once.

-- When the address was proved (a link opened). Accounts made before this existed keep working
-- as they did: they count as proved.
ALTER TABLE users ADD COLUMN email_verified_at INTEGER;
UPDATE users SET email_verified_at = created_at;
-- Each session records the epoch it was opened in; raising it ends every session of the account
-- (a password change or reset, "Se déconnecter partout").
ALTER TABLE users ADD COLUMN session_epoch INTEGER NOT NULL DEFAULT 0;

-- Single-use links sent by e-mail: only a hash of the token is kept. `email` is the address the
-- link was sent to (for a change of address, the new one: it becomes the login once proved).
-- A newer link of the same purpose voids the older ones (they are deleted).
CREATE TABLE account_tokens (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    purpose    TEXT    NOT NULL CHECK (purpose IN ('reset', 'verify')),
    token_hash TEXT    NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    email      TEXT    NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
) STRICT;
CREATE INDEX account_tokens_user ON account_tokens (user_id, purpose);

-- "Mot de passe oublié" requests, per address (a hash of it: unknown addresses too), for the
-- limit per address: the same work whether an account exists or not.
CREATE TABLE reset_requests (
    id         INTEGER PRIMARY KEY,
    email_hash TEXT    NOT NULL CHECK (length(email_hash) = 64),
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX reset_requests_email ON reset_requests (email_hash, created_at);

-- What staff did to an account from the command line (a reset link read out on the phone).
CREATE TABLE account_audit (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    action     TEXT    NOT NULL CHECK (action IN ('reset-link')),
    actor      TEXT    NOT NULL CHECK (length(actor) BETWEEN 1 AND 120),
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX account_audit_user ON account_audit (user_id, created_at);

-- E-mails holding a link that opens an account are emptied once sent.
ALTER TABLE outbox ADD COLUMN erase_after_send INTEGER NOT NULL DEFAULT 0 CHECK (erase_after_send IN (0, 1));

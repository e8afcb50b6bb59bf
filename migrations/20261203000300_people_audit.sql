-- What admins did to accounts on the web (« Personnes »): the role changed, the account
-- disabled or enabled, a password-reset link sent. The command line keeps `account_audit`.
CREATE TABLE people_audit (
    id         INTEGER PRIMARY KEY,
    actor_id   INTEGER NOT NULL REFERENCES users (id),
    user_id    INTEGER NOT NULL REFERENCES users (id),
    action     TEXT    NOT NULL CHECK (action IN ('role', 'disable', 'enable', 'reset-link')),
    detail     TEXT    CHECK (detail IS NULL OR length(detail) <= 40),
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX people_audit_user ON people_audit (user_id, created_at);

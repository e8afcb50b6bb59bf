-- Several app servers on one database (#19): what one server counts or takes, the others see.

-- Attempts counted against a limit (log-in failures per address and per account, sign-ups and
-- password-reset requests per address). Kept in the database rather than in each server's
-- memory, so that a guesser sent round the servers of a load balancer meets one limit. The key
-- is a SHA-256 of the address or account (never the address itself); rows older than the
-- longest window (an hour) are deleted by the minute sweep.
CREATE TABLE limit_attempts (
    id     INTEGER PRIMARY KEY,
    bucket TEXT    NOT NULL CHECK (bucket IN ('login-ip', 'login-account', 'signup-ip', 'reset-ip')),
    key    TEXT    NOT NULL CHECK (length(key) = 32),
    at     INTEGER NOT NULL
) STRICT;
CREATE INDEX limit_attempts_key ON limit_attempts (bucket, key, at);
CREATE INDEX limit_attempts_at ON limit_attempts (at);

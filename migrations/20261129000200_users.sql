-- Accounts. E-mails are stored trimmed and lower-cased (one account per address).
-- Passwords are argon2id PHC strings. Staff roles are given by an operator, never at sign-up.
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT    NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
    display_name  TEXT    NOT NULL CHECK (length(display_name) BETWEEN 2 AND 60),
    poster_kind   TEXT    NOT NULL CHECK (poster_kind IN ('individual', 'company', 'association', 'institution')),
    organisation  TEXT    CHECK (organisation IS NULL OR length(organisation) BETWEEN 1 AND 120),
    password_hash TEXT    NOT NULL,
    role          TEXT    NOT NULL DEFAULT 'resident' CHECK (role IN ('resident', 'moderator', 'admin')),
    disabled_at   INTEGER,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
) STRICT;

-- Who wrote a post (NULL for the demo data), and the private building/stairwell note that only
-- the accepted helper will see.
ALTER TABLE posts ADD COLUMN author_id INTEGER REFERENCES users (id);
ALTER TABLE posts ADD COLUMN private_note TEXT CHECK (private_note IS NULL OR length(private_note) <= 500);
CREATE INDEX posts_author ON posts (author_id, created_at DESC);

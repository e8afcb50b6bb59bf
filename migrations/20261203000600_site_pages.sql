-- The site's own pages ("Comment ça marche", the charter, legal notice, personal data,
-- accessibility), written in Markdown by staff: every save is a revision; an editor drafts, an
-- admin publishes. What the public reads is the newest published revision, else the text
-- shipped with the application.
--
-- The version of the charter each account accepted: a new version is asked at the next log-in.
--
-- A new role, `editor` (the département's communication service): the CHECK of users.role is
-- rebuilt with the table, by SQLite's procedure (`db::migrate` runs migrations with the foreign
-- keys' checks off, then checks every reference). Other tables refer to users by name and
-- find it again, with the same rows.

CREATE TABLE users_new (
    id            INTEGER PRIMARY KEY,
    email         TEXT    NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
    display_name  TEXT    NOT NULL CHECK (length(display_name) BETWEEN 2 AND 60),
    poster_kind   TEXT    NOT NULL CHECK (poster_kind IN ('individual', 'company', 'association', 'institution')),
    organisation  TEXT    CHECK (organisation IS NULL OR length(organisation) BETWEEN 1 AND 120),
    password_hash TEXT    NOT NULL,
    role          TEXT    NOT NULL DEFAULT 'resident' CHECK (role IN ('resident', 'editor', 'moderator', 'admin')),
    disabled_at   INTEGER,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    email_notifications INTEGER NOT NULL DEFAULT 1 CHECK (email_notifications IN (0, 1)),
    deleted_at    INTEGER,
    lang          TEXT    NOT NULL DEFAULT 'fr' CHECK (lang IN ('fr', 'en')),
    email_verified_at INTEGER,
    session_epoch INTEGER NOT NULL DEFAULT 0,
    -- The version of the charter the person accepted (0: none yet) and when.
    charter_version     INTEGER NOT NULL DEFAULT 0 CHECK (charter_version >= 0),
    charter_accepted_at INTEGER
) STRICT;
INSERT INTO users_new (id, email, display_name, poster_kind, organisation, password_hash, role, disabled_at,
                       created_at, updated_at, email_notifications, deleted_at, lang, email_verified_at, session_epoch)
    SELECT id, email, display_name, poster_kind, organisation, password_hash, role, disabled_at,
           created_at, updated_at, email_notifications, deleted_at, lang, email_verified_at, session_epoch
    FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;

CREATE TABLE page_revisions (
    id           INTEGER PRIMARY KEY,
    slug         TEXT    NOT NULL CHECK (slug IN ('comment-ca-marche', 'charte', 'mentions-legales',
                         'donnees-personnelles', 'accessibilite')),
    title        TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    body         TEXT    NOT NULL CHECK (length(body) BETWEEN 1 AND 50000),
    author_id    INTEGER NOT NULL REFERENCES users (id),
    created_at   INTEGER NOT NULL,
    published_at INTEGER,
    published_by INTEGER REFERENCES users (id)
) STRICT;
CREATE INDEX page_revisions_slug ON page_revisions (slug, id DESC);

-- Vetted helpers for children and homes (#18 §4).
--
-- The categories become a table that `posts.category` refers to (a new category is a row, no
-- longer a rebuild of `posts`), with a new one: `home-visit` (visits to a person's home).
-- `posts` is rebuilt by SQLite's procedure (`db::migrate` runs migrations with the foreign keys'
-- checks off, then checks every reference): same columns and rows, the CHECK on the category
-- replaced by the reference, its indexes and the word index's triggers made again. Other tables
-- refer to posts by name and find it again.
--
-- A volunteer asks to be vetted (`vetting_requests`); staff record an in-person check
-- (`vettings`: identity seen — never a copy of the document —, association membership, the day
-- of the check, who checked and who recorded it). A check is valid for a year and can be
-- withdrawn (when, by whom, why). Which categories need a vetted helper is configuration
-- (`ENTRAIDE_VETTED_CATEGORIES`).

CREATE TABLE categories (
    slug TEXT    PRIMARY KEY,
    -- `Category::code` (src/domain/category.rs): the map index's third dimension.
    code INTEGER NOT NULL UNIQUE CHECK (code >= 0)
) STRICT, WITHOUT ROWID;

INSERT INTO categories (slug, code) VALUES
    ('groceries', 0), ('homework', 1), ('childcare', 2), ('food-aid', 3), ('transport', 4),
    ('diy', 5), ('company', 6), ('paperwork', 7), ('other', 8), ('home-visit', 9);

CREATE TABLE posts_new (
    id            INTEGER PRIMARY KEY,
    kind          TEXT    NOT NULL CHECK (kind IN ('request', 'offer')),
    category      TEXT    NOT NULL REFERENCES categories (slug),
    poster_kind   TEXT    NOT NULL CHECK (poster_kind IN ('individual', 'company', 'association', 'institution')),
    status        TEXT    NOT NULL CHECK (status IN ('pending', 'published', 'in-progress', 'fulfilled',
                          'closed', 'rejected')),
    title         TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    description   TEXT    NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
    lat           REAL    NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon           REAL    NOT NULL CHECK (lon BETWEEN -180 AND 180),
    public_lat    REAL    NOT NULL CHECK (public_lat BETWEEN -90 AND 90),
    public_lon    REAL    NOT NULL CHECK (public_lon BETWEEN -180 AND 180),
    commune_insee TEXT    NOT NULL,
    commune_name  TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL CHECK (expires_at > created_at),
    author_id     INTEGER REFERENCES users (id),
    private_note  TEXT    CHECK (private_note IS NULL OR length(private_note) <= 500),
    hidden_at     INTEGER,
    off_map_in_progress INTEGER NOT NULL DEFAULT 0 CHECK (off_map_in_progress IN (0, 1)),
    privacy_area_m INTEGER CHECK (privacy_area_m IS NULL OR privacy_area_m >= 0),
    urgent_signs  TEXT
        CHECK (urgent_signs IS NULL OR (length(urgent_signs) BETWEEN 1 AND 100 AND urgent_signs GLOB '[a-z,]*'))
) STRICT;

INSERT INTO posts_new (id, kind, category, poster_kind, status, title, description, lat, lon, public_lat,
    public_lon, commune_insee, commune_name, created_at, updated_at, expires_at, author_id, private_note,
    hidden_at, off_map_in_progress, privacy_area_m, urgent_signs)
SELECT id, kind, category, poster_kind, status, title, description, lat, lon, public_lat,
    public_lon, commune_insee, commune_name, created_at, updated_at, expires_at, author_id, private_note,
    hidden_at, off_map_in_progress, privacy_area_m, urgent_signs
FROM posts;

DROP TABLE posts;
ALTER TABLE posts_new RENAME TO posts;

CREATE INDEX posts_status_created ON posts (status, created_at DESC);
CREATE INDEX posts_author ON posts (author_id, created_at DESC);
CREATE INDEX posts_expires ON posts (expires_at);
CREATE INDEX posts_created ON posts (created_at DESC, id DESC);
CREATE INDEX posts_category_created ON posts (category, created_at DESC, id DESC);
CREATE INDEX posts_privacy_unsized ON posts (id) WHERE privacy_area_m IS NULL;

CREATE TRIGGER posts_fts_insert AFTER INSERT ON posts BEGIN
    INSERT INTO posts_fts (rowid, title, description) VALUES (new.id, new.title, new.description);
END;
CREATE TRIGGER posts_fts_update AFTER UPDATE OF title, description ON posts BEGIN
    INSERT INTO posts_fts (posts_fts, rowid, title, description) VALUES ('delete', old.id, old.title, old.description);
    INSERT INTO posts_fts (rowid, title, description) VALUES (new.id, new.title, new.description);
END;
CREATE TRIGGER posts_fts_delete AFTER DELETE ON posts BEGIN
    INSERT INTO posts_fts (posts_fts, rowid, title, description) VALUES ('delete', old.id, old.title, old.description);
END;

-- One open request per person; it goes when staff record the check or the person cancels it.
CREATE TABLE vetting_requests (
    user_id  INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    asked_at INTEGER NOT NULL,
    -- What the person wants staff to know (when they can meet, their association).
    note     TEXT    CHECK (note IS NULL OR length(note) BETWEEN 1 AND 500)
) STRICT;

-- Every check recorded, kept after it expires or is withdrawn (the history staff read).
CREATE TABLE vettings (
    id             INTEGER PRIMARY KEY,
    user_id        INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- The person's identity document was seen in person (no copy of it is kept).
    identity_seen  INTEGER NOT NULL CHECK (identity_seen = 1),
    association    TEXT    CHECK (association IS NULL OR length(association) BETWEEN 1 AND 120),
    -- The day of the in-person check (UTC seconds at the start of that day, Paris time).
    checked_on     INTEGER NOT NULL,
    -- Who met the person (a name: it may be a partner's agent, not an account).
    checked_by     TEXT    NOT NULL CHECK (length(checked_by) BETWEEN 2 AND 120),
    recorded_by    INTEGER NOT NULL REFERENCES users (id),
    recorded_at    INTEGER NOT NULL,
    expires_at     INTEGER NOT NULL CHECK (expires_at > checked_on),
    withdrawn_at   INTEGER,
    withdrawn_by   INTEGER REFERENCES users (id),
    withdrawn_reason TEXT  CHECK (withdrawn_reason IS NULL OR length(withdrawn_reason) BETWEEN 1 AND 500),
    CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL))
) STRICT;

CREATE INDEX vettings_user ON vettings (user_id, expires_at DESC);

-- Notifications get a kind: the volunteer is told when a check is recorded or withdrawn.
CREATE TABLE notifications_new (
    id              INTEGER PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users (id),
    post_id         INTEGER REFERENCES posts (id),
    conversation_id INTEGER REFERENCES conversations (id),
    kind            TEXT    NOT NULL CHECK (kind IN ('published', 'rejected', 'redacted', 'unpublished',
                            'response', 'message', 'accepted', 'withdrawn', 'done', 'fulfilled',
                            'expiring', 'help-check', 'alert', 'alerts-paused', 'vetting')),
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

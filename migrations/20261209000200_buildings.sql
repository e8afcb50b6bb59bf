-- « Mon immeuble » (#18 §3): a resident creates the group of their building — shown as
-- « Immeuble, rue des Tilleuls, Colmar », the street without its number, so the exact address
-- stays private —, prints a notice for the hall with a QR code and a short code to join;
-- neighbours who join read the group's posts. A post may be for the building only: it never
-- reaches the public map, list, API or exports, and is still validated by staff.
CREATE TABLE buildings (
    id            INTEGER PRIMARY KEY,
    street        TEXT    NOT NULL CHECK (length(street) BETWEEN 3 AND 100),
    commune_insee TEXT    NOT NULL,
    commune_name  TEXT    NOT NULL,
    -- Eight characters of an alphabet without look-alikes (no 0/O, 1/I/L), shown « ABCD-EFGH ».
    join_code     TEXT    NOT NULL UNIQUE CHECK (length(join_code) = 8),
    created_by    INTEGER NOT NULL REFERENCES users (id),
    created_at    INTEGER NOT NULL
) STRICT;

CREATE TABLE building_members (
    building_id INTEGER NOT NULL REFERENCES buildings (id),
    user_id     INTEGER NOT NULL REFERENCES users (id),
    joined_at   INTEGER NOT NULL,
    PRIMARY KEY (building_id, user_id)
) STRICT;
CREATE INDEX building_members_user ON building_members (user_id);

-- Wrong codes typed, per account, to slow down guessing (a code is on a notice in a hall).
CREATE TABLE building_join_failures (
    id      INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    at      INTEGER NOT NULL
) STRICT;
CREATE INDEX building_join_failures_user ON building_join_failures (user_id, at);

-- A post for the members of one building only (NULL: public).
ALTER TABLE posts ADD COLUMN building_id INTEGER REFERENCES buildings (id);
CREATE INDEX posts_building ON posts (building_id, created_at DESC) WHERE building_id IS NOT NULL;

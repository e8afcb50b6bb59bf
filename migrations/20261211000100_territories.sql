-- Many territories on one instance (#19 §2). A territory (a département, or any set of
-- communes) has its communes and its own staff; a post belongs to the territory of its commune.

CREATE TABLE territories (
    -- '68', '67', '2A', or any short code an operator chooses: the address /68 opens on it.
    code          TEXT    PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 12),
    name          TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    -- Who to write to or call about this territory, shown to its people (may be empty).
    contact_email TEXT    NOT NULL DEFAULT '',
    contact_phone TEXT    NOT NULL DEFAULT '',
    -- The local emergency numbers or services to add to the national ones (may be empty).
    emergency     TEXT    NOT NULL DEFAULT '',
    -- Shipped in the binary (its communes are written at each start) or added by an operator.
    built_in      INTEGER NOT NULL DEFAULT 0 CHECK (built_in IN (0, 1)),
    created_at    INTEGER NOT NULL
) STRICT;

-- The communes of every territory: names, postcodes, population, town hall and outline (the
-- GeoJSON coordinates of a MultiPolygon). A commune belongs to one territory.
CREATE TABLE territory_communes (
    insee      TEXT    PRIMARY KEY,
    territory  TEXT    NOT NULL REFERENCES territories (code),
    name       TEXT    NOT NULL,
    postcodes  TEXT    NOT NULL,
    population INTEGER NOT NULL,
    lat        REAL    NOT NULL,
    lon        REAL    NOT NULL,
    outline    TEXT    NOT NULL
) STRICT;
CREATE INDEX territory_communes_territory ON territory_communes (territory, insee);

-- The territories a staff member acts in. A moderator or admin with no row is national: they
-- see and act on every territory (as every staff member did before territories).
CREATE TABLE staff_territories (
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    territory TEXT    NOT NULL REFERENCES territories (code),
    PRIMARY KEY (user_id, territory)
) STRICT, WITHOUT ROWID;

INSERT INTO territories (code, name, built_in, created_at) VALUES ('68', 'Haut-Rhin', 1, unixepoch());

-- « Personnes » records a change of territories too (the codes given, or 'national').
CREATE TABLE people_audit_new (
    id         INTEGER PRIMARY KEY,
    actor_id   INTEGER NOT NULL REFERENCES users (id),
    user_id    INTEGER NOT NULL REFERENCES users (id),
    action     TEXT    NOT NULL CHECK (action IN ('role', 'disable', 'enable', 'reset-link', 'territories')),
    detail     TEXT    CHECK (detail IS NULL OR length(detail) <= 200),
    created_at INTEGER NOT NULL
) STRICT;
INSERT INTO people_audit_new (id, actor_id, user_id, action, detail, created_at)
    SELECT id, actor_id, user_id, action, detail, created_at FROM people_audit;
DROP TABLE people_audit;
ALTER TABLE people_audit_new RENAME TO people_audit;
CREATE INDEX people_audit_user ON people_audit (user_id, created_at);

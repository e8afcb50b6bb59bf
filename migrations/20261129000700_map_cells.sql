-- The map at scale. When an area holds more than 200 posts the map shows counts per grid cell
-- instead of pins. `map_cells` keeps those counts for every level of a fixed grid, in step with
-- `posts_geo` (by the application, in the same transaction: src/server/db/posts.rs), so an
-- area of any size is counted by reading at most a few thousand rows.

-- Two spatial indexes. With the category as a third dimension, posts sharing a point (a town
-- centre at the privacy grid's resolution) are split by category first: ideal for a category
-- filter, but a viewport of every category of 1M clustered posts read 40x more nodes than a
-- 2-D tree (measured: 2.6 ms against 0.07 ms for the same count). So `posts_geo` becomes 2-D,
-- for areas of every category, and the 3-D tree stays as `posts_geo_cat`, for a category filter.
-- `posts_geo` keeps, as auxiliary columns, what the counts need when a post leaves: its
-- category code, its kind, and its public point as stored (the trees keep 32-bit coordinates;
-- a post's cell must be computed from the same 64-bit values when it enters and leaves).
DROP TABLE posts_geo;
CREATE VIRTUAL TABLE posts_geo USING rtree (
    id,
    min_lat, max_lat,
    min_lon, max_lon,
    +cat, +kind, +lat, +lon
);
CREATE VIRTUAL TABLE posts_geo_cat USING rtree (
    id,
    min_lat, max_lat,
    min_lon, max_lon,
    min_cat, max_cat
);

-- Grid levels: a cell of level k is 2^-k degrees on a side (k = -2: 4°, k = 8: 1/256°, about
-- 300 m, the size of the privacy grid: finer cells would say nothing more).
CREATE TABLE map_levels (
    k     INTEGER PRIMARY KEY,
    scale REAL    NOT NULL
) STRICT;
INSERT INTO map_levels (k, scale) VALUES
    (-2, 0.25), (-1, 0.5), (0, 1), (1, 2), (2, 4), (3, 8), (4, 16), (5, 32), (6, 64), (7, 128), (8, 256);

-- Posts on the map per level, cell (cx = floor(lon * 2^k), cy = floor(lat * 2^k)), category
-- code and kind; with the sums of their points, for a bubble at the cell's centre of mass.
CREATE TABLE map_cells (
    level   INTEGER NOT NULL,
    cx      INTEGER NOT NULL,
    cy      INTEGER NOT NULL,
    cat     INTEGER NOT NULL,
    kind    TEXT    NOT NULL,
    n       INTEGER NOT NULL,
    sum_lat REAL    NOT NULL,
    sum_lon REAL    NOT NULL,
    PRIMARY KEY (level, cx, cy, cat, kind)
) STRICT, WITHOUT ROWID;

-- Expired posts leave the map index (and the counts) in a sweep, every minute: posts that
-- expired up to `swept_until` are out of `posts_geo`, and never enter it again.
CREATE TABLE map_state (
    only_row    INTEGER PRIMARY KEY CHECK (only_row = 1),
    swept_until INTEGER NOT NULL
) STRICT;
INSERT INTO map_state (only_row, swept_until) VALUES (1, 0);
CREATE INDEX posts_expires ON posts (expires_at);

-- "The newest posts of a wide area" walks posts newest first (of one category with a filter on
-- one category).
CREATE INDEX posts_created ON posts (created_at DESC, id DESC);
CREATE INDEX posts_category_created ON posts (category, created_at DESC, id DESC);

-- Rebuild the index and the counts as the application keeps them (statuses on the map:
-- published, and in progress unless the author took it off the map).
INSERT INTO posts_geo (id, min_lat, max_lat, min_lon, max_lon, cat, kind, lat, lon)
SELECT id, public_lat, public_lat, public_lon, public_lon,
       CASE category WHEN 'groceries' THEN 0 WHEN 'homework' THEN 1 WHEN 'childcare' THEN 2
                     WHEN 'food-aid' THEN 3 WHEN 'transport' THEN 4 WHEN 'diy' THEN 5
                     WHEN 'company' THEN 6 WHEN 'paperwork' THEN 7 ELSE 8 END,
       kind, public_lat, public_lon
FROM posts
WHERE hidden_at IS NULL AND status IN ('published', 'in-progress')
  AND NOT (status = 'in-progress' AND off_map_in_progress = 1);

INSERT INTO posts_geo_cat (id, min_lat, max_lat, min_lon, max_lon, min_cat, max_cat)
SELECT id, min_lat, max_lat, min_lon, max_lon, cat, cat FROM posts_geo;

INSERT INTO map_cells (level, cx, cy, cat, kind, n, sum_lat, sum_lon)
SELECT l.k,
       CAST(g.lon * l.scale + 1048576 AS INTEGER) - 1048576,
       CAST(g.lat * l.scale + 1048576 AS INTEGER) - 1048576,
       g.cat, g.kind, count(*), sum(g.lat), sum(g.lon)
FROM posts_geo g CROSS JOIN map_levels l
GROUP BY 1, 2, 3, 4, 5;

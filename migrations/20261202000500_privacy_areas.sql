-- The area a public point narrows a post to is sized by where people live (domain/privacy.rs):
-- the side of its privacy cell in metres, or 0 for the whole commune. Posts made before have
-- NULL and are placed again by the server at start (`services::posts::size_privacy_areas`,
-- which needs the communes' populations and outlines shipped in the binary).
ALTER TABLE posts ADD COLUMN privacy_area_m INTEGER CHECK (privacy_area_m IS NULL OR privacy_area_m >= 0);
CREATE INDEX posts_privacy_unsized ON posts (id) WHERE privacy_area_m IS NULL;

-- « Je publie pour un proche » (#18 §2): the post is written by someone close to the person
-- helped; the moment its author said that person agreed (NULL: a post for oneself).
ALTER TABLE posts ADD COLUMN relative_consent_at INTEGER;

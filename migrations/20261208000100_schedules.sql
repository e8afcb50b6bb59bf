-- When a post happens (#18 §5): one day (`when_day`, days since 1970-01-01 in Paris time), or
-- some days of each week or month (`when_days`, a bit mask: bit 0 is Monday or the 1st), within
-- hours (`when_from`, `when_to`: minutes since midnight) and until a last day (`when_until`).
-- A recurring post stays online a month at a time: its author confirms it (posts.expires_at).
ALTER TABLE posts ADD COLUMN when_kind TEXT CHECK (when_kind IS NULL OR when_kind IN ('once', 'weekly', 'monthly'));
ALTER TABLE posts ADD COLUMN when_day INTEGER;
ALTER TABLE posts ADD COLUMN when_days INTEGER CHECK (when_days IS NULL OR when_days BETWEEN 1 AND 2147483647);
ALTER TABLE posts ADD COLUMN when_from INTEGER CHECK (when_from IS NULL OR when_from BETWEEN 0 AND 1439);
ALTER TABLE posts ADD COLUMN when_to INTEGER CHECK (when_to IS NULL OR when_to BETWEEN 1 AND 1440);
ALTER TABLE posts ADD COLUMN when_until INTEGER;

-- "Today", "tomorrow", "this week": the dated posts are few; this index reads only them.
CREATE INDEX posts_scheduled ON posts (when_kind, when_day) WHERE when_kind IS NOT NULL;

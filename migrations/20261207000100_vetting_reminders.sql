-- A vetted helper is told once, when a renewal can be asked (two months before the check ends):
-- the day they were told (#18 §4).
ALTER TABLE vettings ADD COLUMN reminded_at INTEGER;
CREATE INDEX vettings_to_remind ON vettings (expires_at) WHERE withdrawn_at IS NULL AND reminded_at IS NULL;

-- A thank-you note shows its writer's name only when the writer chose to sign it. Notes written
-- before this choice existed become unsigned (names are no longer public by default).
ALTER TABLE thanks ADD COLUMN signed INTEGER NOT NULL DEFAULT 0 CHECK (signed IN (0, 1));

-- The language a person reads Entraide in: their notifications and e-mails are written in it.
-- Set at sign-up and at each log-in from the language of the page, and by the header's switch.
ALTER TABLE users ADD COLUMN lang TEXT NOT NULL DEFAULT 'fr' CHECK (lang IN ('fr', 'en'));

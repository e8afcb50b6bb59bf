-- "Supprimer mon compte": the account row stays (messages and audit rows point to it) but is
-- emptied of everything that identifies the person; `deleted_at` says when.
ALTER TABLE users ADD COLUMN deleted_at INTEGER;

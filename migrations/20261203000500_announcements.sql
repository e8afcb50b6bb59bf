-- Announcements: a dated banner on the home page ("Canicule : pensez à vos voisins âgés"),
-- written by admins, shown from the first day to the last (Paris time), both included.
CREATE TABLE announcements (
    id         INTEGER PRIMARY KEY,
    message    TEXT    NOT NULL CHECK (length(message) BETWEEN 1 AND 300),
    starts_at  INTEGER NOT NULL,
    ends_at    INTEGER NOT NULL CHECK (ends_at > starts_at),
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX announcements_ends ON announcements (ends_at);

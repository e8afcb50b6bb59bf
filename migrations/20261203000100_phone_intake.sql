-- Phone intake: a request or an offer filed by staff for a person who called the département.
-- The post's author is the staff member who filed it (answers reach them); the person who
-- called stays here, never in a public table. Their consent to publishing is required.
CREATE TABLE intakes (
    post_id        INTEGER PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
    filed_by       INTEGER NOT NULL REFERENCES users (id),
    person_name    TEXT    NOT NULL CHECK (length(person_name) BETWEEN 1 AND 100),
    person_phone   TEXT    NOT NULL CHECK (length(person_phone) BETWEEN 6 AND 30),
    street         TEXT    CHECK (street IS NULL OR length(street) <= 200),
    call_times     TEXT    CHECK (call_times IS NULL OR length(call_times) <= 200),
    -- The person agrees that their phone be given to the helper staff accept.
    share_phone    INTEGER NOT NULL CHECK (share_phone IN (0, 1)),
    -- "La personne accepte que sa demande soit publiée": when, and which staff member heard it.
    consent_at     INTEGER NOT NULL,
    consent_by     INTEGER NOT NULL REFERENCES users (id),
    -- The last time staff called the person back (clears "Rappeler la personne").
    called_back_at INTEGER
) STRICT;
CREATE INDEX intakes_filed_by ON intakes (filed_by);

-- Everything staff did for the person, in order: the audit of phone intake.
CREATE TABLE intake_events (
    id              INTEGER PRIMARY KEY,
    post_id         INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    actor_id        INTEGER NOT NULL REFERENCES users (id),
    action          TEXT    NOT NULL CHECK (action IN ('filed', 'accepted', 'phone-shared', 'withdrawn',
                            'helper-done', 'confirmed', 'thanked', 'called-back', 'closed', 'extended')),
    conversation_id INTEGER REFERENCES conversations (id),
    created_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX intake_events_post ON intake_events (post_id, created_at);

-- Keeping personal data only as long as needed (#21 §3). The background sweep erases, in
-- batches (src/server/services/retention.rs, durations in src/domain/retention.rs):
-- - a post's exact place, private note and phones, some months after it ended (the public
--   point, commune and category stay, for the figures): `details_erased_at` says it was done;
-- - conversations some months after their post ended;
-- - accounts without a log-in for years, warned by e-mail first (`inactivity_warned_at`);
-- - e-mails sent long ago, from the outbox.
ALTER TABLE posts ADD COLUMN details_erased_at INTEGER;
ALTER TABLE users ADD COLUMN inactivity_warned_at INTEGER;

-- The phone of a person who called can now be erased (NULL): `intakes` is rebuilt by SQLite's
-- procedure (nothing refers to it).
CREATE TABLE intakes_new (
    post_id        INTEGER PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
    filed_by       INTEGER NOT NULL REFERENCES users (id),
    person_name    TEXT    NOT NULL CHECK (length(person_name) BETWEEN 1 AND 100),
    -- NULL once erased by the retention sweep.
    person_phone   TEXT    CHECK (person_phone IS NULL OR length(person_phone) BETWEEN 6 AND 30),
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
INSERT INTO intakes_new (post_id, filed_by, person_name, person_phone, street, call_times, share_phone, consent_at,
    consent_by, called_back_at)
SELECT post_id, filed_by, person_name, person_phone, street, call_times, share_phone, consent_at, consent_by,
    called_back_at
FROM intakes;
DROP TABLE intakes;
ALTER TABLE intakes_new RENAME TO intakes;
CREATE INDEX intakes_filed_by ON intakes (filed_by);

-- The sweep's reads: posts whose details are still kept, e-mails sent.
CREATE INDEX posts_details_kept ON posts (expires_at) WHERE details_erased_at IS NULL;
CREATE INDEX outbox_sent ON outbox (sent_at) WHERE sent_at IS NOT NULL;

-- Emergencies recognised before publishing (#18 §1): the signs of an emergency or of distress
-- found in a post's title or description (src/domain/triage.rs), as comma-separated slugs;
-- NULL when there is none. Set when the post is written or edited by its author; the
-- moderation queue shows these posts first, with why.
ALTER TABLE posts ADD COLUMN urgent_signs TEXT
    CHECK (urgent_signs IS NULL OR (length(urgent_signs) BETWEEN 1 AND 100 AND urgent_signs GLOB '[a-z,]*'));

-- A phone number is shared with one helper, in one acceptance: it belongs to the conversation,
-- not to the post (an offer's other helpers never see it). Either side of a conversation may
-- block the other: the blocked side can no longer write in it.
ALTER TABLE conversations ADD COLUMN shared_phone TEXT
    CHECK (shared_phone IS NULL OR length(shared_phone) BETWEEN 6 AND 30);
ALTER TABLE conversations ADD COLUMN author_blocked_at INTEGER;
ALTER TABLE conversations ADD COLUMN responder_blocked_at INTEGER;
-- Helpers already accepted keep what they were shown; nobody else gets it.
UPDATE conversations SET shared_phone = (SELECT phone FROM posts WHERE posts.id = conversations.post_id)
    WHERE accepted_at IS NOT NULL;
ALTER TABLE posts DROP COLUMN phone;

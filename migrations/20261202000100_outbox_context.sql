-- What an e-mail is about (the post and conversation of its notification), so that erasing an
-- account cleans only the e-mails that can name it, never other people's.
ALTER TABLE outbox ADD COLUMN post_id INTEGER REFERENCES posts (id);
ALTER TABLE outbox ADD COLUMN conversation_id INTEGER REFERENCES conversations (id);

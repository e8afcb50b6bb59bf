-- Several app servers on one database (#19): what one server counts or takes, the others see.

-- The e-mail and push outboxes are taken by one server at a time: a delivery loop marks the
-- rows it is about to send with its own name and a lease, and another server's loop leaves them
-- alone until the lease has run out (the first server died) or they are handed back (it stopped).
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
ALTER TABLE outbox ADD COLUMN claimed_until INTEGER;
ALTER TABLE push_outbox ADD COLUMN claimed_by TEXT;
ALTER TABLE push_outbox ADD COLUMN claimed_until INTEGER;

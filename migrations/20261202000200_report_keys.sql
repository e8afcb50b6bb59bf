-- One open report per person and post, and one per person and message: a message report has
-- its own key (an author could not report a second message of the same post).
DROP INDEX reports_one_open_per_person;
CREATE UNIQUE INDEX reports_one_open_per_person ON reports (post_id, reporter_id)
    WHERE resolved_at IS NULL AND message_id IS NULL;
CREATE UNIQUE INDEX reports_one_open_per_message ON reports (message_id, reporter_id)
    WHERE resolved_at IS NULL AND message_id IS NOT NULL;
-- The allowance of reports a day is counted per reporter.
CREATE INDEX reports_reporter ON reports (reporter_id, created_at);

//! What the operator's metrics read at each scrape (`server/metrics.rs`): counts only, never a
//! row's content.

use super::sql::{self, Conn};

/// The figures read from the database at a scrape.
#[derive(Debug, Default, sqlx::FromRow)]
pub struct Levels {
    /// Posts waiting for a moderator's decision.
    pub queue: i64,
    /// When the oldest of them was written (or last edited).
    pub queue_oldest_at: Option<i64>,
    /// E-mails waiting to be sent and still tried.
    pub outbox_backlog: i64,
    /// E-mails given up after every attempt failed.
    pub outbox_given_up: i64,
    /// E-mails that failed at least once and still wait.
    pub outbox_failing: i64,
    /// Web pushes waiting to be sent.
    pub push_backlog: i64,
}

pub async fn levels(conn: &mut Conn, max_attempts: i64) -> Result<Levels, sqlx::Error> {
    sql::query_as(
        "SELECT (SELECT count(*) FROM posts WHERE status = 'pending') AS queue, \
         (SELECT min(created_at) FROM posts WHERE status = 'pending') AS queue_oldest_at, \
         (SELECT count(*) FROM outbox WHERE sent_at IS NULL AND attempts < $1) AS outbox_backlog, \
         (SELECT count(*) FROM outbox WHERE sent_at IS NULL AND attempts >= $1) AS outbox_given_up, \
         (SELECT count(*) FROM outbox WHERE sent_at IS NULL AND attempts > 0 AND attempts < $1) AS outbox_failing, \
         (SELECT count(*) FROM push_outbox WHERE sent_at IS NULL) AS push_backlog",
    )
    .bind(max_attempts)
    .fetch_one(conn)
    .await
}

/// How many posts are in each status (statuses without a post are absent).
pub async fn posts_by_status(conn: &mut Conn) -> Result<Vec<(String, i64)>, sqlx::Error> {
    sql::query_as("SELECT status, count(*) FROM posts GROUP BY status").fetch_all(conn).await
}

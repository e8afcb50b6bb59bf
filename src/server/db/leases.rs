//! The leases on the rows of a delivery queue (`server/workers.rs`): a server takes the rows it
//! is about to send in its own name until a time, and no other server takes them meanwhile.

use super::sql::{self, Conn, Engine};

/// A queue of rows to deliver, each with `sent_at`, `attempts`, `claimed_by`, `claimed_until`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Queue {
    /// `outbox`: e-mails.
    Emails,
    /// `push_outbox`: pushes to phones.
    Pushes,
}

impl Queue {
    fn table(self) -> &'static str {
        match self {
            Queue::Emails => "outbox",
            Queue::Pushes => "push_outbox",
        }
    }
}

/// What a server takes at once.
#[derive(Debug, Clone, Copy)]
pub struct Take<'a> {
    /// The server's name (`workers::me()`).
    pub worker: &'a str,
    /// Now: leases that ended before are over.
    pub now: i64,
    /// When this lease ends.
    pub until: i64,
    /// Rows tried this many times are left alone.
    pub max_attempts: i64,
    /// Only rows after this id (each row once per pass).
    pub after: i64,
    pub limit: i64,
}

/// Takes up to `t.limit` rows of `queue` still to send after `t.after` (oldest first, not failed
/// too often, under no other server's lease) in the name of `t.worker`, in one statement: two
/// servers never take the same row. Their ids, in order.
pub async fn claim(conn: &mut Conn, queue: Queue, t: Take<'_>) -> Result<Vec<i64>, sqlx::Error> {
    let table = queue.table();
    // SQLite runs one writing statement at a time. On PostgreSQL, two servers claiming at once
    // would pick the same rows: each locks those it picks and skips those another has locked.
    let skip_locked = match conn.engine() {
        Engine::Sqlite => "",
        Engine::Postgres => " FOR UPDATE SKIP LOCKED",
    };
    let mut ids: Vec<i64> = sql::query_scalar(&format!(
        "UPDATE {table} SET claimed_by = $1, claimed_until = $2 WHERE id IN (\
           SELECT id FROM {table} WHERE sent_at IS NULL AND attempts < $3 AND id > $4 \
           AND (claimed_until IS NULL OR claimed_until <= $5) ORDER BY id LIMIT $6{skip_locked}) \
         RETURNING id"
    ))
    .bind(t.worker)
    .bind(t.until)
    .bind(t.max_attempts)
    .bind(t.after)
    .bind(t.now)
    .bind(t.limit)
    .fetch_all(conn)
    .await?;
    ids.sort_unstable();
    Ok(ids)
}

/// Hands back the rows of `queue` that `worker` took and has not sent (it is stopping): another
/// server may take them at once. How many.
pub async fn release(conn: &mut Conn, queue: Queue, worker: &str) -> Result<u64, sqlx::Error> {
    let table = queue.table();
    sql::query(&format!(
        "UPDATE {table} SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = $1 AND sent_at IS NULL"
    ))
    .bind(worker)
    .execute(conn)
    .await
    .map(|r| r.rows_affected())
}

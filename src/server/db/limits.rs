//! SQL of the limits on attempts (`server/throttle.rs`): one row per attempt counted, shared by
//! every app server on the database. Keys arrive hashed.

use super::sql::{self, Conn};

/// Counts an attempt of `key` in `bucket` at `now` if fewer than `max` were counted since
/// `since`, in one statement (two servers checking at once cannot both pass the last place):
/// the new row's id, or `None` when the limit is reached.
pub async fn take(
    conn: &mut Conn,
    bucket: &str,
    key: &str,
    now: i64,
    since: i64,
    max: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sql::query_scalar(
        "INSERT INTO limit_attempts (bucket, key, at) SELECT $1, $2, $3 \
         WHERE (SELECT count(*) FROM limit_attempts WHERE bucket = $1 AND key = $2 AND at > $4) < $5 \
         RETURNING id",
    )
    .bind(bucket)
    .bind(key)
    .bind(now)
    .bind(since)
    .bind(max)
    .fetch_optional(conn)
    .await
}

/// The oldest attempt of `key` in `bucket` still counted after `since` (when the next place
/// frees up).
pub async fn oldest(conn: &mut Conn, bucket: &str, key: &str, since: i64) -> Result<Option<i64>, sqlx::Error> {
    sql::query_scalar("SELECT min(at) FROM limit_attempts WHERE bucket = $1 AND key = $2 AND at > $3")
        .bind(bucket)
        .bind(key)
        .bind(since)
        .fetch_one(conn)
        .await
}

/// Hands back the attempt `id` (it did not count).
pub async fn give_back(conn: &mut Conn, id: i64) -> Result<(), sqlx::Error> {
    sql::query("DELETE FROM limit_attempts WHERE id = $1").bind(id).execute(conn).await.map(|_| ())
}

/// Forgets every attempt of `key` in `bucket` (after a success).
pub async fn clear(conn: &mut Conn, bucket: &str, key: &str) -> Result<(), sqlx::Error> {
    sql::query("DELETE FROM limit_attempts WHERE bucket = $1 AND key = $2")
        .bind(bucket)
        .bind(key)
        .execute(conn)
        .await
        .map(|_| ())
}

/// Deletes the attempts made before `before` (no window reaches them any more); how many.
pub async fn forget_before(conn: &mut Conn, before: i64) -> Result<u64, sqlx::Error> {
    sql::query("DELETE FROM limit_attempts WHERE at < $1").bind(before).execute(conn).await.map(|r| r.rows_affected())
}

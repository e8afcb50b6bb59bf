//! SQL of Web Push: the server's VAPID key, the browsers subscribed, the pushes to send. No
//! authorization here; `remove` is scoped to the account given.

use super::leases;
use super::sql::{self, Conn};

/// The stored VAPID key pair (its secret scalar), if made already.
pub async fn vapid_key(conn: &mut Conn) -> Result<Option<Vec<u8>>, sqlx::Error> {
    sql::query_scalar("SELECT value FROM server_keys WHERE name = 'vapid'").fetch_optional(conn).await
}

/// Keeps `key` as the VAPID key unless one is there already (two servers starting at once keep
/// the first).
pub async fn keep_vapid_key(conn: &mut Conn, key: &[u8], now: i64) -> Result<(), sqlx::Error> {
    sql::query(
        "INSERT INTO server_keys (name, value, created_at) VALUES ('vapid', $1, $2) ON CONFLICT (name) DO NOTHING",
    )
    .bind(key)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Subscribes a browser for `user_id` (a browser already subscribed now belongs to this account:
/// the phone changed hands, or the person logged in again).
pub async fn subscribe(
    conn: &mut Conn,
    user_id: i64,
    endpoint: &str,
    p256dh: &str,
    auth: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sql::query(
        "INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth, created_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (endpoint) DO UPDATE SET user_id = excluded.user_id, p256dh = excluded.p256dh, \
         auth = excluded.auth, created_at = excluded.created_at",
    )
    .bind(user_id)
    .bind(endpoint)
    .bind(p256dh)
    .bind(auth)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Removes the browser at `endpoint` of `user_id`; whether there was one.
pub async fn remove(conn: &mut Conn, user_id: i64, endpoint: &str) -> Result<bool, sqlx::Error> {
    Ok(sql::query("DELETE FROM push_subscriptions WHERE user_id = $1 AND endpoint = $2")
        .bind(user_id)
        .bind(endpoint)
        .execute(conn)
        .await?
        .rows_affected()
        == 1)
}

/// How many browsers receive pushes for `user_id`.
pub async fn count_of_user(conn: &mut Conn, user_id: i64) -> Result<i64, sqlx::Error> {
    sql::query_scalar("SELECT count(*) FROM push_subscriptions WHERE user_id = $1").bind(user_id).fetch_one(conn).await
}

/// A push to send, with its browser.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PushRow {
    pub id: i64,
    pub subscription_id: i64,
    pub payload: String,
    pub endpoint: String,
    pub p256dh: String,
    pub auth: String,
    pub attempts: i64,
}

/// The pushes taken by `take` (`leases::claim`), with their browsers' keys, in order.
pub async fn claim(conn: &mut Conn, take: leases::Take<'_>) -> Result<Vec<PushRow>, sqlx::Error> {
    let ids = leases::claim(conn, leases::Queue::Pushes, take).await?;
    let (Some(first), Some(last)) = (ids.first(), ids.last()) else { return Ok(vec![]) };
    sql::query_as(
        "SELECT o.id, o.subscription_id, o.payload, s.endpoint, s.p256dh, s.auth, o.attempts \
         FROM push_outbox o JOIN push_subscriptions s ON s.id = o.subscription_id \
         WHERE o.claimed_by = $1 AND o.sent_at IS NULL AND o.id BETWEEN $2 AND $3 ORDER BY o.id",
    )
    .bind(take.worker)
    .bind(first)
    .bind(last)
    .fetch_all(conn)
    .await
}

/// Records the outcome of one attempt: `Ok` sent; `Err(why, permanent)` failed.
pub async fn record_attempt(
    conn: &mut Conn,
    id: i64,
    result: Result<(), (&str, bool)>,
    max_attempts: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    match result {
        Ok(()) => {
            sql::query(
                "UPDATE push_outbox SET sent_at = $2, attempts = attempts + 1, last_error = NULL, claimed_by = NULL, \
             claimed_until = NULL WHERE id = $1",
            )
            .bind(id)
            .bind(now)
            .execute(conn)
            .await?
        }
        Err((why, permanent)) => {
            sql::query(
                "UPDATE push_outbox SET attempts = CASE WHEN $3 THEN $4 ELSE attempts + 1 END, last_error = $2, \
             claimed_by = NULL, claimed_until = NULL WHERE id = $1",
            )
            .bind(id)
            .bind(why)
            .bind(permanent)
            .bind(max_attempts)
            .execute(conn)
            .await?
        }
    };
    Ok(())
}

/// Drops a browser the push service says is gone, with what waited for it.
pub async fn drop_subscription(conn: &mut Conn, id: i64) -> Result<(), sqlx::Error> {
    sql::query("DELETE FROM push_subscriptions WHERE id = $1").bind(id).execute(conn).await?;
    Ok(())
}

/// Everything about the pushes of `user_id` (erasure of the account).
pub async fn erase_user(conn: &mut Conn, user_id: i64) -> Result<(), sqlx::Error> {
    sql::query("DELETE FROM push_subscriptions WHERE user_id = $1").bind(user_id).execute(conn).await?;
    Ok(())
}

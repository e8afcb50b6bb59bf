//! SQL for the single-use links of accounts (e-mail verification, password reset), the
//! per-address record of reset requests, and the audit of operators' account actions.

use super::sql::{self, Conn};

/// What a link is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Reset,
    Verify,
}

impl Purpose {
    fn slug(self) -> &'static str {
        match self {
            Purpose::Reset => "reset",
            Purpose::Verify => "verify",
        }
    }
}

/// A stored link.
#[derive(Debug, sqlx::FromRow)]
pub struct TokenRow {
    pub id: i64,
    pub user_id: i64,
    pub email: String,
    pub expires_at: i64,
    pub used_at: Option<i64>,
}

/// Stores a new link for `user_id`, voiding (deleting) the older ones of the same purpose.
pub async fn replace(
    conn: &mut Conn,
    user_id: i64,
    purpose: Purpose,
    token_hash: &str,
    email: &str,
    now: i64,
    valid_secs: i64,
) -> Result<(), sqlx::Error> {
    sql::query("DELETE FROM account_tokens WHERE user_id = $1 AND purpose = $2")
        .bind(user_id)
        .bind(purpose.slug())
        .execute(&mut *conn)
        .await?;
    sql::query(
        "INSERT INTO account_tokens (user_id, purpose, token_hash, email, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(user_id)
    .bind(purpose.slug())
    .bind(token_hash)
    .bind(email)
    .bind(now)
    .bind(now + valid_secs)
    .execute(conn)
    .await?;
    Ok(())
}

/// The link with this hash and purpose, used or not.
pub async fn find(conn: &mut Conn, purpose: Purpose, token_hash: &str) -> Result<Option<TokenRow>, sqlx::Error> {
    sql::query_as(
        "SELECT id, user_id, email, expires_at, used_at FROM account_tokens WHERE purpose = $1 AND token_hash = $2",
    )
    .bind(purpose.slug())
    .bind(token_hash)
    .fetch_optional(conn)
    .await
}

/// Marks link `id` used; false if it already was (two uses at once: only one wins).
pub async fn use_once(conn: &mut Conn, id: i64, now: i64) -> Result<bool, sqlx::Error> {
    let done = sql::query("UPDATE account_tokens SET used_at = $1 WHERE id = $2 AND used_at IS NULL")
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?
        .rows_affected();
    Ok(done == 1)
}

/// Voids every link of `user_id` with this purpose.
pub async fn void_all(conn: &mut Conn, user_id: i64, purpose: Purpose) -> Result<(), sqlx::Error> {
    sql::query("DELETE FROM account_tokens WHERE user_id = $1 AND purpose = $2")
        .bind(user_id)
        .bind(purpose.slug())
        .execute(conn)
        .await?;
    Ok(())
}

/// How many requests were recorded for this address hash since `since`.
pub async fn requests_since(conn: &mut Conn, email_hash: &str, since: i64) -> Result<i64, sqlx::Error> {
    sql::query_scalar("SELECT count(*) FROM reset_requests WHERE email_hash = $1 AND created_at >= $2")
        .bind(email_hash)
        .bind(since)
        .fetch_one(conn)
        .await
}

/// Records a request (a reset asked for, a verification link sent again) for an address hash.
pub async fn record_request(conn: &mut Conn, email_hash: &str, now: i64) -> Result<(), sqlx::Error> {
    sql::query("INSERT INTO reset_requests (email_hash, created_at) VALUES ($1, $2)")
        .bind(email_hash)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// Audits an operator's action on account `user_id`.
pub async fn audit(conn: &mut Conn, user_id: i64, action: &str, actor: &str, now: i64) -> Result<(), sqlx::Error> {
    sql::query("INSERT INTO account_audit (user_id, action, actor, created_at) VALUES ($1, $2, $3, $4)")
        .bind(user_id)
        .bind(action)
        .bind(actor)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

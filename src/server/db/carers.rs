//! SQL for relatives and carers who follow a post (« un proche à mes côtés »). No authorization
//! here: `services::carers` decides who may invite, accept, remove or read.

use super::sql::{self, Conn};

/// An invitation or a relative who follows, as the service needs it to decide.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CarerRow {
    pub id: i64,
    pub post_id: i64,
    pub author_id: i64,
    pub expires_at: i64,
    pub user_id: Option<i64>,
    pub removed_at: Option<i64>,
}

const COLUMNS: &str = "SELECT id, post_id, author_id, expires_at, user_id, removed_at FROM carers";

pub async fn insert(
    conn: &mut Conn,
    post_id: i64,
    author_id: i64,
    email: &str,
    token_hash: &str,
    now: i64,
    expires_at: i64,
) -> Result<i64, sqlx::Error> {
    sql::query_scalar(
        "INSERT INTO carers (post_id, author_id, email, token_hash, invited_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(post_id)
    .bind(author_id)
    .bind(email)
    .bind(token_hash)
    .bind(now)
    .bind(expires_at)
    .fetch_one(conn)
    .await
}

pub async fn by_id(conn: &mut Conn, id: i64) -> Result<Option<CarerRow>, sqlx::Error> {
    sql::query_as(&format!("{COLUMNS} WHERE id = $1")).bind(id).fetch_optional(conn).await
}

pub async fn by_token(conn: &mut Conn, token_hash: &str) -> Result<Option<CarerRow>, sqlx::Error> {
    sql::query_as(&format!("{COLUMNS} WHERE token_hash = $1")).bind(token_hash).fetch_optional(conn).await
}

/// The relatives of a post who follow it, or whose invitation still waits, at `now`.
pub async fn live_of_post(conn: &mut Conn, post_id: i64, now: i64) -> Result<i64, sqlx::Error> {
    sql::query_scalar(
        "SELECT count(*) FROM carers WHERE post_id = $1 AND removed_at IS NULL \
         AND (user_id IS NOT NULL OR expires_at > $2)",
    )
    .bind(post_id)
    .bind(now)
    .fetch_one(conn)
    .await
}

/// Whether `email` already has a waiting invitation to this post.
pub async fn waiting_for(conn: &mut Conn, post_id: i64, email: &str, now: i64) -> Result<bool, sqlx::Error> {
    sql::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM carers WHERE post_id = $1 AND email = $2 AND removed_at IS NULL \
         AND user_id IS NULL AND expires_at > $3)",
    )
    .bind(post_id)
    .bind(email)
    .bind(now)
    .fetch_one(conn)
    .await
}

/// How many invitations `author_id` sent since `since` (rate limit).
pub async fn invited_since(conn: &mut Conn, author_id: i64, since: i64) -> Result<i64, sqlx::Error> {
    sql::query_scalar("SELECT count(*) FROM carers WHERE author_id = $1 AND invited_at > $2")
        .bind(author_id)
        .bind(since)
        .fetch_one(conn)
        .await
}

/// The invitation is accepted by `user_id`: the address and the link are forgotten.
pub async fn accept(conn: &mut Conn, id: i64, user_id: i64, now: i64) -> Result<(), sqlx::Error> {
    sql::query("UPDATE carers SET user_id = $2, accepted_at = $3, email = NULL, token_hash = NULL WHERE id = $1")
        .bind(id)
        .bind(user_id)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// Removes a relative (or cancels an invitation): the address and the link are forgotten.
pub async fn remove(conn: &mut Conn, id: i64, now: i64) -> Result<(), sqlx::Error> {
    sql::query("UPDATE carers SET removed_at = $2, email = NULL, token_hash = NULL WHERE id = $1")
        .bind(id)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// Whether `user_id` follows post `post_id` now (accepted, not removed).
pub async fn follows(conn: &mut Conn, post_id: i64, user_id: i64) -> Result<bool, sqlx::Error> {
    sql::query_scalar("SELECT EXISTS (SELECT 1 FROM carers WHERE post_id = $1 AND user_id = $2 AND removed_at IS NULL)")
        .bind(post_id)
        .bind(user_id)
        .fetch_one(conn)
        .await
}

/// The relatives who follow post `post_id` when `user_id` is its author (nobody otherwise): they
/// get a copy of what its author is told.
pub async fn followers_if_author(
    conn: &mut Conn,
    post_id: i64,
    user_id: i64,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sql::query_as(
        "SELECT c.user_id, u.display_name FROM carers c JOIN posts p ON p.id = c.post_id \
         JOIN users u ON u.id = p.author_id \
         WHERE c.post_id = $1 AND p.author_id = $2 AND c.author_id = $2 AND c.user_id IS NOT NULL \
         AND c.removed_at IS NULL ORDER BY c.id",
    )
    .bind(post_id)
    .bind(user_id)
    .fetch_all(conn)
    .await
}

/// A relative of one of my posts, as I see them.
#[derive(Debug, sqlx::FromRow)]
pub struct OfMine {
    pub id: i64,
    pub post_id: i64,
    /// Their display name once they accepted.
    pub name: Option<String>,
    /// The address invited, while the invitation waits.
    pub email: Option<String>,
    pub expires_at: i64,
}

/// The relatives of `author_id`'s posts who follow, and the invitations still waiting at `now`.
pub async fn of_author(conn: &mut Conn, author_id: i64, now: i64) -> Result<Vec<OfMine>, sqlx::Error> {
    sql::query_as(
        "SELECT c.id, c.post_id, u.display_name AS name, c.email, c.expires_at FROM carers c \
         LEFT JOIN users u ON u.id = c.user_id WHERE c.author_id = $1 AND c.removed_at IS NULL \
         AND (c.user_id IS NOT NULL OR c.expires_at > $2) ORDER BY c.id",
    )
    .bind(author_id)
    .bind(now)
    .fetch_all(conn)
    .await
}

/// A post I follow as a relative.
#[derive(Debug, sqlx::FromRow)]
pub struct Followed {
    pub id: i64,
    pub post_id: i64,
    pub title: String,
    pub kind: String,
    pub category: String,
    pub status: String,
    pub commune: String,
    pub expires_at: i64,
    pub hidden: bool,
    pub author_name: String,
}

/// The posts `user_id` follows, newest first.
pub async fn followed_by(conn: &mut Conn, user_id: i64) -> Result<Vec<Followed>, sqlx::Error> {
    sql::query_as(
        "SELECT c.id, p.id AS post_id, p.title, p.kind, p.category, p.status, p.commune_name AS commune, \
         p.expires_at, p.hidden_at IS NOT NULL AS hidden, u.display_name AS author_name \
         FROM carers c JOIN posts p ON p.id = c.post_id JOIN users u ON u.id = p.author_id \
         WHERE c.user_id = $1 AND c.removed_at IS NULL ORDER BY c.accepted_at DESC, c.id DESC LIMIT 100",
    )
    .bind(user_id)
    .fetch_all(conn)
    .await
}

/// The conversations of the posts `user_id` follows: (post, conversation, the responder's name,
/// accepted as helper).
pub async fn conversations_followed(
    conn: &mut Conn,
    user_id: i64,
) -> Result<Vec<(i64, i64, String, bool)>, sqlx::Error> {
    sql::query_as(
        "SELECT v.post_id, v.id, u.display_name, v.accepted_at IS NOT NULL FROM conversations v \
         JOIN users u ON u.id = v.responder_id WHERE v.post_id IN \
         (SELECT post_id FROM carers WHERE user_id = $1 AND removed_at IS NULL) \
         ORDER BY v.accepted_at IS NULL, v.last_message_at DESC",
    )
    .bind(user_id)
    .fetch_all(conn)
    .await
}

/// Forgets the address and the link of invitations past their day (retention).
pub async fn forget_expired_invitations(conn: &mut Conn, now: i64) -> Result<u64, sqlx::Error> {
    sql::query(
        "UPDATE carers SET email = NULL, token_hash = NULL WHERE user_id IS NULL AND expires_at <= $1 \
         AND (email IS NOT NULL OR token_hash IS NOT NULL)",
    )
    .bind(now)
    .execute(conn)
    .await
    .map(|r| r.rows_affected())
}

/// An account is erased: the invitations it sent and the posts it followed go.
pub async fn erase_user(conn: &mut Conn, user_id: i64) -> Result<(), sqlx::Error> {
    sql::query("DELETE FROM carers WHERE author_id = $1 OR user_id = $1").bind(user_id).execute(conn).await?;
    Ok(())
}

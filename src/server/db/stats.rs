//! SQL for the figures of « Pilotage »: the facts of each post published in a period (when
//! it was published, first answered, accepted, done), the moderation decisions of the period,
//! and a few counts. The counting itself is `domain::stats`. No authorization decisions here.

use super::sql::{self, Conn};
use super::territories::post_in_scope;

/// What to read: `[from, to)` in UTC seconds, an INSEE code, a category slug.
#[derive(Clone, Debug)]
pub struct Scope {
    pub from: i64,
    pub to: i64,
    pub commune: Option<String>,
    pub category: Option<String>,
    /// The staff member reading: only the posts of their territories count.
    pub staff: i64,
}

/// A post published in the period.
#[derive(Debug, sqlx::FromRow)]
pub struct PostRow {
    pub kind: String,
    pub category: String,
    pub poster_kind: String,
    pub commune_insee: String,
    pub commune_name: String,
    pub published_at: i64,
    pub first_answer_at: Option<i64>,
    pub accepted_at: Option<i64>,
    pub fulfilled_at: Option<i64>,
}

/// When a post was published: its first approval or redaction, or its creation when it never
/// waited for moderation (filed by phone, published by staff, loaded as demo data).
const PUBLISHED_AT: &str = "COALESCE((SELECT MIN(m.created_at) FROM moderation_events m WHERE m.post_id = p.id \
     AND m.action IN ('approve', 'redact')), CASE WHEN p.status NOT IN ('pending', 'rejected') THEN p.created_at END)";

/// The posts published in the period. A post's `updated_at` is at or after its publication
/// (publishing sets it), which bounds the scan from below.
pub async fn posts(conn: &mut Conn, s: &Scope) -> Result<Vec<PostRow>, sqlx::Error> {
    let sql = format!(
        "SELECT * FROM (SELECT p.kind, p.category, p.poster_kind, p.commune_insee, p.commune_name, \
         {PUBLISHED_AT} AS published_at, \
         (SELECT MIN(c.created_at) FROM conversations c WHERE c.post_id = p.id) AS first_answer_at, \
         (SELECT MIN(c.accepted_at) FROM conversations c WHERE c.post_id = p.id) AS accepted_at, \
         CASE WHEN p.status = 'fulfilled' THEN p.updated_at END AS fulfilled_at \
         FROM posts p WHERE p.updated_at >= $1 AND p.created_at < $2 \
         AND ($3 IS NULL OR p.commune_insee = $3) AND ($4 IS NULL OR p.category = $4) AND {}) AS published \
         WHERE published_at >= $1 AND published_at < $2",
        post_in_scope("p", 5)
    );
    sql::query_as(&sql).bind(s.from).bind(s.to).bind(&s.commune).bind(&s.category).bind(s.staff).fetch_all(conn).await
}

/// A moderation decision of the period, with the wait before it when it was the post's first.
#[derive(Debug, sqlx::FromRow)]
pub struct DecisionRow {
    pub action: String,
    pub reason: Option<String>,
    pub wait: Option<i64>,
}

/// The approvals, rejections and redactions taken in the period.
pub async fn decisions(conn: &mut Conn, s: &Scope) -> Result<Vec<DecisionRow>, sqlx::Error> {
    sql::query_as(&format!(
        "SELECT m.action, m.reason, \
         CASE WHEN NOT EXISTS (SELECT 1 FROM moderation_events e WHERE e.post_id = m.post_id \
             AND e.action IN ('approve', 'reject', 'redact') AND (e.created_at, e.id) < (m.created_at, m.id)) \
           THEN m.created_at - p.created_at END AS wait \
         FROM moderation_events m JOIN posts p ON p.id = m.post_id \
         WHERE m.action IN ('approve', 'reject', 'redact') AND m.created_at >= $1 AND m.created_at < $2 \
         AND ($3 IS NULL OR p.commune_insee = $3) AND ($4 IS NULL OR p.category = $4) AND {}",
        post_in_scope("p", 5)
    ))
    .bind(s.from)
    .bind(s.to)
    .bind(&s.commune)
    .bind(&s.category)
    .bind(s.staff)
    .fetch_all(conn)
    .await
}

/// Posts waiting for a moderator now.
pub async fn waiting(conn: &mut Conn, s: &Scope) -> Result<i64, sqlx::Error> {
    sql::query_scalar(&format!(
        "SELECT COUNT(*) FROM posts p WHERE p.status = 'pending' AND p.hidden_at IS NULL \
         AND ($1 IS NULL OR p.commune_insee = $1) AND ($2 IS NULL OR p.category = $2) AND {}",
        post_in_scope("p", 3)
    ))
    .bind(&s.commune)
    .bind(&s.category)
    .bind(s.staff)
    .fetch_one(conn)
    .await
}

/// The communes (INSEE codes) of the requests whose time ran out in the period (up to `now`)
/// while still on the map, nobody having answered.
pub async fn expired_unanswered(conn: &mut Conn, s: &Scope, now: i64) -> Result<Vec<String>, sqlx::Error> {
    let least = conn.engine().least();
    sql::query_scalar(&format!(
        "SELECT p.commune_insee FROM posts p WHERE p.kind = 'request' AND p.status = 'published' \
         AND p.hidden_at IS NULL AND p.expires_at >= $1 AND p.expires_at < {least}($2, $3) \
         AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.post_id = p.id) \
         AND ($4 IS NULL OR p.commune_insee = $4) AND ($5 IS NULL OR p.category = $5) AND {}",
        post_in_scope("p", 6)
    ))
    .bind(s.from)
    .bind(s.to)
    .bind(now)
    .bind(&s.commune)
    .bind(&s.category)
    .bind(s.staff)
    .fetch_all(conn)
    .await
}

/// People who wrote as helpers (in a conversation they opened on someone's post) in the period.
pub async fn active_volunteers(conn: &mut Conn, s: &Scope) -> Result<i64, sqlx::Error> {
    sql::query_scalar(&format!(
        "SELECT COUNT(DISTINCT m.sender_id) FROM messages m JOIN conversations c ON c.id = m.conversation_id \
         JOIN posts p ON p.id = c.post_id WHERE m.sender_id = c.responder_id \
         AND m.created_at >= $1 AND m.created_at < $2 \
         AND ($3 IS NULL OR p.commune_insee = $3) AND ($4 IS NULL OR p.category = $4) AND {}",
        post_in_scope("p", 5)
    ))
    .bind(s.from)
    .bind(s.to)
    .bind(&s.commune)
    .bind(&s.category)
    .bind(s.staff)
    .fetch_one(conn)
    .await
}

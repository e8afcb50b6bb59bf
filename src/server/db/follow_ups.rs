//! SQL for follow-ups: the posts the sweep must raise something about (unanswered requests,
//! posts about to expire, help accepted long ago), the follow-ups themselves — each raised at
//! most once per post and state by a unique key — and the staff's list. No authorization here.

use super::sql::{self, Conn};

/// A post the sweep may raise something about.
#[derive(Debug, sqlx::FromRow)]
pub struct Candidate {
    pub post_id: i64,
    pub author_id: Option<i64>,
    pub title: String,
    pub category: String,
    /// The state the follow-up is for: the creation, the expiry or the acceptance.
    pub state_at: i64,
    /// Whether it comes back (weekly or monthly): its expiry asks for a confirmation.
    #[sqlx(default)]
    pub recurring: bool,
}

/// Public requests created before `before` that nobody answered, not raised yet.
pub async fn unanswered(conn: &mut Conn, now: i64, before: i64) -> Result<Vec<Candidate>, sqlx::Error> {
    sql::query_as(
        "SELECT p.id AS post_id, p.author_id, p.title, p.category, p.created_at AS state_at FROM posts p \
         WHERE p.kind = 'request' AND p.status = 'published' AND p.hidden_at IS NULL AND p.expires_at > $1 \
         AND p.created_at <= $2 AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.post_id = p.id) \
         AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.post_id = p.id AND f.kind = 'unanswered' \
            AND f.state_at = p.created_at) ORDER BY p.created_at",
    )
    .bind(now)
    .bind(before)
    .fetch_all(conn)
    .await
}

/// Public posts of an account expiring after `now` and by `until`, not announced yet.
pub async fn expiring(conn: &mut Conn, now: i64, until: i64) -> Result<Vec<Candidate>, sqlx::Error> {
    sql::query_as(
        "SELECT p.id AS post_id, p.author_id, p.title, p.category, p.expires_at AS state_at, \
         coalesce(p.when_kind IN ('weekly', 'monthly'), FALSE) AS recurring FROM posts p \
         WHERE p.status IN ('published', 'in-progress') AND p.hidden_at IS NULL AND p.author_id IS NOT NULL \
         AND (p.when_kind IS NULL OR p.when_kind <> 'once') \
         AND p.expires_at > $1 AND p.expires_at <= $2 AND NOT EXISTS (SELECT 1 FROM follow_ups f \
            WHERE f.post_id = p.id AND f.kind = 'expiring' AND f.state_at = p.expires_at)",
    )
    .bind(now)
    .bind(until)
    .fetch_all(conn)
    .await
}

/// Requests in progress whose helper was accepted by `before` and that are not confirmed, not
/// checked yet for that acceptance.
pub async fn unconfirmed_help(conn: &mut Conn, before: i64) -> Result<Vec<Candidate>, sqlx::Error> {
    sql::query_as(
        "SELECT p.id AS post_id, p.author_id, p.title, p.category, a.accepted_at AS state_at FROM posts p \
         JOIN (SELECT post_id, MIN(accepted_at) AS accepted_at FROM conversations WHERE accepted_at IS NOT NULL \
            GROUP BY post_id) a ON a.post_id = p.id \
         WHERE p.kind = 'request' AND p.status = 'in-progress' AND p.author_id IS NOT NULL AND a.accepted_at <= $1 \
         AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.post_id = p.id AND f.kind = 'help-check' \
            AND f.state_at = a.accepted_at)",
    )
    .bind(before)
    .fetch_all(conn)
    .await
}

/// Raises a follow-up; `None` when this post and state already had one (the unique key).
pub async fn raise(
    conn: &mut Conn,
    post_id: i64,
    kind: &str,
    state_at: i64,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sql::query_scalar(
        "INSERT INTO follow_ups (post_id, kind, state_at, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (post_id, kind, state_at) DO NOTHING RETURNING id",
    )
    .bind(post_id)
    .bind(kind)
    .bind(state_at)
    .bind(now)
    .fetch_optional(conn)
    .await
}

/// Checks asked by `asked_before` and still unanswered go to the staff's list. Returns how many.
pub async fn escalate_silent(conn: &mut Conn, asked_before: i64, now: i64) -> Result<u64, sqlx::Error> {
    let done = sql::query(
        "UPDATE follow_ups SET escalated_at = $2 WHERE kind = 'help-check' AND answer IS NULL \
         AND escalated_at IS NULL AND resolved_at IS NULL AND created_at <= $1",
    )
    .bind(asked_before)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}

/// A check, as its author's page needs it.
#[derive(Debug, sqlx::FromRow)]
pub struct CheckRow {
    pub id: i64,
    pub post_id: i64,
    pub author_id: Option<i64>,
    pub title: String,
    pub status: String,
    pub answer: Option<String>,
    pub resolved: bool,
}

/// The help check `id`.
pub async fn check(conn: &mut Conn, id: i64) -> Result<Option<CheckRow>, sqlx::Error> {
    sql::query_as(
        "SELECT f.id, f.post_id, p.author_id, p.title, p.status, f.answer, f.resolved_at IS NOT NULL AS resolved \
         FROM follow_ups f JOIN posts p ON p.id = f.post_id WHERE f.id = $1 AND f.kind = 'help-check'",
    )
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// Records the author's answer: "yes" closes the check, "no" puts it on the staff's list.
pub async fn answer(conn: &mut Conn, id: i64, yes: bool, now: i64) -> Result<(), sqlx::Error> {
    sql::query(
        "UPDATE follow_ups SET answer = $2, answered_at = $3, \
         resolved_at = CASE WHEN $4 THEN $3 ELSE resolved_at END, \
         escalated_at = CASE WHEN $4 THEN escalated_at ELSE COALESCE(escalated_at, $3) END WHERE id = $1",
    )
    .bind(id)
    .bind(if yes { "yes" } else { "no" })
    .bind(now)
    .bind(yes)
    .execute(conn)
    .await?;
    Ok(())
}

/// Staff dealt with follow-up `id`. Returns whether it was open.
pub async fn resolve(conn: &mut Conn, id: i64, staff_id: i64, now: i64) -> Result<bool, sqlx::Error> {
    let done = sql::query(&format!(
        "UPDATE follow_ups SET resolved_at = $3, resolved_by = $2 WHERE id = $1 AND resolved_at IS NULL \
         AND kind IN ('unanswered', 'help-check') \
         AND post_id IN (SELECT p.id FROM posts p WHERE p.id = follow_ups.post_id AND {})",
        super::territories::post_in_scope("p", 2)
    ))
    .bind(id)
    .bind(staff_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Whether follow-up `id` is about a post in the territories of staff member `staff`.
pub async fn in_scope(conn: &mut Conn, id: i64, staff: i64) -> Result<bool, sqlx::Error> {
    sql::query_scalar(&format!(
        "SELECT EXISTS (SELECT 1 FROM follow_ups f JOIN posts p ON p.id = f.post_id WHERE f.id = $1 AND {})",
        super::territories::post_in_scope("p", 2)
    ))
    .bind(id)
    .bind(staff)
    .fetch_one(conn)
    .await
}

/// A line of the staff's list.
#[derive(Debug, sqlx::FromRow)]
pub struct StaffRow {
    pub id: i64,
    pub post_id: i64,
    pub title: String,
    pub category: String,
    pub commune_name: String,
    pub created_at: i64,
    pub raised_at: i64,
    pub by_phone: bool,
    pub author_name: Option<String>,
    pub author_email: Option<String>,
    pub answer: Option<String>,
    pub helper_name: Option<String>,
}

const STAFF_COLUMNS: &str = "SELECT f.id, f.post_id, p.title, p.category, p.commune_name, p.created_at, \
     f.created_at AS raised_at, EXISTS (SELECT 1 FROM intakes i WHERE i.post_id = p.id) AS by_phone, \
     u.display_name AS author_name, u.email AS author_email, f.answer, \
     (SELECT r.display_name FROM conversations c JOIN users r ON r.id = c.responder_id \
        WHERE c.post_id = p.id AND c.accepted_at IS NOT NULL ORDER BY c.accepted_at LIMIT 1) AS helper_name \
     FROM follow_ups f JOIN posts p ON p.id = f.post_id LEFT JOIN users u ON u.id = p.author_id";

/// Requests raised as unanswered that still are (public, unexpired, no answer), oldest first.
///
/// In the territories of staff member `staff`.
pub async fn open_unanswered(conn: &mut Conn, staff: i64, now: i64, limit: i64) -> Result<Vec<StaffRow>, sqlx::Error> {
    sql::query_as(&format!(
        "{STAFF_COLUMNS} WHERE f.kind = 'unanswered' AND f.resolved_at IS NULL AND p.status = 'published' \
         AND p.hidden_at IS NULL AND p.expires_at > $1 AND {} \
         AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.post_id = p.id) ORDER BY p.created_at, p.id LIMIT $2",
        super::territories::post_in_scope("p", 3)
    ))
    .bind(now)
    .bind(limit)
    .bind(staff)
    .fetch_all(conn)
    .await
}

/// Help that may never have come ("Non", or no answer), not dealt with yet, oldest first.
///
/// In the territories of staff member `staff`.
pub async fn open_help(conn: &mut Conn, staff: i64, limit: i64) -> Result<Vec<StaffRow>, sqlx::Error> {
    sql::query_as(&format!(
        "{STAFF_COLUMNS} WHERE f.kind = 'help-check' AND f.escalated_at IS NOT NULL AND f.resolved_at IS NULL \
         AND {} ORDER BY f.escalated_at, f.id LIMIT $1",
        super::territories::post_in_scope("p", 2)
    ))
    .bind(limit)
    .bind(staff)
    .fetch_all(conn)
    .await
}

//! SQL for moderation: the audit trail, the staff queues, reports and notifications.
//! No authorization decisions here.

use super::sql::{self, Conn};
use super::territories::post_in_scope;
use crate::domain::moderation::{DecisionReason, ModerationAction, ReportReason};

/// One audit row to write.
#[derive(Debug, Default)]
pub struct NewEvent<'a> {
    pub post_id: i64,
    /// `None` for the system.
    pub actor_id: Option<i64>,
    pub action: Option<ModerationAction>,
    pub reason: Option<DecisionReason>,
    pub message: Option<&'a str>,
    /// Title and description before and after a redaction.
    pub before: Option<(&'a str, &'a str)>,
    pub after: Option<(&'a str, &'a str)>,
    pub at: i64,
}

pub async fn insert_event(conn: &mut Conn, e: &NewEvent<'_>) -> Result<i64, sqlx::Error> {
    let action = e.action.map(|a| a.slug()).unwrap_or_default();
    sql::query_scalar(
        "INSERT INTO moderation_events (post_id, actor_id, action, reason, message, before_title, \
         before_description, after_title, after_description, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(e.post_id)
    .bind(e.actor_id)
    .bind(action)
    .bind(e.reason.map(|r| r.slug()))
    .bind(e.message)
    .bind(e.before.map(|b| b.0))
    .bind(e.before.map(|b| b.1))
    .bind(e.after.map(|a| a.0))
    .bind(e.after.map(|a| a.1))
    .bind(e.at)
    .fetch_one(conn)
    .await
}

/// An audit row with the name of who acted.
#[derive(Debug, sqlx::FromRow)]
pub struct EventRow {
    pub post_id: i64,
    pub action: String,
    pub actor_name: Option<String>,
    pub reason: Option<String>,
    pub message: Option<String>,
    pub before_title: Option<String>,
    pub before_description: Option<String>,
    pub after_title: Option<String>,
    pub after_description: Option<String>,
    pub created_at: i64,
}

const EVENT_COLUMNS: &str = "SELECT e.post_id, e.action, u.display_name AS actor_name, e.reason, e.message, \
     e.before_title, e.before_description, e.after_title, e.after_description, e.created_at \
     FROM moderation_events e LEFT JOIN users u ON u.id = e.actor_id";

/// The history of one post, oldest first.
pub async fn events_of(conn: &mut Conn, post_id: i64) -> Result<Vec<EventRow>, sqlx::Error> {
    sql::query_as(&format!("{EVENT_COLUMNS} WHERE e.post_id = $1 ORDER BY e.created_at, e.id"))
        .bind(post_id)
        .fetch_all(conn)
        .await
}

/// The decisions (approve, reject, redact, unpublish) on the posts of one author, oldest first.
pub async fn decisions_for_author(conn: &mut Conn, author_id: i64) -> Result<Vec<EventRow>, sqlx::Error> {
    sql::query_as(&format!(
        "{EVENT_COLUMNS} WHERE e.post_id IN (SELECT id FROM posts WHERE author_id = $1) \
         AND e.action IN ('approve', 'reject', 'redact', 'unpublish') ORDER BY e.created_at, e.id"
    ))
    .bind(author_id)
    .fetch_all(conn)
    .await
}

/// A post as staff see it: everything, with its author.
#[derive(Debug, sqlx::FromRow)]
pub struct StaffPostRow {
    pub id: i64,
    pub kind: String,
    pub category: String,
    pub poster_kind: String,
    pub status: String,
    pub title: String,
    pub description: String,
    pub lat: f64,
    pub lon: f64,
    pub commune_name: String,
    pub private_note: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    pub expires_at: i64,
    pub hidden_at: Option<i64>,
    pub author_id: Option<i64>,
    pub author_name: Option<String>,
    pub author_email: Option<String>,
    pub author_organisation: Option<String>,
    pub author_disabled_at: Option<i64>,
    pub author_role: Option<String>,
    pub urgent_signs: Option<String>,
}

const STAFF_POST_COLUMNS: &str = "SELECT p.id, p.kind, p.category, p.poster_kind, p.status, p.title, p.description, \
     p.lat, p.lon, p.commune_name, p.private_note, p.created_at, p.updated_at, p.expires_at, p.hidden_at, \
     p.author_id, u.display_name AS author_name, u.email AS author_email, u.organisation AS author_organisation, \
     u.disabled_at AS author_disabled_at, u.role AS author_role, p.urgent_signs \
     FROM posts p LEFT JOIN users u ON u.id = p.author_id";

/// The pending posts in the territories of staff member `staff`: those showing signs of an
/// emergency first, then the oldest first.
pub async fn pending(conn: &mut Conn, staff: i64, limit: i64) -> Result<Vec<StaffPostRow>, sqlx::Error> {
    sql::query_as(&format!(
        "{STAFF_POST_COLUMNS} WHERE p.status = 'pending' AND {} \
         ORDER BY p.urgent_signs IS NULL, p.created_at, p.id LIMIT $1",
        post_in_scope("p", 2)
    ))
    .bind(limit)
    .bind(staff)
    .fetch_all(conn)
    .await
}

/// One post, whatever its status and territory (for the services that checked who may see it).
pub async fn staff_post(conn: &mut Conn, id: i64) -> Result<Option<StaffPostRow>, sqlx::Error> {
    sql::query_as(&format!("{STAFF_POST_COLUMNS} WHERE p.id = $1")).bind(id).fetch_optional(conn).await
}

/// One post, whatever its status, if it lies in the territories of staff member `staff`.
pub async fn staff_post_in_scope(conn: &mut Conn, staff: i64, id: i64) -> Result<Option<StaffPostRow>, sqlx::Error> {
    sql::query_as(&format!("{STAFF_POST_COLUMNS} WHERE p.id = $1 AND {}", post_in_scope("p", 2)))
        .bind(id)
        .bind(staff)
        .fetch_optional(conn)
        .await
}

/// The posts with open reports in the territories of staff member `staff`, the most reported
/// first, then the oldest report first.
pub async fn reported(conn: &mut Conn, staff: i64, limit: i64) -> Result<Vec<StaffPostRow>, sqlx::Error> {
    sql::query_as(&format!(
        "{STAFF_POST_COLUMNS} JOIN (SELECT post_id, count(*) AS n, min(created_at) AS first FROM reports \
         WHERE resolved_at IS NULL GROUP BY post_id) r ON r.post_id = p.id WHERE {} \
         ORDER BY r.n DESC, r.first LIMIT $1",
        post_in_scope("p", 2)
    ))
    .bind(limit)
    .bind(staff)
    .fetch_all(conn)
    .await
}

/// Figures of the queues at one moment.
#[derive(Debug, sqlx::FromRow)]
pub struct StatsRow {
    pub pending: i64,
    pub oldest_pending_at: Option<i64>,
    pub open_reports: i64,
    pub reported_posts: i64,
    pub hidden: i64,
}

///
/// Counted in the territories of staff member `staff`; `None` counts every territory (no account
/// has the id 0, so it has no territory and the filter lets everything through).
pub async fn stats(conn: &mut Conn, staff: Option<i64>) -> Result<StatsRow, sqlx::Error> {
    let scope = post_in_scope("p", 1);
    sql::query_as(&format!(
        "SELECT (SELECT count(*) FROM posts p WHERE p.status = 'pending' AND {scope}) AS pending, \
         (SELECT min(p.created_at) FROM posts p WHERE p.status = 'pending' AND {scope}) AS oldest_pending_at, \
         (SELECT count(*) FROM reports r JOIN posts p ON p.id = r.post_id \
          WHERE r.resolved_at IS NULL AND {scope}) AS open_reports, \
         (SELECT count(DISTINCT r.post_id) FROM reports r JOIN posts p ON p.id = r.post_id \
          WHERE r.resolved_at IS NULL AND {scope}) AS reported_posts, \
         (SELECT count(*) FROM posts p WHERE p.hidden_at IS NOT NULL AND {scope}) AS hidden"
    ))
    .bind(staff.unwrap_or(0))
    .fetch_one(conn)
    .await
}

/// How many decisions of each action were taken since `since`, and the seconds each post waited
/// between its creation (or last edit) and the decision.
pub async fn decisions_since(conn: &mut Conn, since: i64) -> Result<Vec<(String, i64)>, sqlx::Error> {
    sql::query_as(
        "SELECT e.action, e.created_at - p.created_at FROM moderation_events e JOIN posts p ON p.id = e.post_id \
         WHERE e.created_at >= $1 ORDER BY e.created_at",
    )
    .bind(since)
    .fetch_all(conn)
    .await
}

/// A report with the name of who made it.
#[derive(Debug, sqlx::FromRow)]
pub struct ReportRow {
    pub post_id: i64,
    pub reason: String,
    pub details: String,
    pub reporter_name: String,
    pub created_at: i64,
    pub resolved_at: Option<i64>,
    pub resolution: Option<String>,
    /// For a report about a message: the message and its conversation.
    pub message_body: Option<String>,
    pub conversation_id: Option<i64>,
}

/// The reports on a post (open first, then the newest).
pub async fn reports_of(conn: &mut Conn, post_id: i64) -> Result<Vec<ReportRow>, sqlx::Error> {
    sql::query_as(
        "SELECT r.post_id, r.reason, r.details, u.display_name AS reporter_name, r.created_at, r.resolved_at, \
         r.resolution, m.body AS message_body, m.conversation_id FROM reports r JOIN users u ON u.id = r.reporter_id \
         LEFT JOIN messages m ON m.id = r.message_id WHERE r.post_id = $1 \
         ORDER BY r.resolved_at IS NOT NULL, r.created_at DESC",
    )
    .bind(post_id)
    .fetch_all(conn)
    .await
}

/// Records a report. Fails with a unique violation when this person already has an open
/// report on this post.
pub async fn insert_report(
    conn: &mut Conn,
    post_id: i64,
    reporter_id: i64,
    reason: ReportReason,
    details: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sql::query("INSERT INTO reports (post_id, reporter_id, reason, details, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(post_id)
        .bind(reporter_id)
        .bind(reason.slug())
        .bind(details)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// Records a report about message `message_id` of post `post_id`.
pub async fn insert_message_report(
    conn: &mut Conn,
    post_id: i64,
    message_id: i64,
    reporter_id: i64,
    reason: ReportReason,
    details: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sql::query(
        "INSERT INTO reports (post_id, message_id, reporter_id, reason, details, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(post_id)
    .bind(message_id)
    .bind(reporter_id)
    .bind(reason.slug())
    .bind(details)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// The conversation and sender of a message.
pub async fn message_origin(conn: &mut Conn, message_id: i64) -> Result<Option<(i64, i64)>, sqlx::Error> {
    sql::query_as("SELECT conversation_id, sender_id FROM messages WHERE id = $1")
        .bind(message_id)
        .fetch_optional(conn)
        .await
}

/// How many reports `reporter_id` made since `since`.
pub async fn reports_since(conn: &mut Conn, reporter_id: i64, since: i64) -> Result<i64, sqlx::Error> {
    sql::query_scalar("SELECT count(*) FROM reports WHERE reporter_id = $1 AND created_at >= $2")
        .bind(reporter_id)
        .bind(since)
        .fetch_one(conn)
        .await
}

pub async fn open_report_count(conn: &mut Conn, post_id: i64) -> Result<i64, sqlx::Error> {
    sql::query_scalar("SELECT count(*) FROM reports WHERE post_id = $1 AND message_id IS NULL AND resolved_at IS NULL")
        .bind(post_id)
        .fetch_one(conn)
        .await
}

/// Open reports of a post by established accounts: made before `established_before`, or staff.
/// Only these can hide a post on their own (a handful of new accounts cannot).
pub async fn established_report_count(
    conn: &mut Conn,
    post_id: i64,
    established_before: i64,
) -> Result<i64, sqlx::Error> {
    sql::query_scalar(
        "SELECT count(*) FROM reports r JOIN users u ON u.id = r.reporter_id WHERE r.post_id = $1 \
         AND r.message_id IS NULL AND r.resolved_at IS NULL AND u.disabled_at IS NULL \
         AND (u.created_at <= $2 OR u.role IN ('moderator', 'admin'))",
    )
    .bind(post_id)
    .bind(established_before)
    .fetch_one(conn)
    .await
}

/// Closes the open reports of a post. Returns how many.
pub async fn resolve_reports(
    conn: &mut Conn,
    post_id: i64,
    by: i64,
    resolution: &str,
    now: i64,
) -> Result<u64, sqlx::Error> {
    Ok(sql::query(
        "UPDATE reports SET resolved_at = $1, resolved_by = $2, resolution = $3 \
         WHERE post_id = $4 AND resolved_at IS NULL",
    )
    .bind(now)
    .bind(by)
    .bind(resolution)
    .bind(post_id)
    .execute(conn)
    .await?
    .rows_affected())
}

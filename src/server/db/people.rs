//! SQL for « Personnes », the admins' page of accounts: search, one person's posts and the
//! reports about them, and the audit of what admins did. No authorization decisions here.

use super::sql::{self, Conn};

/// An account as the list shows it.
#[derive(Debug, sqlx::FromRow)]
pub struct PersonRow {
    pub id: i64,
    pub display_name: String,
    pub email: String,
    pub role: String,
    pub organisation: Option<String>,
    pub disabled_at: Option<i64>,
    pub email_verified_at: Option<i64>,
    pub created_at: i64,
    pub posts: i64,
    /// Open reports about this person's posts.
    pub open_reports: i64,
}

const PERSON_COLUMNS: &str = "SELECT u.id, u.display_name, u.email, u.role, u.organisation, u.disabled_at, \
     u.email_verified_at, u.created_at, \
     (SELECT COUNT(*) FROM posts p WHERE p.author_id = u.id) AS posts, \
     (SELECT COUNT(*) FROM reports r JOIN posts p ON p.id = r.post_id WHERE p.author_id = u.id \
        AND r.resolved_at IS NULL) AS open_reports FROM users u";

/// The accounts whose name or e-mail contains `words` (case ignored; every account when
/// empty), the newest first, at most `limit`. Erased accounts are left out.
pub async fn search(conn: &mut Conn, words: &str, limit: i64) -> Result<Vec<PersonRow>, sqlx::Error> {
    // `LIKE` wildcards typed by the admin are searched for as themselves.
    let escaped = words.to_lowercase().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    let pattern = format!("%{escaped}%");
    sql::query_as(&format!(
        "{PERSON_COLUMNS} WHERE u.email NOT LIKE '%@compte-supprime.invalid' AND (lower(u.display_name) LIKE $1 \
         ESCAPE '\\' OR lower(u.email) LIKE $1 ESCAPE '\\') ORDER BY u.created_at DESC, u.id DESC LIMIT $2"
    ))
    .bind(pattern)
    .bind(limit)
    .fetch_all(conn)
    .await
}

/// One account.
pub async fn by_id(conn: &mut Conn, id: i64) -> Result<Option<PersonRow>, sqlx::Error> {
    sql::query_as(&format!("{PERSON_COLUMNS} WHERE u.id = $1")).bind(id).fetch_optional(conn).await
}

/// The person's posts, the newest first: id, title, status, creation time.
pub async fn posts_of(conn: &mut Conn, id: i64, limit: i64) -> Result<Vec<(i64, String, String, i64)>, sqlx::Error> {
    sql::query_as("SELECT id, title, status, created_at FROM posts WHERE author_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2")
        .bind(id)
        .bind(limit)
        .fetch_all(conn)
        .await
}

/// A report about one of the person's posts, or one the person made.
#[derive(Debug, sqlx::FromRow)]
pub struct ReportRow {
    pub post_id: i64,
    pub title: String,
    pub reason: String,
    pub created_at: i64,
    pub open: bool,
    /// The person made it (otherwise it is about their post).
    pub made: bool,
}

/// The reports about the person's posts and the ones they made, the newest first.
pub async fn reports_of(conn: &mut Conn, id: i64, limit: i64) -> Result<Vec<ReportRow>, sqlx::Error> {
    sql::query_as(
        "SELECT r.post_id, p.title, r.reason, r.created_at, r.resolved_at IS NULL AS open, r.reporter_id = $1 AS made \
         FROM reports r JOIN posts p ON p.id = r.post_id WHERE p.author_id = $1 OR r.reporter_id = $1 \
         ORDER BY r.created_at DESC, r.id DESC LIMIT $2",
    )
    .bind(id)
    .bind(limit)
    .fetch_all(conn)
    .await
}

/// How many enabled admins there are.
pub async fn active_admins(conn: &mut Conn) -> Result<i64, sqlx::Error> {
    sql::query_scalar("SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled_at IS NULL").fetch_one(conn).await
}

/// One line of the audit of « Personnes ».
pub async fn audit(
    conn: &mut Conn,
    actor_id: i64,
    user_id: i64,
    action: &str,
    detail: Option<&str>,
    now: i64,
) -> Result<(), sqlx::Error> {
    sql::query("INSERT INTO people_audit (actor_id, user_id, action, detail, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(actor_id)
        .bind(user_id)
        .bind(action)
        .bind(detail)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

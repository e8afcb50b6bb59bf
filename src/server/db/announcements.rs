//! SQL for the home page's announcements. No authorization decisions here.

use super::sql::{self, Conn};

/// A stored announcement.
#[derive(Debug, sqlx::FromRow)]
pub struct AnnouncementRow {
    pub id: i64,
    pub message: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub author: Option<String>,
}

const COLUMNS: &str = "SELECT a.id, a.message, a.starts_at, a.ends_at, u.display_name AS author \
     FROM announcements a LEFT JOIN users u ON u.id = a.created_by";

/// The announcements shown at `now`, the newest first.
pub async fn current(conn: &mut Conn, now: i64) -> Result<Vec<AnnouncementRow>, sqlx::Error> {
    sql::query_as(&format!(
        "{COLUMNS} WHERE a.starts_at <= $1 AND a.ends_at > $1 ORDER BY a.starts_at DESC, a.id DESC LIMIT 3"
    ))
    .bind(now)
    .fetch_all(conn)
    .await
}

/// The announcements not over at `now` (current and to come), soonest first.
pub async fn upcoming(conn: &mut Conn, now: i64) -> Result<Vec<AnnouncementRow>, sqlx::Error> {
    sql::query_as(&format!("{COLUMNS} WHERE a.ends_at > $1 ORDER BY a.starts_at, a.id LIMIT 100"))
        .bind(now)
        .fetch_all(conn)
        .await
}

pub async fn insert(
    conn: &mut Conn,
    message: &str,
    starts_at: i64,
    ends_at: i64,
    by: i64,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sql::query_scalar(
        "INSERT INTO announcements (message, starts_at, ends_at, created_by, created_at) VALUES ($1, $2, $3, $4, $5) \
         RETURNING id",
    )
    .bind(message)
    .bind(starts_at)
    .bind(ends_at)
    .bind(by)
    .bind(now)
    .fetch_one(conn)
    .await
}

/// Deletes announcement `id`; returns whether there was one.
pub async fn delete(conn: &mut Conn, id: i64) -> Result<bool, sqlx::Error> {
    Ok(sql::query("DELETE FROM announcements WHERE id = $1").bind(id).execute(conn).await?.rows_affected() == 1)
}

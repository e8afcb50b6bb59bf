//! SQL for the site's pages: every save is a revision; the newest published one is what the
//! public reads. No authorization decisions here.

use super::sql::{self, Conn};

/// A revision of a page, with its author's and publisher's names.
#[derive(Debug, sqlx::FromRow)]
pub struct RevisionRow {
    pub id: i64,
    pub title: String,
    pub body: String,
    pub author: Option<String>,
    pub created_at: i64,
    pub published_at: Option<i64>,
    pub publisher: Option<String>,
}

const COLUMNS: &str = "SELECT r.id, r.title, r.body, a.display_name AS author, r.created_at, r.published_at, \
     p.display_name AS publisher FROM page_revisions r LEFT JOIN users a ON a.id = r.author_id \
     LEFT JOIN users p ON p.id = r.published_by";

/// The newest published revision of page `slug`.
pub async fn published(conn: &mut Conn, slug: &str) -> Result<Option<RevisionRow>, sqlx::Error> {
    sql::query_as(&format!(
        "{COLUMNS} WHERE r.slug = $1 AND r.published_at IS NOT NULL ORDER BY r.published_at DESC, r.id DESC LIMIT 1"
    ))
    .bind(slug)
    .fetch_optional(conn)
    .await
}

/// How many times page `slug` was published (its version; 0: the shipped text).
pub async fn version(conn: &mut Conn, slug: &str) -> Result<i64, sqlx::Error> {
    sql::query_scalar("SELECT count(*) FROM page_revisions WHERE slug = $1 AND published_at IS NOT NULL")
        .bind(slug)
        .fetch_one(conn)
        .await
}

/// Every revision of page `slug`, newest first.
pub async fn revisions(conn: &mut Conn, slug: &str, limit: i64) -> Result<Vec<RevisionRow>, sqlx::Error> {
    sql::query_as(&format!("{COLUMNS} WHERE r.slug = $1 ORDER BY r.id DESC LIMIT $2"))
        .bind(slug)
        .bind(limit)
        .fetch_all(conn)
        .await
}

/// Saves a draft; returns its id.
pub async fn insert(
    conn: &mut Conn,
    slug: &str,
    title: &str,
    body: &str,
    author: i64,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sql::query_scalar(
        "INSERT INTO page_revisions (slug, title, body, author_id, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(slug)
    .bind(title)
    .bind(body)
    .bind(author)
    .bind(now)
    .fetch_one(conn)
    .await
}

/// Publishes draft `id` of page `slug`; false if there is no such unpublished revision.
pub async fn publish(conn: &mut Conn, slug: &str, id: i64, by: i64, now: i64) -> Result<bool, sqlx::Error> {
    let done = sql::query(
        "UPDATE page_revisions SET published_at = $1, published_by = $2 \
         WHERE id = $3 AND slug = $4 AND published_at IS NULL",
    )
    .bind(now)
    .bind(by)
    .bind(id)
    .bind(slug)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The charter's version an account accepted (0: none).
pub async fn charter_of(conn: &mut Conn, user: i64) -> Result<i64, sqlx::Error> {
    sql::query_scalar("SELECT charter_version FROM users WHERE id = $1").bind(user).fetch_one(conn).await
}

/// Records that an account accepted version `version` of the charter.
pub async fn accept_charter(conn: &mut Conn, user: i64, version: i64, now: i64) -> Result<(), sqlx::Error> {
    sql::query("UPDATE users SET charter_version = $1, charter_accepted_at = $2 WHERE id = $3")
        .bind(version)
        .bind(now)
        .bind(user)
        .execute(conn)
        .await
        .map(|_| ())
}

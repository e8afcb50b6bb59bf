//! SQL for « Mon immeuble »: buildings' groups, their members, wrong codes typed, and the posts
//! for one building only. No authorization here: `services::buildings` decides.

use super::sql::{self, Conn, Engine};

/// A building's group.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BuildingRow {
    pub id: i64,
    pub street: String,
    pub commune_name: String,
    pub join_code: String,
    pub members: i64,
}

const COLUMNS: &str = "SELECT b.id, b.street, b.commune_name, b.join_code, \
     (SELECT count(*) FROM building_members m WHERE m.building_id = b.id) AS members FROM buildings b";

pub async fn insert(
    conn: &mut Conn,
    street: &str,
    commune_insee: &str,
    commune_name: &str,
    join_code: &str,
    created_by: i64,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sql::query_scalar(
        "INSERT INTO buildings (street, commune_insee, commune_name, join_code, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(street)
    .bind(commune_insee)
    .bind(commune_name)
    .bind(join_code)
    .bind(created_by)
    .bind(now)
    .fetch_one(conn)
    .await
}

pub async fn code_taken(conn: &mut Conn, code: &str) -> Result<bool, sqlx::Error> {
    sql::query_scalar("SELECT EXISTS (SELECT 1 FROM buildings WHERE join_code = $1)").bind(code).fetch_one(conn).await
}

pub async fn by_code(conn: &mut Conn, code: &str) -> Result<Option<BuildingRow>, sqlx::Error> {
    sql::query_as(&format!("{COLUMNS} WHERE b.join_code = $1")).bind(code).fetch_optional(conn).await
}

/// Building `id` if `user_id` is one of its members.
pub async fn of_member(conn: &mut Conn, id: i64, user_id: i64) -> Result<Option<BuildingRow>, sqlx::Error> {
    sql::query_as(&format!(
        "{COLUMNS} WHERE b.id = $1 AND EXISTS (SELECT 1 FROM building_members m WHERE m.building_id = b.id \
         AND m.user_id = $2)"
    ))
    .bind(id)
    .bind(user_id)
    .fetch_optional(conn)
    .await
}

/// The buildings `user_id` belongs to, in the order joined.
pub async fn mine(conn: &mut Conn, user_id: i64) -> Result<Vec<BuildingRow>, sqlx::Error> {
    sql::query_as(&format!(
        "{COLUMNS} JOIN building_members me ON me.building_id = b.id AND me.user_id = $1 ORDER BY me.joined_at, b.id"
    ))
    .bind(user_id)
    .fetch_all(conn)
    .await
}

pub async fn join(conn: &mut Conn, id: i64, user_id: i64, now: i64) -> Result<bool, sqlx::Error> {
    let r = sql::query(
        "INSERT INTO building_members (building_id, user_id, joined_at) VALUES ($1, $2, $3) \
         ON CONFLICT (building_id, user_id) DO NOTHING",
    )
    .bind(id)
    .bind(user_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(r.rows_affected() == 1)
}

pub async fn leave(conn: &mut Conn, id: i64, user_id: i64) -> Result<bool, sqlx::Error> {
    let r = sql::query("DELETE FROM building_members WHERE building_id = $1 AND user_id = $2")
        .bind(id)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(r.rows_affected() == 1)
}

pub async fn record_failure(conn: &mut Conn, user_id: i64, now: i64) -> Result<(), sqlx::Error> {
    sql::query("INSERT INTO building_join_failures (user_id, at) VALUES ($1, $2)")
        .bind(user_id)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn failures_since(conn: &mut Conn, user_id: i64, since: i64) -> Result<i64, sqlx::Error> {
    sql::query_scalar("SELECT count(*) FROM building_join_failures WHERE user_id = $1 AND at > $2")
        .bind(user_id)
        .bind(since)
        .fetch_one(conn)
        .await
}

/// Forgets wrong codes older than `before` (they no longer count).
pub async fn forget_failures(conn: &mut Conn, before: i64) -> Result<u64, sqlx::Error> {
    sql::query("DELETE FROM building_join_failures WHERE at < $1")
        .bind(before)
        .execute(conn)
        .await
        .map(|r| r.rows_affected())
}

/// Whether `viewer` may read post `post_id` as far as buildings go: a public post, or a post of
/// a building they belong to. `None`: no such post.
pub async fn may_read(conn: &mut Conn, post_id: i64, viewer: i64) -> Result<Option<bool>, sqlx::Error> {
    sql::query_scalar(
        "SELECT p.building_id IS NULL OR EXISTS (SELECT 1 FROM building_members m \
         WHERE m.building_id = p.building_id AND m.user_id = $2) FROM posts p WHERE p.id = $1",
    )
    .bind(post_id)
    .bind(viewer)
    .fetch_optional(conn)
    .await
}

/// A post of a building, as its members read it.
#[derive(Debug, sqlx::FromRow)]
pub struct BuildingPostRow {
    pub id: i64,
    pub building_id: i64,
    pub kind: String,
    pub category: String,
    pub status: String,
    pub title: String,
    pub author_name: Option<String>,
    pub created_at: i64,
}

/// The open posts of the buildings `user_id` belongs to (published or in progress, shown, not
/// expired at `now`), newest first.
pub async fn posts_for_member(conn: &mut Conn, user_id: i64, now: i64) -> Result<Vec<BuildingPostRow>, sqlx::Error> {
    // SQLite is told which index to read (its planner would walk every post by date instead).
    let posts = match conn.engine() {
        Engine::Sqlite => "posts p INDEXED BY posts_building",
        Engine::Postgres => "posts p",
    };
    sql::query_as(&format!(
        "SELECT p.id, p.building_id, p.kind, p.category, p.status, p.title, u.display_name AS author_name, \
         p.created_at FROM building_members m JOIN {posts} ON p.building_id = m.building_id \
         LEFT JOIN users u ON u.id = p.author_id WHERE m.user_id = $1 AND p.status IN ('published', 'in-progress') \
         AND p.hidden_at IS NULL AND p.expires_at > $2 ORDER BY p.created_at DESC, p.id DESC LIMIT 200"
    ))
    .bind(user_id)
    .bind(now)
    .fetch_all(conn)
    .await
}

/// The building of post `post_id`, if it is for one building only: its label's parts.
pub async fn of_post(conn: &mut Conn, post_id: i64) -> Result<Option<(String, String)>, sqlx::Error> {
    sql::query_as(
        "SELECT b.street, b.commune_name FROM posts p JOIN buildings b ON b.id = p.building_id WHERE p.id = $1",
    )
    .bind(post_id)
    .fetch_optional(conn)
    .await
}

pub async fn set_post_building(conn: &mut Conn, post_id: i64, building: i64) -> Result<(), sqlx::Error> {
    sql::query("UPDATE posts SET building_id = $2 WHERE id = $1").bind(post_id).bind(building).execute(conn).await?;
    Ok(())
}

/// An account is erased: it leaves its buildings and its wrong codes go.
pub async fn erase_user(conn: &mut Conn, user_id: i64) -> Result<(), sqlx::Error> {
    sql::query("DELETE FROM building_members WHERE user_id = $1").bind(user_id).execute(&mut *conn).await?;
    sql::query("DELETE FROM building_join_failures WHERE user_id = $1").bind(user_id).execute(conn).await?;
    Ok(())
}

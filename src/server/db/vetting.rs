//! SQL for vetted helpers: the volunteers' requests and the checks staff record. No
//! authorization decisions here.

use super::sql::{self, Conn};
use crate::domain::vetting::Check;

/// A recorded check, with the names of who recorded and withdrew it.
#[derive(Debug, sqlx::FromRow)]
pub struct VettingRow {
    pub id: i64,
    pub user_id: i64,
    pub association: Option<String>,
    pub checked_on: i64,
    pub checked_by: String,
    pub recorded_by_name: String,
    pub recorded_at: i64,
    pub expires_at: i64,
    pub withdrawn_at: Option<i64>,
    pub withdrawn_by_name: Option<String>,
    pub withdrawn_reason: Option<String>,
}

const VETTINGS: &str = "SELECT v.id, v.user_id, v.association, v.checked_on, v.checked_by, \
     r.display_name AS recorded_by_name, v.recorded_at, v.expires_at, v.withdrawn_at, \
     w.display_name AS withdrawn_by_name, v.withdrawn_reason \
     FROM vettings v JOIN users r ON r.id = v.recorded_by LEFT JOIN users w ON w.id = v.withdrawn_by";

/// A volunteer's open request.
#[derive(Debug, sqlx::FromRow)]
pub struct RequestRow {
    pub user_id: i64,
    pub display_name: String,
    pub email: String,
    pub asked_at: i64,
    pub note: Option<String>,
}

/// Whether `user` holds a check valid at `now`.
pub async fn is_vetted(conn: &mut Conn, user: i64, now: i64) -> Result<bool, sqlx::Error> {
    sql::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM vettings WHERE user_id = $1 AND withdrawn_at IS NULL AND expires_at > $2)",
    )
    .bind(user)
    .bind(now)
    .fetch_one(conn)
    .await
}

/// The valid checks ending by `until` whose holder was not told yet, leaving out a check that a
/// newer one of the same person supersedes (a renewal): (check id, user id, end), soonest first.
pub async fn to_remind(conn: &mut Conn, now: i64, until: i64, limit: i64) -> Result<Vec<(i64, i64, i64)>, sqlx::Error> {
    sql::query_as(
        "SELECT v.id, v.user_id, v.expires_at FROM vettings v \
         WHERE v.withdrawn_at IS NULL AND v.reminded_at IS NULL AND v.expires_at > $1 AND v.expires_at <= $2 \
           AND NOT EXISTS (SELECT 1 FROM vettings n WHERE n.user_id = v.user_id AND n.withdrawn_at IS NULL \
                           AND (n.expires_at > v.expires_at OR (n.expires_at = v.expires_at AND n.id > v.id))) \
         ORDER BY v.expires_at, v.id LIMIT $3",
    )
    .bind(now)
    .bind(until)
    .bind(limit)
    .fetch_all(conn)
    .await
}

/// Records that the holder of check `id` was told; 0 when someone else already did.
pub async fn mark_reminded(conn: &mut Conn, id: i64, now: i64) -> Result<u64, sqlx::Error> {
    Ok(sql::query("UPDATE vettings SET reminded_at = $2 WHERE id = $1 AND reminded_at IS NULL")
        .bind(id)
        .bind(now)
        .execute(conn)
        .await?
        .rows_affected())
}

/// The latest check of `user` (valid, expired or withdrawn).
pub async fn latest(conn: &mut Conn, user: i64) -> Result<Option<VettingRow>, sqlx::Error> {
    sql::query_as(&format!("{VETTINGS} WHERE v.user_id = $1 ORDER BY v.recorded_at DESC, v.id DESC LIMIT 1"))
        .bind(user)
        .fetch_optional(conn)
        .await
}

/// Every check of `user`, newest first.
pub async fn history(conn: &mut Conn, user: i64) -> Result<Vec<VettingRow>, sqlx::Error> {
    sql::query_as(&format!("{VETTINGS} WHERE v.user_id = $1 ORDER BY v.recorded_at DESC, v.id DESC"))
        .bind(user)
        .fetch_all(conn)
        .await
}

/// The checks valid at `now`, those ending soonest first, with the helpers' names.
pub async fn current(conn: &mut Conn, now: i64) -> Result<Vec<(VettingRow, String)>, sqlx::Error> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        v: VettingRow,
        helper: String,
    }
    let rows: Vec<Row> = sql::query_as(&format!(
        "SELECT x.*, u.display_name AS helper FROM ({VETTINGS} WHERE v.withdrawn_at IS NULL AND v.expires_at > $1) x \
         JOIN users u ON u.id = x.user_id ORDER BY x.expires_at, x.id LIMIT 500"
    ))
    .bind(now)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|r| (r.v, r.helper)).collect())
}

/// The open requests, oldest first, of accounts still active.
pub async fn requests(conn: &mut Conn) -> Result<Vec<RequestRow>, sqlx::Error> {
    sql::query_as(
        "SELECT q.user_id, u.display_name, u.email, q.asked_at, q.note FROM vetting_requests q \
         JOIN users u ON u.id = q.user_id WHERE u.deleted_at IS NULL AND u.disabled_at IS NULL \
         ORDER BY q.asked_at, q.user_id LIMIT 500",
    )
    .fetch_all(conn)
    .await
}

/// `user`'s open request: when and with which note.
pub async fn request_of(conn: &mut Conn, user: i64) -> Result<Option<(i64, Option<String>)>, sqlx::Error> {
    sql::query_as("SELECT asked_at, note FROM vetting_requests WHERE user_id = $1")
        .bind(user)
        .fetch_optional(conn)
        .await
}

/// Opens (or renews) `user`'s request.
pub async fn ask(conn: &mut Conn, user: i64, note: Option<&str>, now: i64) -> Result<(), sqlx::Error> {
    sql::query(
        "INSERT INTO vetting_requests (user_id, asked_at, note) VALUES ($1, $2, $3) \
         ON CONFLICT (user_id) DO UPDATE SET note = excluded.note",
    )
    .bind(user)
    .bind(now)
    .bind(note)
    .execute(conn)
    .await?;
    Ok(())
}

/// Removes `user`'s request; whether there was one.
pub async fn cancel(conn: &mut Conn, user: i64) -> Result<bool, sqlx::Error> {
    Ok(sql::query("DELETE FROM vetting_requests WHERE user_id = $1").bind(user).execute(conn).await?.rows_affected()
        == 1)
}

/// Records a check of `user` by staff member `by`, and closes the person's request.
pub async fn record(conn: &mut Conn, user: i64, check: &Check, by: i64, now: i64) -> Result<i64, sqlx::Error> {
    let id = sql::query_scalar(
        "INSERT INTO vettings (user_id, identity_seen, association, checked_on, checked_by, recorded_by, \
         recorded_at, expires_at) VALUES ($1, TRUE, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(user)
    .bind(check.association.as_deref())
    .bind(check.checked_on)
    .bind(&check.checked_by)
    .bind(by)
    .bind(now)
    .bind(check.expires_at)
    .fetch_one(&mut *conn)
    .await?;
    cancel(conn, user).await?;
    Ok(id)
}

/// Withdraws every check of `user` valid at `now`; how many there were.
pub async fn withdraw(conn: &mut Conn, user: i64, by: i64, reason: &str, now: i64) -> Result<u64, sqlx::Error> {
    Ok(sql::query(
        "UPDATE vettings SET withdrawn_at = $3, withdrawn_by = $2, withdrawn_reason = $4 \
         WHERE user_id = $1 AND withdrawn_at IS NULL AND expires_at > $3",
    )
    .bind(user)
    .bind(by)
    .bind(now)
    .bind(reason)
    .execute(conn)
    .await?
    .rows_affected())
}

/// An erased account's checks and request go with it.
pub async fn erase_user(conn: &mut Conn, user: i64) -> Result<(), sqlx::Error> {
    sql::query("DELETE FROM vetting_requests WHERE user_id = $1").bind(user).execute(&mut *conn).await?;
    sql::query("DELETE FROM vettings WHERE user_id = $1").bind(user).execute(conn).await?;
    Ok(())
}

//! SQL for accounts. No authorization decisions here.

use super::sql::{self, Conn};
use crate::domain::user::{CurrentUser, NewAccount, Role};
use crate::i18n::Lang;

/// A stored account, with its password hash (never leaves the server).
#[derive(Debug, sqlx::FromRow)]
pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub poster_kind: String,
    pub organisation: Option<String>,
    pub password_hash: String,
    pub role: String,
    pub disabled_at: Option<i64>,
    pub email_notifications: bool,
    pub email_verified_at: Option<i64>,
    pub session_epoch: i64,
}

impl UserRow {
    /// The public face of the account, or `None` if a stored value is unknown to the domain.
    pub fn to_current(&self) -> Option<CurrentUser> {
        Some(CurrentUser {
            id: self.id,
            display_name: self.display_name.clone(),
            email: self.email.clone(),
            poster_kind: self.poster_kind.parse().ok()?,
            organisation: self.organisation.clone(),
            role: self.role.parse().ok()?,
            email_notifications: self.email_notifications,
            email_verified: self.email_verified_at.is_some(),
            session_epoch: self.session_epoch,
        })
    }
}

const COLUMNS: &str = "id, email, display_name, poster_kind, organisation, password_hash, role, disabled_at, \
     email_notifications, email_verified_at, session_epoch";

/// Inserts an account. Fails with a unique violation if the e-mail is taken.
pub async fn insert(
    conn: &mut Conn,
    a: &NewAccount,
    role: Role,
    hash: &str,
    verified: bool,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sql::query_scalar(
        "INSERT INTO users (email, display_name, poster_kind, organisation, password_hash, role, created_at, \
         updated_at, email_verified_at) VALUES ($1, $2, $3, $4, $5, $7, $6, $6, $8) RETURNING id",
    )
    .bind(a.email.as_str())
    .bind(a.display_name.as_str())
    .bind(a.poster_kind.slug())
    .bind(a.organisation.as_deref())
    .bind(hash)
    .bind(now)
    .bind(role.slug())
    .bind(verified.then_some(now))
    .fetch_one(conn)
    .await
}

/// Ends every session of account `id` (their epoch no longer matches); returns the new epoch.
pub async fn end_sessions(conn: &mut Conn, id: i64) -> Result<i64, sqlx::Error> {
    sql::query_scalar("UPDATE users SET session_epoch = session_epoch + 1 WHERE id = $1 RETURNING session_epoch")
        .bind(id)
        .fetch_one(conn)
        .await
}

/// Records that account `id` proved it owns `email`, which becomes its login.
pub async fn set_verified_email(conn: &mut Conn, id: i64, email: &str, now: i64) -> Result<(), sqlx::Error> {
    sql::query("UPDATE users SET email = $1, email_verified_at = $2, updated_at = $2 WHERE id = $3")
        .bind(email)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// How many accounts there are (any state).
pub async fn count_all(conn: &mut Conn) -> Result<i64, sqlx::Error> {
    sql::query_scalar("SELECT count(*) FROM users").fetch_one(conn).await
}

/// Whether any account's address ends with `suffix` (the demo accounts' domain).
pub async fn any_with_suffix(conn: &mut Conn, suffix: &str) -> Result<bool, sqlx::Error> {
    let n: i64 =
        sql::query_scalar("SELECT count(*) FROM users WHERE email LIKE '%' || $1").bind(suffix).fetch_one(conn).await?;
    Ok(n > 0)
}

pub async fn by_email(conn: &mut Conn, email: &str) -> Result<Option<UserRow>, sqlx::Error> {
    sql::query_as(&format!("SELECT {COLUMNS} FROM users WHERE email = $1")).bind(email).fetch_optional(conn).await
}

pub async fn by_id(conn: &mut Conn, id: i64) -> Result<Option<UserRow>, sqlx::Error> {
    sql::query_as(&format!("SELECT {COLUMNS} FROM users WHERE id = $1")).bind(id).fetch_optional(conn).await
}

pub async fn set_display_name(conn: &mut Conn, id: i64, name: &str, now: i64) -> Result<(), sqlx::Error> {
    sql::query("UPDATE users SET display_name = $1, updated_at = $2 WHERE id = $3")
        .bind(name)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn set_password_hash(conn: &mut Conn, id: i64, hash: &str, now: i64) -> Result<(), sqlx::Error> {
    sql::query("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3")
        .bind(hash)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn set_role(conn: &mut Conn, id: i64, role: Role, now: i64) -> Result<(), sqlx::Error> {
    sql::query("UPDATE users SET role = $1, updated_at = $2 WHERE id = $3")
        .bind(role.slug())
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Disables (`Some(when)`) or enables (`None`) an account.
pub async fn set_disabled(conn: &mut Conn, id: i64, at: Option<i64>, now: i64) -> Result<(), sqlx::Error> {
    sql::query("UPDATE users SET disabled_at = $1, updated_at = $2 WHERE id = $3")
        .bind(at)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Every account, staff first, then by e-mail.
pub async fn list(conn: &mut Conn) -> Result<Vec<UserRow>, sqlx::Error> {
    sql::query_as(&format!(
        "SELECT {COLUMNS} FROM users ORDER BY CASE role WHEN 'admin' THEN 0 WHEN 'moderator' THEN 1 ELSE 2 END, email"
    ))
    .fetch_all(conn)
    .await
}

/// Whether notifications also come by e-mail.
/// Remembers the language `id` reads Entraide in (for their notifications and e-mails).
pub async fn set_lang(conn: &mut Conn, id: i64, lang: Lang) -> Result<(), sqlx::Error> {
    sql::query("UPDATE users SET lang = $1 WHERE id = $2 AND lang <> $1")
        .bind(lang.code())
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn set_email_notifications(conn: &mut Conn, id: i64, on: bool, now: i64) -> Result<(), sqlx::Error> {
    sql::query("UPDATE users SET email_notifications = $1, updated_at = $2 WHERE id = $3")
        .bind(on)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// When the account was created (UTC seconds).
pub async fn created_at(conn: &mut Conn, id: i64) -> Result<Option<i64>, sqlx::Error> {
    sql::query_scalar("SELECT created_at FROM users WHERE id = $1").bind(id).fetch_optional(conn).await
}

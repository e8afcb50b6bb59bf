//! The home page's announcements: anyone reads the current ones; admins write and remove them.

use crate::domain::announcement::NewAnnouncement;
use crate::domain::user::{CurrentUser, Role};
use crate::error::AppError;
use crate::server::db::announcements::{self as sql, AnnouncementRow};
use crate::server::db::{self, Db};
use crate::wire::announcements::{Announcement, Announcements};

fn view(r: AnnouncementRow) -> Announcement {
    Announcement { id: r.id, message: r.message, starts_at: r.starts_at, ends_at: r.ends_at }
}

fn require_admin(me: &CurrentUser) -> Result<(), AppError> {
    if me.role == Role::Admin {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Anyone: the announcements shown at `now`.
pub async fn current(db: &Db, now: i64) -> Result<Vec<Announcement>, AppError> {
    let mut conn = db.read.acquire().await.map_err(|e| db::internal("announcements: acquire", e))?;
    Ok(sql::current(&mut conn, now)
        .await
        .map_err(|e| db::internal("announcements", e))?
        .into_iter()
        .map(view)
        .collect())
}

/// Admins only: the current and coming announcements.
pub async fn upcoming(db: &Db, me: &CurrentUser, now: i64) -> Result<Announcements, AppError> {
    require_admin(me)?;
    let mut conn = db.read.acquire().await.map_err(|e| db::internal("announcements: acquire", e))?;
    let items = sql::upcoming(&mut conn, now).await.map_err(|e| db::internal("announcements", e))?;
    Ok(Announcements { items: items.into_iter().map(view).collect(), now })
}

/// Admins only: a new announcement.
pub async fn create(db: &Db, me: &CurrentUser, a: NewAnnouncement, now: i64) -> Result<i64, AppError> {
    require_admin(me)?;
    let mut conn = db.write.acquire().await.map_err(|e| db::internal("announcement: acquire", e))?;
    let id = sql::insert(&mut conn, &a.message, a.period.from, a.period.to, me.id, now)
        .await
        .map_err(|e| db::internal("announcement", e))?;
    tracing::info!(admin = me.id, announcement = id, "announcement written");
    Ok(id)
}

/// Admins only: removes an announcement (`NotFound` if there is none).
pub async fn delete(db: &Db, me: &CurrentUser, id: i64) -> Result<(), AppError> {
    require_admin(me)?;
    let mut conn = db.write.acquire().await.map_err(|e| db::internal("announcement: acquire", e))?;
    if sql::delete(&mut conn, id).await.map_err(|e| db::internal("announcement", e))? {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

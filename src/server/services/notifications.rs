//! In-app notifications: what the logged-in person was told, and the header's badges.

use crate::api::moderation::{Badges, NotificationView, Notifications};
use crate::domain::user::CurrentUser;
use crate::error::AppError;
use crate::server::db::{self, moderation as sql, Db};

/// The most notifications the page lists.
const PAGE: i64 = 100;

/// My newest notifications.
pub async fn list(db: &Db, me: &CurrentUser, now: i64) -> Result<Notifications, AppError> {
    let mut conn = db.read.acquire().await.map_err(|e| db::internal("notifications: acquire", e))?;
    let rows = sql::notifications_of(&mut conn, me.id, PAGE).await.map_err(|e| db::internal("notifications", e))?;
    let items = rows
        .into_iter()
        .map(|r| {
            Ok(NotificationView {
                id: r.id,
                kind: r.kind.parse().map_err(|_| db::internal("notifications", "unknown kind"))?,
                post_id: r.post_id,
                body: r.body,
                created_at: r.created_at,
                read: r.read_at.is_some(),
            })
        })
        .collect::<Result<_, AppError>>()?;
    Ok(Notifications { items, now })
}

/// Unread notifications, and for staff what waits in the queues.
pub async fn badges(db: &Db, me: &CurrentUser) -> Result<Badges, AppError> {
    let mut conn = db.read.acquire().await.map_err(|e| db::internal("badges: acquire", e))?;
    let unread = sql::unread_count(&mut conn, me.id).await.map_err(|e| db::internal("badges", e))?;
    let to_moderate = if me.role.is_staff() {
        let s = sql::stats(&mut conn).await.map_err(|e| db::internal("badges: stats", e))?;
        s.pending + s.reported_posts
    } else {
        0
    };
    Ok(Badges { unread, to_moderate })
}

/// Marks all my notifications as read.
pub async fn mark_all_read(db: &Db, me: &CurrentUser, now: i64) -> Result<u64, AppError> {
    let mut conn = db.write.acquire().await.map_err(|e| db::internal("mark read: acquire", e))?;
    sql::mark_all_read(&mut conn, me.id, now).await.map_err(|e| db::internal("mark read", e))
}

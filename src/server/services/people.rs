//! « Personnes »: admins find accounts, read a person's posts and reports, change a role,
//! disable or enable an account, send a password-reset link. Admins only; an admin never
//! changes their own account here, and the last enabled admin stays one. Every change is
//! written to `people_audit`.

use crate::domain::user::{CurrentUser, Role};
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::server::db::people::{self as sql, PersonRow};
use crate::server::db::{self, users as users_sql, Db};
use crate::wire::people::{People, PersonLine, PersonPost, PersonReport, PersonView};

/// The most accounts a search shows.
pub const SEARCH_LIMIT: i64 = 50;

/// What an admin changes on an account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Role(Role),
    Disable,
    Enable,
}

fn require_admin(me: &CurrentUser) -> Result<(), AppError> {
    if me.role == Role::Admin {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

fn refused(message: &str) -> AppError {
    AppError::Validation(FieldErrors::single("form", Msg::new(message)))
}

fn line(r: PersonRow) -> Result<PersonLine, AppError> {
    let role = r.role.parse().map_err(|_| db::internal("people", format!("account {}: unknown role", r.id)))?;
    Ok(PersonLine {
        id: r.id,
        display_name: r.display_name,
        email: r.email,
        role,
        organisation: r.organisation,
        disabled: r.disabled_at.is_some(),
        verified: r.email_verified_at.is_some(),
        created_at: r.created_at,
        posts: r.posts,
        open_reports: r.open_reports,
    })
}

/// Admins only: the accounts whose name or e-mail holds `words`, the newest first.
pub async fn search(db: &Db, me: &CurrentUser, words: &str, now: i64) -> Result<People, AppError> {
    require_admin(me)?;
    let words: String = words.trim().chars().take(100).collect();
    let mut conn = db.read.acquire().await.map_err(|e| db::internal("people: acquire", e))?;
    let mut rows = sql::search(&mut conn, &words, SEARCH_LIMIT + 1).await.map_err(|e| db::internal("people", e))?;
    let more = rows.len() as i64 > SEARCH_LIMIT;
    rows.truncate(SEARCH_LIMIT as usize);
    let items = rows.into_iter().map(line).collect::<Result<Vec<_>, _>>()?;
    Ok(People { items, more, now })
}

/// Admins only: one person, with their posts and the reports about them or by them.
pub async fn view(db: &Db, me: &CurrentUser, id: i64, now: i64) -> Result<PersonView, AppError> {
    require_admin(me)?;
    let mut conn = db.read.acquire().await.map_err(|e| db::internal("person: acquire", e))?;
    let row = sql::by_id(&mut conn, id).await.map_err(|e| db::internal("person", e))?.ok_or(AppError::NotFound)?;
    let bad = |w: &str| db::internal("person", format!("account {id}: unknown {w}"));
    let posts = sql::posts_of(&mut conn, id, 100)
        .await
        .map_err(|e| db::internal("person: posts", e))?
        .into_iter()
        .map(|(id, title, status, created_at)| {
            Ok(PersonPost { id, title, status: status.parse().map_err(|_| bad("status"))?, created_at })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    let reports = sql::reports_of(&mut conn, id, 100)
        .await
        .map_err(|e| db::internal("person: reports", e))?
        .into_iter()
        .map(|r| {
            Ok(PersonReport {
                post_id: r.post_id,
                title: r.title,
                reason: r.reason.parse().map_err(|_| bad("reason"))?,
                at: r.created_at,
                open: r.open,
                made: r.made,
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    Ok(PersonView { person: line(row)?, posts, reports, me: id == me.id, now })
}

/// Admins only: sends account `id` a password-reset link by e-mail (the rules of « Mot de passe
/// oublié »: one hour, single use, three an hour), audited.
pub async fn send_reset_link(db: &Db, me: &CurrentUser, id: i64, now: i64) -> Result<(), AppError> {
    require_admin(me)?;
    if id == me.id {
        return Err(refused("people-not-yourself"));
    }
    let target = {
        let mut conn = db.read.acquire().await.map_err(|e| db::internal("person: acquire", e))?;
        users_sql::by_id(&mut conn, id).await.map_err(|e| db::internal("person", e))?.ok_or(AppError::NotFound)?
    };
    if target.disabled_at.is_some() {
        return Err(refused("people-reset-disabled"));
    }
    super::account_links::request_reset(db, &target.email, now).await?;
    let mut conn = db.write.acquire().await.map_err(|e| db::internal("person: acquire", e))?;
    sql::audit(&mut conn, me.id, id, "reset-link", None, now).await.map_err(|e| db::internal("person: audit", e))
}

/// Admins only: `change` to account `id`, audited. Not on one's own account; never leaves the
/// service without an enabled admin.
pub async fn change(db: &Db, me: &CurrentUser, id: i64, change: Change, now: i64) -> Result<(), AppError> {
    require_admin(me)?;
    if id == me.id {
        return Err(refused("people-not-yourself"));
    }
    let mut tx = db.begin_write().await.map_err(|e| db::internal("person: begin", e))?;
    let target =
        users_sql::by_id(&mut tx, id).await.map_err(|e| db::internal("person", e))?.ok_or(AppError::NotFound)?;
    let was_admin = target.role == Role::Admin.slug() && target.disabled_at.is_none();
    let loses_admin = was_admin && matches!(change, Change::Disable | Change::Role(Role::Resident | Role::Moderator));
    if loses_admin && sql::active_admins(&mut tx).await.map_err(|e| db::internal("person: admins", e))? <= 1 {
        return Err(refused("people-last-admin"));
    }
    let (action, detail) = match change {
        Change::Role(role) => {
            users_sql::set_role(&mut tx, id, role, now).await.map_err(|e| db::internal("person: role", e))?;
            // A role that shrinks ends the sessions that carried the old one.
            users_sql::end_sessions(&mut tx, id).await.map_err(|e| db::internal("person: sessions", e))?;
            ("role", Some(role.slug()))
        }
        Change::Disable => {
            users_sql::set_disabled(&mut tx, id, Some(now), now)
                .await
                .map_err(|e| db::internal("person: disable", e))?;
            users_sql::end_sessions(&mut tx, id).await.map_err(|e| db::internal("person: sessions", e))?;
            ("disable", None)
        }
        Change::Enable => {
            users_sql::set_disabled(&mut tx, id, None, now).await.map_err(|e| db::internal("person: enable", e))?;
            ("enable", None)
        }
    };
    sql::audit(&mut tx, me.id, id, action, detail, now).await.map_err(|e| db::internal("person: audit", e))?;
    tx.commit().await.map_err(|e| db::internal("person: commit", e))?;
    tracing::info!(admin = me.id, user = id, action, "account changed by an admin");
    Ok(())
}

//! « Personnes »: admins find accounts, read a person's posts and reports, change a role,
//! disable or enable an account, send a password-reset link. Admins only; an admin never
//! changes their own account here, and the last enabled admin stays one. Every change is
//! written to `people_audit`.

use crate::domain::territory::{Scope, TerritoryCode};
use crate::domain::user::{CurrentUser, Role};
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::server::db::people::{self as sql, PersonRow};
use crate::server::db::Conn;
use crate::server::db::{self, users as users_sql, Db};
use crate::wire::people::{
    People, PersonLine, PersonPost, PersonReport, PersonView, StaffTerritories, TerritoryChoice,
};

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

/// The start of every change by admin `me` to account `id` (never their own): a write
/// transaction, and the account as it is.
async fn begin_change(db: &Db, me: &CurrentUser, id: i64) -> Result<(db::Tx<'static>, users_sql::UserRow), AppError> {
    require_admin(me)?;
    if id == me.id {
        return Err(refused("people-not-yourself"));
    }
    let mut tx = db.begin_write().await.map_err(|e| db::internal("person: begin", e))?;
    let target =
        users_sql::by_id(&mut tx, id).await.map_err(|e| db::internal("person", e))?.ok_or(AppError::NotFound)?;
    Ok((tx, target))
}

/// The scope of account `id`, read in the transaction of a change.
async fn scope_in(conn: &mut Conn, id: i64) -> Result<Scope, AppError> {
    let rows = db::territories::scope_of(conn, id).await.map_err(|e| db::internal("person: scope", e))?;
    Ok(Scope::from_rows(rows.iter().filter_map(|c| TerritoryCode::parse(c).ok()).collect()))
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
    let person = line(row)?;
    let territories = if person.role.has_territories() { staff_territories(&mut conn, me.id, id).await? } else { None };
    Ok(PersonView { person, posts, reports, me: id == me.id, territories, now })
}

/// Where staff member `id` acts, as admin `me` may see and change it; `None` while the instance
/// serves one territory and they have none chosen.
async fn staff_territories(conn: &mut Conn, me: i64, id: i64) -> Result<Option<StaffTerritories>, AppError> {
    let all = db::territories::list(conn).await.map_err(|e| db::internal("person: territories", e))?;
    let (mine, theirs) = (scope_in(conn, me).await?, scope_in(conn, id).await?);
    if all.len() < 2 && theirs == Scope::National {
        return Ok(None);
    }
    let choices = all
        .into_iter()
        .filter_map(|t| {
            let code = TerritoryCode::parse(&t.code).ok()?;
            let shown = mine.covers(&code) || theirs != Scope::National && theirs.covers(&code);
            shown.then(|| TerritoryChoice {
                checked: theirs != Scope::National && theirs.covers(&code),
                code: t.code,
                name: t.name,
            })
        })
        .collect();
    Ok(Some(StaffTerritories {
        national: theirs == Scope::National,
        choices,
        may_national: mine == Scope::National,
        may_change: me != id && mine.includes(&theirs),
    }))
}

/// Admins only: the territories staff member `id` acts in — every one (`national`, national
/// admins only) or those of `codes`, never beyond the admin's own. Audited.
pub async fn set_territories(
    db: &Db,
    me: &CurrentUser,
    id: i64,
    national: bool,
    codes: &[String],
    now: i64,
) -> Result<(), AppError> {
    let (mut tx, target) = begin_change(db, me, id).await?;
    if !target.role.parse::<Role>().is_ok_and(Role::has_territories) {
        return Err(refused("people-territories-staff-only"));
    }
    let my_scope = scope_in(&mut tx, me.id).await?;
    if !my_scope.includes(&scope_in(&mut tx, id).await?) {
        return Err(refused("people-other-territory"));
    }
    let wanted = if national {
        Scope::National
    } else {
        let codes = codes.iter().map(|c| TerritoryCode::parse(c)).collect::<Result<Vec<_>, _>>();
        match codes {
            Ok(codes) if !codes.is_empty() => Scope::Only(codes),
            _ => {
                return Err(AppError::Validation(FieldErrors::single(
                    "territories",
                    Msg::new("people-territories-none"),
                )))
            }
        }
    };
    if !my_scope.includes(&wanted) {
        return Err(refused("people-other-territory"));
    }
    let known: Vec<String> = db::territories::list(&mut tx)
        .await
        .map_err(|e| db::internal("person: territories", e))?
        .into_iter()
        .map(|t| t.code)
        .collect();
    let codes: Vec<String> = match &wanted {
        Scope::National => Vec::new(),
        Scope::Only(codes) => codes.iter().map(|c| c.as_str().to_owned()).collect(),
    };
    if codes.iter().any(|c| !known.contains(c)) {
        return Err(AppError::NotFound);
    }
    db::territories::set_scope(&mut tx, id, &codes).await.map_err(|e| db::internal("person: scope", e))?;
    let detail = if codes.is_empty() { "national".to_owned() } else { codes.join(" ") };
    sql::audit(&mut tx, me.id, id, "territories", Some(&detail), now)
        .await
        .map_err(|e| db::internal("person: audit", e))?;
    tx.commit().await.map_err(|e| db::internal("person: commit", e))?;
    tracing::info!(admin = me.id, user = id, "territories changed by an admin");
    Ok(())
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
    let (mut tx, target) = begin_change(db, me, id).await?;
    // An admin of some territories acts on the staff of those territories only, and the staff
    // they appoint act there too (never everywhere).
    let my_scope = scope_in(&mut tx, me.id).await?;
    let target_scope = scope_in(&mut tx, id).await?;
    let target_staff = target.role.parse::<Role>().is_ok_and(Role::has_territories);
    if target_staff && !my_scope.includes(&target_scope) {
        return Err(refused("people-other-territory"));
    }
    if let (Scope::Only(mine), Change::Role(role)) = (&my_scope, change) {
        if role != Role::Resident && !target_staff {
            let codes: Vec<String> = mine.iter().map(|c| c.as_str().to_owned()).collect();
            db::territories::set_scope(&mut tx, id, &codes).await.map_err(|e| db::internal("person: scope", e))?;
        }
    }
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

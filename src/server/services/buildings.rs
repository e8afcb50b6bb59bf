//! « Mon immeuble » (#18 §3): a resident creates the group of their building (its street and
//! commune, never its number), prints a notice for the hall with a QR code and a short code;
//! neighbours join with the code and read the group's posts. A post for the building only is
//! validated by staff like any other, and never reaches the public map, list, API or exports
//! (the conditions live in `db::posts`, `db::map` and `db::exports`).

use argon2::password_hash::rand_core::{OsRng, RngCore};

use crate::domain::building::{shown, JoinCode, Street, CODE_LEN};
use crate::domain::commune::resolve;
use crate::domain::user::CurrentUser;
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::server::communes::Communes;
use crate::server::db::Conn;
use crate::server::db::{self, buildings as sql, Db};
use crate::server::services::notifications::site_url;
use crate::wire::buildings::{BuildingNotice, BuildingPost, BuildingView, JoinPreview};

/// Buildings one account may belong to.
pub const MAX_PER_ACCOUNT: usize = 5;
/// Wrong codes one account may type in an hour.
pub const WRONG_CODES_PER_HOUR: i64 = 10;

fn field_error(field: &str, message: Msg) -> AppError {
    AppError::Validation(FieldErrors::single(field, message))
}

fn fail(what: &'static str) -> impl Fn(sqlx::Error) -> AppError {
    move |e| db::internal(what, e)
}

/// The page a join code opens (what the QR code of a notice leads to).
pub fn join_url(code: &str) -> String {
    format!("{}/immeuble/rejoindre?code={}", site_url(), shown(code))
}

/// Creates the group of `me`'s building and makes them its first member. Returns its id.
pub async fn create(
    db: &Db,
    communes: &Communes,
    me: &CurrentUser,
    street: &str,
    commune: &str,
    now: i64,
) -> Result<i64, AppError> {
    super::account_links::require_verified(me)?;
    let mut errors = FieldErrors::new();
    let street = Street::parse(street).map_err(|m| errors.push("street", m)).ok();
    let insee = resolve(commune, &communes.refs()).map_err(|m| errors.push("commune", m)).ok();
    let (Some(street), Some(insee)) = (street, insee) else { return Err(AppError::Validation(errors)) };
    let name = communes.by_insee(&insee).map(|c| c.name.clone()).unwrap_or_default();
    let mut tx = db.begin_write().await.map_err(fail("building: begin"))?;
    if sql::mine(&mut tx, me.id).await.map_err(fail("building: mine"))?.len() >= MAX_PER_ACCOUNT {
        return Err(field_error("street", Msg::new("building-too-many").num("max", MAX_PER_ACCOUNT as i64)));
    }
    let code = loop {
        let mut random = [0u8; CODE_LEN];
        OsRng.fill_bytes(&mut random);
        let code = JoinCode::from_random(random);
        if !sql::code_taken(&mut tx, code.as_str()).await.map_err(fail("building: code"))? {
            break code;
        }
    };
    let id = sql::insert(&mut tx, street.as_str(), &insee, &name, code.as_str(), me.id, now)
        .await
        .map_err(fail("building: insert"))?;
    sql::join(&mut tx, id, me.id, now).await.map_err(fail("building: join"))?;
    tx.commit().await.map_err(fail("building: commit"))?;
    Ok(id)
}

/// `me` joins the building of `code`. Returns its id. A wrong code is counted: past
/// [`WRONG_CODES_PER_HOUR`] in an hour, the next try waits.
pub async fn join(db: &Db, me: &CurrentUser, code: &str, now: i64) -> Result<i64, AppError> {
    let mut tx = db.begin_write().await.map_err(fail("join: begin"))?;
    if sql::failures_since(&mut tx, me.id, now - 3600).await.map_err(fail("join: failures"))? >= WRONG_CODES_PER_HOUR {
        return Err(AppError::TooManyRequests { retry_after: 3600 });
    }
    let found = match JoinCode::parse(code) {
        Ok(code) => sql::by_code(&mut tx, code.as_str()).await.map_err(fail("join: code"))?,
        Err(m) if code.trim().is_empty() => return Err(field_error("code", m)),
        Err(_) => None,
    };
    let Some(b) = found else {
        sql::record_failure(&mut tx, me.id, now).await.map_err(fail("join: failure"))?;
        tx.commit().await.map_err(fail("join: commit"))?;
        return Err(field_error("code", Msg::new("building-code-unknown")));
    };
    let mine = sql::mine(&mut tx, me.id).await.map_err(fail("join: mine"))?;
    if !mine.iter().any(|m| m.id == b.id) && mine.len() >= MAX_PER_ACCOUNT {
        return Err(field_error("code", Msg::new("building-too-many").num("max", MAX_PER_ACCOUNT as i64)));
    }
    sql::join(&mut tx, b.id, me.id, now).await.map_err(fail("join"))?;
    tx.commit().await.map_err(fail("join: commit"))?;
    Ok(b.id)
}

/// `me` leaves building `id` (their posts for it stay, for its members).
pub async fn leave(db: &Db, me: &CurrentUser, id: i64) -> Result<(), AppError> {
    let mut tx = db.begin_write().await.map_err(fail("leave: begin"))?;
    if !sql::leave(&mut tx, id, me.id).await.map_err(fail("leave"))? {
        return Err(AppError::NotFound);
    }
    tx.commit().await.map_err(fail("leave: commit"))
}

/// The buildings `me` belongs to, each with its open posts.
pub async fn mine(db: &Db, me: &CurrentUser, now: i64) -> Result<Vec<BuildingView>, AppError> {
    let mut conn = db.read.acquire().await.map_err(fail("my buildings: acquire"))?;
    let rows = sql::mine(&mut conn, me.id).await.map_err(fail("my buildings"))?;
    let posts = sql::posts_for_member(&mut conn, me.id, now).await.map_err(fail("my buildings: posts"))?;
    let mut views: Vec<BuildingView> = rows
        .into_iter()
        .map(|b| BuildingView {
            id: b.id,
            street: b.street,
            commune: b.commune_name,
            code: shown(&b.join_code),
            members: b.members,
            posts: vec![],
        })
        .collect();
    for p in posts {
        let bad = || db::internal("my buildings", format!("post {}: unknown kind, category or status", p.id));
        let post = BuildingPost {
            id: p.id,
            kind: p.kind.parse().map_err(|_| bad())?,
            category: p.category.parse().map_err(|_| bad())?,
            status: p.status.parse().map_err(|_| bad())?,
            title: p.title,
            author: p.author_name,
            created_at: p.created_at,
        };
        if let Some(v) = views.iter_mut().find(|v| v.id == p.building_id) {
            v.posts.push(post);
        }
    }
    Ok(views)
}

/// What `code` leads to, for the page its QR code opens (`me`: who reads, if logged in).
pub async fn preview(db: &Db, code: &str, me: Option<&CurrentUser>) -> Result<JoinPreview, AppError> {
    let Ok(code) = JoinCode::parse(code) else { return Ok(JoinPreview::Unknown) };
    let mut conn = db.read.acquire().await.map_err(fail("preview: acquire"))?;
    let Some(b) = sql::by_code(&mut conn, code.as_str()).await.map_err(fail("preview"))? else {
        return Ok(JoinPreview::Unknown);
    };
    let member = match me {
        Some(me) => sql::of_member(&mut conn, b.id, me.id).await.map_err(fail("preview: member"))?.is_some(),
        None => false,
    };
    Ok(JoinPreview::Found { street: b.street, commune: b.commune_name, member })
}

/// The notice for the hall of building `id`, for its members (`NotFound` for anyone else).
pub async fn notice(db: &Db, me: &CurrentUser, id: i64) -> Result<BuildingNotice, AppError> {
    let mut conn = db.read.acquire().await.map_err(fail("building notice: acquire"))?;
    let b = sql::of_member(&mut conn, id, me.id).await.map_err(fail("building notice"))?.ok_or(AppError::NotFound)?;
    let site = site_url();
    let address = format!("{}/immeuble", site.split_once("://").map_or(site, |(_, rest)| rest));
    Ok(BuildingNotice { id: b.id, street: b.street, commune: b.commune_name, code: shown(&b.join_code), address })
}

/// The join address of building `id`, for its members (its QR code).
pub async fn join_url_of(db: &Db, me: &CurrentUser, id: i64) -> Result<String, AppError> {
    let mut conn = db.read.acquire().await.map_err(fail("building qr: acquire"))?;
    let b = sql::of_member(&mut conn, id, me.id).await.map_err(fail("building qr"))?.ok_or(AppError::NotFound)?;
    Ok(join_url(&b.join_code))
}

/// A new post for building `id`: its author must belong to it.
pub async fn check_author(conn: &mut Conn, me: &CurrentUser, id: i64) -> Result<(), AppError> {
    match sql::of_member(conn, id, me.id).await.map_err(fail("post for a building"))? {
        Some(_) => Ok(()),
        None => Err(field_error("audience", Msg::new("building-not-member"))),
    }
}

/// Whether `viewer` may read (and answer) post `post_id` as far as buildings go.
pub async fn may_read(conn: &mut Conn, post_id: i64, viewer: i64) -> Result<bool, AppError> {
    Ok(sql::may_read(conn, post_id, viewer).await.map_err(fail("building: may read"))?.unwrap_or(false))
}

/// The building a post is for, if any: (street, commune).
pub async fn of_post(conn: &mut Conn, post_id: i64) -> Result<Option<(String, String)>, AppError> {
    sql::of_post(conn, post_id).await.map_err(fail("building of post"))
}

/// Forgets wrong codes older than a day (the retention sweep).
pub async fn forget_failures(conn: &mut Conn, now: i64) -> Result<u64, AppError> {
    sql::forget_failures(conn, now - 86_400).await.map_err(fail("building: forget failures"))
}

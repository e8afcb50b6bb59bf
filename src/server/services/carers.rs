//! « Un proche à mes côtés » (#18 §2): the author of a post invites a relative or a carer by an
//! e-mail link. Once they accept it with an account, they follow that post: they are told what
//! its author is told (`notifications::notify`), see its state and who answers it in « Mes
//! annonces », and can write in its conversations, where their messages read « proche de … ».
//! They never see the exact place, the note or the phone. The author removes them at any time
//! (the relative may also stop); what they wrote stays, with their name.

use std::collections::HashMap;

use crate::domain::notification::NotificationKind;
use crate::domain::user::{CurrentUser, Email};
use crate::domain::PostStatus;
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::server::db::Conn;
use crate::server::db::{self, carers as sql, moderation as staff_sql, Db};
use crate::server::services::notifications::{notify, site_url};
use crate::wire::carers::{CarerView, FollowedConversation, FollowedPost, Invitation};

/// Relatives (following or invited) one post may have.
pub const PER_POST: i64 = 3;
/// Invitations one account may send per day.
pub const INVITES_PER_DAY: i64 = 10;
/// How long an invitation link works.
pub const LINK_DAYS: i64 = 7;

fn form_error(field: &str, message: Msg) -> AppError {
    AppError::Validation(FieldErrors::single(field, message))
}

fn fail(what: &'static str) -> impl Fn(sqlx::Error) -> AppError {
    move |e| db::internal(what, e)
}

/// The address of the page an invitation opens.
pub fn invitation_link(token: &str) -> String {
    format!("{}/proche/{token}", site_url())
}

fn is_open(status: PostStatus) -> bool {
    matches!(status, PostStatus::Pending | PostStatus::Published | PostStatus::InProgress)
}

/// The author of post `post_id` invites `email` to follow it: a link valid [`LINK_DAYS`] days
/// goes to that address, in the author's language. Refused (field `email`): a wrong address,
/// the author's own, one already invited, more than [`PER_POST`] relatives; a post that ended.
pub async fn invite(db: &Db, me: &CurrentUser, post_id: i64, email: &str, now: i64) -> Result<(), AppError> {
    super::account_links::require_verified(me)?;
    let email = Email::parse(email).map_err(|m| form_error("email", m))?;
    let mut tx = db.begin_write().await.map_err(fail("invite: begin"))?;
    let (status, _) = super::posts::owned(&mut tx, me, post_id).await?;
    if !is_open(status) {
        return Err(form_error("email", Msg::new("carer-post-over")));
    }
    let mine = db::users::by_id(&mut tx, me.id).await.map_err(fail("invite: me"))?.ok_or(AppError::NotFound)?;
    if mine.email == email.as_str() {
        return Err(form_error("email", Msg::new("carer-not-self")));
    }
    if sql::waiting_for(&mut tx, post_id, email.as_str(), now).await.map_err(fail("invite: waiting"))? {
        return Err(form_error("email", Msg::new("carer-already-invited")));
    }
    if sql::live_of_post(&mut tx, post_id, now).await.map_err(fail("invite: count"))? >= PER_POST {
        return Err(form_error("email", Msg::new("carer-too-many").num("max", PER_POST)));
    }
    if sql::invited_since(&mut tx, me.id, now - 86_400).await.map_err(fail("invite: limit"))? >= INVITES_PER_DAY {
        return Err(AppError::TooManyRequests { retry_after: 86_400 });
    }
    let post =
        staff_sql::staff_post(&mut tx, post_id).await.map_err(fail("invite: post"))?.ok_or(AppError::NotFound)?;
    let (token, hash) = super::account_links::new_token();
    sql::insert(&mut tx, post_id, me.id, email.as_str(), &hash, now, now + LINK_DAYS * 86_400)
        .await
        .map_err(fail("invite"))?;
    let body = Msg::new("email-carer-body")
        .text("name", &me.display_name)
        .text("title", &post.title)
        .text("commune", &post.commune_name)
        .text("link", invitation_link(&token))
        .num("days", LINK_DAYS);
    let lang = super::account_links::lang_of(&mut tx, me.id).await?;
    let subject = Msg::new("email-carer-subject").text("name", &me.display_name);
    super::account_links::queue(&mut tx, email.as_str(), subject, body, lang, now).await?;
    tx.commit().await.map_err(fail("invite: commit"))
}

/// The invitation a link stands for, if it still works (`me`: who opens it, if logged in).
pub async fn invitation(db: &Db, token: &str, me: Option<&CurrentUser>, now: i64) -> Result<Invitation, AppError> {
    let Some(hash) = super::account_links::lookup_hash(token) else { return Ok(Invitation::Gone) };
    let mut conn = db.read.acquire().await.map_err(fail("invitation: acquire"))?;
    let Some(row) = live_invitation(&mut conn, &hash, now).await? else { return Ok(Invitation::Gone) };
    let post = staff_sql::staff_post(&mut conn, row.post_id).await.map_err(fail("invitation: post"))?;
    let Some(post) = post else { return Ok(Invitation::Gone) };
    let already = match me {
        Some(me) => sql::follows(&mut conn, row.post_id, me.id).await.map_err(fail("invitation: follows"))?,
        None => false,
    };
    Ok(Invitation::Open {
        author_name: post.author_name.unwrap_or_default(),
        title: post.title,
        commune: post.commune_name,
        i_am_author: me.is_some_and(|m| m.id == row.author_id),
        already,
    })
}

/// The waiting invitation of `hash`, on a post still open.
async fn live_invitation(conn: &mut Conn, hash: &str, now: i64) -> Result<Option<sql::CarerRow>, AppError> {
    let Some(row) = sql::by_token(conn, hash).await.map_err(fail("invitation"))? else { return Ok(None) };
    if row.removed_at.is_some() || row.user_id.is_some() || row.expires_at <= now {
        return Ok(None);
    }
    let post = staff_sql::staff_post(conn, row.post_id).await.map_err(fail("invitation: post"))?;
    let open = post.is_some_and(|p| p.status.parse::<PostStatus>().is_ok_and(is_open));
    Ok(open.then_some(row))
}

/// `me` accepts the invitation of `token` and follows its post from now on. Returns the post.
pub async fn accept(db: &Db, me: &CurrentUser, token: &str, now: i64) -> Result<i64, AppError> {
    let gone = || form_error("form", Msg::new("carer-link-gone"));
    let hash = super::account_links::lookup_hash(token).ok_or_else(gone)?;
    let mut tx = db.begin_write().await.map_err(fail("accept: begin"))?;
    let row = live_invitation(&mut tx, &hash, now).await?.ok_or_else(gone)?;
    if row.author_id == me.id {
        return Err(form_error("form", Msg::new("carer-not-self")));
    }
    if sql::follows(&mut tx, row.post_id, me.id).await.map_err(fail("accept: follows"))? {
        // A second link to the same person: used up, nothing more.
        sql::remove(&mut tx, row.id, now).await.map_err(fail("accept: used"))?;
    } else {
        sql::accept(&mut tx, row.id, me.id, now).await.map_err(fail("accept"))?;
        let post = staff_sql::staff_post(&mut tx, row.post_id).await.map_err(fail("accept: post"))?;
        let title = post.map(|p| p.title).unwrap_or_default();
        let said = Msg::new("notify-carer-joined").text("name", &me.display_name).text("title", &title);
        notify(&mut tx, row.author_id, Some(row.post_id), None, NotificationKind::Carer, &[said], "/mes-annonces", now)
            .await?;
    }
    tx.commit().await.map_err(fail("accept: commit"))?;
    Ok(row.post_id)
}

/// Ends link `id`: the author removes a relative or cancels an invitation, or the relative
/// stops following. Anyone else: `NotFound`.
pub async fn remove(db: &Db, me: &CurrentUser, id: i64, now: i64) -> Result<(), AppError> {
    let mut tx = db.begin_write().await.map_err(fail("remove carer: begin"))?;
    let row = sql::by_id(&mut tx, id).await.map_err(fail("remove carer"))?.ok_or(AppError::NotFound)?;
    let by_author = row.author_id == me.id;
    if row.removed_at.is_some() || !(by_author || row.user_id == Some(me.id)) {
        return Err(AppError::NotFound);
    }
    sql::remove(&mut tx, id, now).await.map_err(fail("remove carer"))?;
    let post = staff_sql::staff_post(&mut tx, row.post_id).await.map_err(fail("remove carer: post"))?;
    let title = post.map(|p| p.title).unwrap_or_default();
    match row.user_id {
        Some(carer) if by_author => {
            let said = Msg::new("notify-carer-removed").text("name", &me.display_name).text("title", &title);
            notify(&mut tx, carer, None, None, NotificationKind::Carer, &[said], "/mes-annonces", now).await?;
        }
        Some(_) => {
            let said = Msg::new("notify-carer-left").text("name", &me.display_name).text("title", &title);
            notify(
                &mut tx,
                row.author_id,
                Some(row.post_id),
                None,
                NotificationKind::Carer,
                &[said],
                "/mes-annonces",
                now,
            )
            .await?;
        }
        None => {}
    }
    tx.commit().await.map_err(fail("remove carer: commit"))
}

/// The relatives of `author_id`'s posts and the invitations waiting, by post.
pub async fn of_author(conn: &mut Conn, author_id: i64, now: i64) -> Result<HashMap<i64, Vec<CarerView>>, AppError> {
    let rows = sql::of_author(conn, author_id, now).await.map_err(fail("my relatives"))?;
    let mut by_post: HashMap<i64, Vec<CarerView>> = HashMap::new();
    for r in rows {
        by_post.entry(r.post_id).or_default().push(CarerView {
            id: r.id,
            email: if r.name.is_none() { r.email } else { None },
            name: r.name,
            until: r.expires_at,
        });
    }
    Ok(by_post)
}

/// The posts `me` follows as a relative, with their state and conversations.
pub async fn followed(db: &Db, me: &CurrentUser, now: i64) -> Result<Vec<FollowedPost>, AppError> {
    let mut conn = db.read.acquire().await.map_err(fail("followed: acquire"))?;
    let rows = sql::followed_by(&mut conn, me.id).await.map_err(fail("followed"))?;
    let mut conversations: HashMap<i64, Vec<FollowedConversation>> = HashMap::new();
    for (post_id, id, with, helper) in
        sql::conversations_followed(&mut conn, me.id).await.map_err(fail("followed: conversations"))?
    {
        conversations.entry(post_id).or_default().push(FollowedConversation { id, with, helper });
    }
    rows.into_iter()
        .map(|r| {
            let bad = || db::internal("followed", format!("post {}: unknown kind, category or status", r.post_id));
            Ok(FollowedPost {
                carer_id: r.id,
                post_id: r.post_id,
                kind: r.kind.parse().map_err(|_| bad())?,
                category: r.category.parse().map_err(|_| bad())?,
                status: r.status.parse().map_err(|_| bad())?,
                title: r.title,
                commune: r.commune,
                author_name: r.author_name,
                expired: r.expires_at <= now,
                hidden: r.hidden,
                conversations: conversations.remove(&r.post_id).unwrap_or_default(),
            })
        })
        .collect()
}

/// Whether `user_id` follows post `post_id` as a relative now.
pub async fn follows(conn: &mut Conn, post_id: i64, user_id: i64) -> Result<bool, AppError> {
    sql::follows(conn, post_id, user_id).await.map_err(fail("follows"))
}

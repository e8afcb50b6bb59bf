//! Notifications: what the logged-in person is told, the header's badges, and the e-mail that
//! goes with a notification when the person chose it (queued in the outbox, in the same
//! transaction as the event).

use std::sync::OnceLock;

use crate::domain::notification::NotificationKind;
use crate::domain::user::CurrentUser;
use crate::error::AppError;
use crate::i18n::{say_all, Lang, Msg};
use crate::server::db::notifications::{self as sql, NewNotification};
use crate::server::db::Conn;
use crate::server::db::{self, moderation as moderation_sql, Db};
use crate::wire::moderation::{Badges, NotificationView, Notifications};

/// The most notifications the page lists.
const PAGE: i64 = 100;

static SITE_URL: OnceLock<String> = OnceLock::new();

/// Sets the public address of the site, used in the links of e-mails (once, at start).
pub fn set_site_url(url: &str) {
    let _ = SITE_URL.set(url.trim_end_matches('/').to_owned());
}

/// The public address of the site.
pub fn site_url() -> &'static str {
    SITE_URL.get().map(String::as_str).unwrap_or("http://127.0.0.1:3000")
}

/// Tells `user_id` about `kind` in the app, and by e-mail if they chose it, in the language
/// they read Entraide in. `link` is the path of the page to open ("/messages/3"). When
/// `user_id` is the author of `post_id`, the relatives who follow that post are told too.
#[allow(clippy::too_many_arguments)]
pub async fn notify(
    conn: &mut Conn,
    user_id: i64,
    post_id: Option<i64>,
    conversation_id: Option<i64>,
    kind: NotificationKind,
    said: &[Msg],
    link: &str,
    now: i64,
) -> Result<(), AppError> {
    notify_except(conn, user_id, post_id, conversation_id, kind, said, link, now, None).await
}

/// [`notify`], but the relative `except` (who did what is told) is not told.
#[allow(clippy::too_many_arguments)]
pub async fn notify_except(
    conn: &mut Conn,
    user_id: i64,
    post_id: Option<i64>,
    conversation_id: Option<i64>,
    kind: NotificationKind,
    said: &[Msg],
    link: &str,
    now: i64,
    except: Option<i64>,
) -> Result<(), AppError> {
    notify_one(conn, user_id, post_id, conversation_id, kind, said, link, now).await?;
    let Some(post) = post_id.filter(|_| kind != NotificationKind::Carer) else { return Ok(()) };
    let followers =
        db::carers::followers_if_author(conn, post, user_id).await.map_err(|e| db::internal("notify: relatives", e))?;
    for (carer, author_name) in followers.into_iter().filter(|(c, _)| Some(*c) != except) {
        let mut told = vec![Msg::new("carer-notify-prefix").text("name", &author_name)];
        told.extend(said.iter().cloned());
        notify_one(conn, carer, post_id, conversation_id, kind, &told, link, now).await?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
async fn notify_one(
    conn: &mut Conn,
    user_id: i64,
    post_id: Option<i64>,
    conversation_id: Option<i64>,
    kind: NotificationKind,
    said: &[Msg],
    link: &str,
    now: i64,
) -> Result<(), AppError> {
    let Some(to) = sql::recipient(conn, user_id).await.map_err(|e| db::internal("notify: recipient", e))? else {
        return Ok(());
    };
    let body = say_all(said, to.lang);
    let n = NewNotification { user_id, post_id, conversation_id, kind, body: &body, at: now };
    sql::insert(conn, &n).await.map_err(|e| db::internal("notify", e))?;
    if let Some(email) = to.email {
        let text = email_body(&body, link, to.lang);
        let subject = kind.subject().say_in(to.lang);
        let e = sql::NewEmail {
            to: &email,
            subject: &subject,
            body: &text,
            post_id,
            conversation_id,
            at: now,
            erase_after_send: false,
        };
        sql::queue_email(conn, &e).await.map_err(|e| db::internal("notify: queue e-mail", e))?;
    }
    Ok(())
}

/// The plain-text e-mail of a notification, in `lang`.
fn email_body(body: &str, link: &str, lang: Lang) -> String {
    Msg::new("email-body")
        .text("body", body)
        .text("link", format!("{}{link}", site_url()))
        .text("account", format!("{}/compte", site_url()))
        .say_in(lang)
}

/// My newest notifications.
pub async fn list(db: &Db, me: &CurrentUser, now: i64) -> Result<Notifications, AppError> {
    let mut conn = db.read.acquire().await.map_err(|e| db::internal("notifications: acquire", e))?;
    let rows = sql::of_user(&mut conn, me.id, PAGE).await.map_err(|e| db::internal("notifications", e))?;
    let items = rows
        .into_iter()
        .map(|r| {
            Ok(NotificationView {
                id: r.id,
                kind: r.kind.parse().map_err(|_| db::internal("notifications", "unknown kind"))?,
                post_id: r.post_id,
                conversation_id: r.conversation_id,
                body: r.body,
                created_at: r.created_at,
                read: r.read_at.is_some(),
                question_id: r.question_id,
            })
        })
        .collect::<Result<_, AppError>>()?;
    Ok(Notifications { items, now })
}

/// Unread notifications and messages, and for staff what waits in the queues.
pub async fn badges(db: &Db, me: &CurrentUser) -> Result<Badges, AppError> {
    let mut conn = db.read.acquire().await.map_err(|e| db::internal("badges: acquire", e))?;
    let unread = sql::unread_count(&mut conn, me.id).await.map_err(|e| db::internal("badges", e))?;
    let unread_messages =
        db::conversations::unread_total(&mut conn, me.id).await.map_err(|e| db::internal("badges: messages", e))?;
    let to_moderate = if me.role.is_staff() {
        let s = moderation_sql::stats(&mut conn, Some(me.id)).await.map_err(|e| db::internal("badges: stats", e))?;
        s.pending + s.reported_posts
    } else {
        0
    };
    Ok(Badges { unread, unread_messages, to_moderate })
}

/// Marks all my notifications as read.
pub async fn mark_all_read(db: &Db, me: &CurrentUser, now: i64) -> Result<u64, AppError> {
    let mut conn = db.write.acquire().await.map_err(|e| db::internal("mark read: acquire", e))?;
    sql::mark_all_read(&mut conn, me.id, now).await.map_err(|e| db::internal("mark read", e))
}

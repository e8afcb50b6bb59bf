//! Answering a post: a responder opens a private conversation with the author; the author
//! accepts a helper (who then sees the exact place, the building note and, if shared, the
//! phone: each reveal is logged); either side says the help was given, the author confirms and
//! the post is fulfilled; both may leave a thank-you note. Every step tells the other side.

use crate::domain::conversation::{accepts_several, Acceptance, MessageBody, ThanksNote};
use crate::domain::notification::NotificationKind;
use crate::domain::user::CurrentUser;
use crate::domain::vetting::VettedCategories;
use crate::domain::{Category, LatLng, PostKind, PostStatus};
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::server::db::conversations::{self as sql, ConversationRow};
use crate::server::db::intakes::{self as intake_sql, IntakeAction};
use crate::server::db::Conn;
use crate::server::db::{self, moderation as staff_sql, notifications as notes_sql, posts as posts_sql, Db};
use crate::server::services::intakes;
use crate::server::services::notifications::{notify, notify_except};
use crate::wire::conversations::{
    Actions, ConversationSummary, ConversationView, Conversations, MessageView, PrivateDetails,
};

/// Messages one account may send per hour.
pub const MESSAGES_PER_HOUR: i64 = 30;
/// Conversations one account may open per day.
pub const CONVERSATIONS_PER_DAY: i64 = 10;

type Tx = db::Tx<'static>;

fn form_error(message: Msg) -> AppError {
    AppError::Validation(FieldErrors::single("form", message))
}

/// The post as a conversation needs it.
struct Post {
    id: i64,
    kind: PostKind,
    category: Category,
    status: PostStatus,
    title: String,
    commune: String,
    author_id: Option<i64>,
    expires_at: i64,
    hidden: bool,
}

async fn post(conn: &mut Conn, id: i64) -> Result<Post, AppError> {
    let r = staff_sql::staff_post(conn, id).await.map_err(|e| db::internal("post", e))?.ok_or(AppError::NotFound)?;
    let bad = |w: &str| db::internal("post", format!("post {id}: unknown {w}"));
    Ok(Post {
        id: r.id,
        kind: r.kind.parse().map_err(|_| bad("kind"))?,
        category: r.category.parse().map_err(|_| bad("category"))?,
        status: r.status.parse().map_err(|_| bad("status"))?,
        title: r.title,
        commune: r.commune_name,
        author_id: r.author_id,
        expires_at: r.expires_at,
        hidden: r.hidden_at.is_some(),
    })
}

/// Whether the other side of conversation `c` blocked `me`.
fn blocked_me(c: &ConversationRow, me: &CurrentUser) -> bool {
    if c.author_id == me.id {
        c.responder_blocked_at.is_some()
    } else {
        c.author_blocked_at.is_some()
    }
}

/// Blocks the other side of conversation `id` (`on`), or lifts my block: a blocked person can no
/// longer write in it. Staff see blocks when they read a reported conversation.
pub async fn block(db: &Db, me: &CurrentUser, id: i64, on: bool, now: i64) -> Result<(), AppError> {
    let mut tx = db.begin_write().await.map_err(|e| db::internal("block: begin", e))?;
    let c = mine(&mut tx, me, id).await?;
    sql::set_block(&mut tx, c.id, c.author_id == me.id, on.then_some(now))
        .await
        .map_err(|e| db::internal("block", e))?;
    tx.commit().await.map_err(|e| db::internal("block: commit", e))
}

/// Whether the conversations of a post in `status` are over: nobody writes in them any more.
fn is_over(status: PostStatus) -> bool {
    matches!(status, PostStatus::Fulfilled | PostStatus::Closed | PostStatus::Rejected)
}

/// Whether new people may answer the post now.
fn open_to_responses(p: &Post, now: i64) -> bool {
    let status_ok =
        p.status == PostStatus::Published || (p.status == PostStatus::InProgress && accepts_several(p.kind));
    status_ok && !p.hidden && p.expires_at > now && p.author_id.is_some()
}

/// Whether `post_id` takes answers now (for the post page's button).
pub async fn accepts_responses(conn: &mut Conn, post_id: i64, now: i64) -> Result<bool, AppError> {
    Ok(open_to_responses(&post(conn, post_id).await?, now))
}

async fn within_limits(tx: &mut Tx, me: &CurrentUser, opening: bool, now: i64) -> Result<(), AppError> {
    let sent = sql::sent_since(tx, me.id, now - 3600).await.map_err(|e| db::internal("limits", e))?;
    if sent >= MESSAGES_PER_HOUR {
        return Err(AppError::TooManyRequests { retry_after: 3600 });
    }
    if opening {
        let opened = sql::opened_since(tx, me.id, now - 86_400).await.map_err(|e| db::internal("limits", e))?;
        if opened >= CONVERSATIONS_PER_DAY {
            return Err(AppError::TooManyRequests { retry_after: 86_400 });
        }
    }
    Ok(())
}

fn link(conversation_id: i64) -> String {
    format!("/messages/{conversation_id}")
}

/// "Je peux aider" / "Ça m'intéresse": opens my conversation with the author (or adds to it)
/// with a first message. Returns the conversation's id.
/// Requests in the categories of `vetted` are opened by vetted helpers only.
pub async fn respond(
    db: &Db,
    vetted: &VettedCategories,
    me: &CurrentUser,
    post_id: i64,
    body: MessageBody,
    now: i64,
) -> Result<i64, AppError> {
    super::account_links::require_verified(me)?;
    let mut tx = db.begin_write().await.map_err(|e| db::internal("respond: begin", e))?;
    let p = post(&mut tx, post_id).await?;
    let Some(author_id) = p.author_id else { return Err(AppError::NotFound) };
    if author_id == me.id {
        return Err(form_error(Msg::new("respond-own-post")));
    }
    if !(p.status.is_public() && !p.hidden && p.expires_at > now) {
        return Err(AppError::NotFound);
    }
    // A post for one building is answered by its members only; others learn nothing.
    if !super::buildings::may_read(&mut tx, post_id, me.id).await? {
        return Err(AppError::NotFound);
    }
    let existing = sql::by_post_and_responder(&mut tx, post_id, me.id).await.map_err(|e| db::internal("respond", e))?;
    if existing.is_none() && !open_to_responses(&p, now) {
        return Err(form_error(Msg::new("respond-closed")));
    }
    if existing.is_none() {
        super::vetting::may_answer(&mut tx, vetted, p.kind, p.category, me.id, now).await?;
    }
    if existing.as_ref().is_some_and(|c| blocked_me(c, me)) {
        return Err(form_error(Msg::new("conversation-blocked")));
    }
    within_limits(&mut tx, me, existing.is_none(), now).await?;
    let (c, kind) = match existing {
        Some(c) => (c, NotificationKind::Message),
        None => {
            let id =
                sql::insert(&mut tx, post_id, author_id, me.id, now).await.map_err(|e| db::internal("respond", e))?;
            let c = sql::by_id(&mut tx, id).await.map_err(|e| db::internal("respond", e))?.ok_or(AppError::NotFound)?;
            (c, NotificationKind::Response)
        }
    };
    sql::add_message(&mut tx, &c, me.id, body.as_str(), now).await.map_err(|e| db::internal("respond: message", e))?;
    let text = match kind {
        NotificationKind::Response => {
            Msg::new("notify-response").text("name", &me.display_name).label("answer", "respond", p.kind.slug())
        }
        _ => Msg::new("notify-message").text("name", &me.display_name),
    };
    tell(&mut tx, author_id, &p, &c, kind, text.text("title", &p.title), now).await?;
    tx.commit().await.map_err(|e| db::internal("respond: commit", e))?;
    Ok(c.id)
}

/// A notification about conversation `c`; new messages make one unread notification at a time.
async fn tell(
    tx: &mut Tx,
    to: i64,
    p: &Post,
    c: &ConversationRow,
    kind: NotificationKind,
    text: Msg,
    now: i64,
) -> Result<(), AppError> {
    if kind == NotificationKind::Message
        && notes_sql::has_unread_messages(tx, to, c.id).await.map_err(|e| db::internal("tell", e))?
    {
        return Ok(());
    }
    notify(tx, to, Some(p.id), Some(c.id), kind, &[text], &link(c.id), now).await
}

/// The conversation `id` if `me` takes part in it, or follows its post as a relative of the
/// author (`Some(true)` then); `NotFound` otherwise (others learn nothing).
async fn reach(tx: &mut Conn, me: &CurrentUser, id: i64) -> Result<(ConversationRow, bool), AppError> {
    let c = sql::by_id(tx, id).await.map_err(|e| db::internal("conversation", e))?.ok_or(AppError::NotFound)?;
    if c.author_id == me.id || c.responder_id == me.id {
        Ok((c, false))
    } else if super::carers::follows(tx, c.post_id, me.id).await? {
        Ok((c, true))
    } else {
        Err(AppError::NotFound)
    }
}

/// Whether a relative of the author may write in `c`: not when either side blocked the other.
fn blocked_for_carer(c: &ConversationRow) -> bool {
    c.author_blocked_at.is_some() || c.responder_blocked_at.is_some()
}

/// The conversation `id` if `me` takes part in it; `NotFound` otherwise (others learn nothing).
async fn mine(tx: &mut Conn, me: &CurrentUser, id: i64) -> Result<ConversationRow, AppError> {
    let c = sql::by_id(tx, id).await.map_err(|e| db::internal("conversation", e))?.ok_or(AppError::NotFound)?;
    if c.author_id == me.id || c.responder_id == me.id {
        Ok(c)
    } else {
        Err(AppError::NotFound)
    }
}

/// Sends a message in one of my conversations.
pub async fn send(db: &Db, me: &CurrentUser, id: i64, body: MessageBody, now: i64) -> Result<(), AppError> {
    super::account_links::require_verified(me)?;
    let mut tx = db.begin_write().await.map_err(|e| db::internal("send: begin", e))?;
    let (c, carer) = reach(&mut tx, me, id).await?;
    let p = post(&mut tx, c.post_id).await?;
    if is_over(p.status) {
        // The reply box is gone from the page; a form posted anyway is refused too.
        return Err(form_error(Msg::new("conversation-over")));
    }
    if if carer { blocked_for_carer(&c) } else { blocked_me(&c, me) } {
        return Err(form_error(Msg::new("conversation-blocked")));
    }
    within_limits(&mut tx, me, false, now).await?;
    sql::add_message(&mut tx, &c, me.id, body.as_str(), now).await.map_err(|e| db::internal("send", e))?;
    let text = Msg::new("notify-message").text("name", &me.display_name).text("title", &p.title);
    if carer {
        // Both sides read it; the author's other relatives too, not the one who wrote.
        tell(&mut tx, c.responder_id, &p, &c, NotificationKind::Message, text.clone(), now).await?;
        notify_except(
            &mut tx,
            c.author_id,
            Some(p.id),
            Some(c.id),
            NotificationKind::Message,
            &[text],
            &link(c.id),
            now,
            Some(me.id),
        )
        .await?;
    } else {
        let other = if me.id == c.author_id { c.responder_id } else { c.author_id };
        tell(&mut tx, other, &p, &c, NotificationKind::Message, text, now).await?;
    }
    tx.commit().await.map_err(|e| db::internal("send: commit", e))
}

/// My conversations with their unread counts.
pub async fn list(db: &Db, me: &CurrentUser, now: i64) -> Result<Conversations, AppError> {
    let mut conn = db.read.acquire().await.map_err(|e| db::internal("conversations: acquire", e))?;
    let rows = sql::list_for(&mut conn, me.id, now).await.map_err(|e| db::internal("conversations", e))?;
    let items = rows
        .into_iter()
        .map(|r| {
            let bad = || db::internal("conversations", format!("conversation {}: unknown kind or status", r.id));
            Ok(ConversationSummary {
                id: r.id,
                post_id: r.post_id,
                post_title: r.post_title,
                post_kind: r.post_kind.parse().map_err(|_| bad())?,
                post_status: r.post_status.parse().map_err(|_| bad())?,
                other_name: r.other_name,
                other_vetted: r.other_vetted,
                i_am_author: r.author_id == me.id,
                accepted: r.accepted_at.is_some(),
                last_message_at: r.last_message_at,
                unread: r.unread,
                carer_of: r.carer_of,
            })
        })
        .collect::<Result<_, AppError>>()?;
    Ok(Conversations { items, now })
}

fn message_views(rows: Vec<sql::MessageRow>, c: &ConversationRow, me: &CurrentUser) -> Vec<MessageView> {
    rows.into_iter()
        .map(|m| MessageView {
            id: m.id,
            mine: m.sender_id == me.id,
            by_carer: m.sender_id != c.author_id && m.sender_id != c.responder_id,
            sender: m.sender_name,
            body: m.body,
            at: m.created_at,
        })
        .collect()
}

/// The display name of account `id` (empty if it is gone).
async fn name_of(conn: &mut Conn, id: i64) -> Result<String, AppError> {
    Ok(db::users::by_id(conn, id)
        .await
        .map_err(|e| db::internal("conversation: names", e))?
        .map(|u| u.display_name)
        .unwrap_or_default())
}

/// Whether staff member `staff` may read conversation `id`: one of its messages was reported,
/// and its post lies in their territories.
async fn reported(conn: &mut Conn, staff: i64, id: i64) -> Result<bool, AppError> {
    sql::has_reported_message(conn, staff, id).await.map_err(|e| db::internal("conversation: reported", e))
}

/// One conversation as `me` sees it. Reading marks it read; showing the private details to the
/// helper is logged.
pub async fn view(db: &Db, me: &CurrentUser, id: i64, now: i64) -> Result<ConversationView, AppError> {
    let mut tx = db.begin_write().await.map_err(|e| db::internal("conversation: begin", e))?;
    let (c, i_am_carer) = match reach(&mut tx, me, id).await {
        Ok(found) => found,
        Err(AppError::NotFound) if me.role.is_staff() && reported(&mut tx, me.id, id).await? => (
            sql::by_id(&mut tx, id).await.map_err(|e| db::internal("conversation", e))?.ok_or(AppError::NotFound)?,
            false,
        ),
        Err(e) => return Err(e),
    };
    let staff_view = c.author_id != me.id && c.responder_id != me.id && !i_am_carer;
    let p = post(&mut tx, c.post_id).await?;
    let messages = sql::messages(&mut tx, c.id, 0).await.map_err(|e| db::internal("conversation: messages", e))?;
    let i_am_author = c.author_id == me.id;
    let accepted = c.accepted_at.is_some();
    let helper_sees = accepted && c.responder_id == me.id && p.status.is_public();
    let private = if i_am_author || helper_sees {
        let r = sql::private_of(&mut tx, p.id).await.map_err(|e| db::internal("conversation: private", e))?;
        r.map(|r| PrivateDetails {
            exact: LatLng { lat: r.lat, lon: r.lon },
            private_note: r.private_note,
            // Shared with this helper alone, in this acceptance.
            phone: c.shared_phone.clone(),
        })
    } else {
        None
    };
    if !staff_view {
        // A relative's reading is theirs alone: the author's and the responder's marks stay.
        if let Some(last) = messages.last().filter(|_| !i_am_carer) {
            sql::mark_read(&mut tx, &c, me.id, last.id).await.map_err(|e| db::internal("conversation: read", e))?;
        }
        notes_sql::mark_conversation_read(&mut tx, me.id, c.id, now)
            .await
            .map_err(|e| db::internal("conversation: read notes", e))?;
    }
    if helper_sees && private.is_some() {
        let mut fields = vec!["exact-location"];
        if private.as_ref().is_some_and(|p| p.private_note.is_some()) {
            fields.push("private-note");
        }
        if private.as_ref().is_some_and(|p| p.phone.is_some()) {
            fields.push("phone");
        }
        sql::log_reveal(&mut tx, p.id, me.id, &fields.join(","), now).await.map_err(|e| db::internal("reveal", e))?;
    }
    let other_id = if i_am_author || i_am_carer { c.responder_id } else { c.author_id };
    let other_name = name_of(&mut tx, other_id).await?;
    let author_name = name_of(&mut tx, c.author_id).await?;
    let other_vetted = (i_am_author || i_am_carer) && super::vetting::is_vetted(&mut tx, c.responder_id, now).await?;
    let thanked = has_thanked(&mut tx, p.id, me.id).await?;
    // Staff acting for a person who called see who the person is, and whether their phone may be
    // given; nobody else does.
    let caller = if i_am_author {
        intake_sql::caller_of(&mut tx, p.id).await.map_err(|e| db::internal("conversation: intake", e))?
    } else {
        None
    };
    let over = is_over(p.status);
    let actions = if staff_view {
        Actions::default()
    } else if i_am_carer {
        Actions { reply: !over && !blocked_for_carer(&c), ..Actions::default() }
    } else {
        let others_accepted = sql::accepted_of_post(&mut tx, p.id)
            .await
            .map_err(|e| db::internal("conversation: accepted", e))?
            .iter()
            .any(|o| o.id != c.id);
        let i_blocked = if i_am_author { c.author_blocked_at.is_some() } else { c.responder_blocked_at.is_some() };
        Actions {
            reply: !over && !blocked_me(&c, me),
            block: !i_blocked,
            unblock: i_blocked,
            accept: i_am_author
                && !accepted
                && (p.status == PostStatus::Published
                    || (accepts_several(p.kind) && p.status == PostStatus::InProgress))
                && (accepts_several(p.kind) || !others_accepted),
            withdraw: i_am_author && accepted && p.status.is_public(),
            mark_done: !i_am_author && accepted && c.helper_done_at.is_none() && p.status.is_public(),
            confirm: i_am_author && accepted && p.status.is_public(),
            thank: p.status == PostStatus::Fulfilled && (i_am_author || accepted) && !thanked,
        }
    };
    tx.commit().await.map_err(|e| db::internal("conversation: commit", e))?;
    Ok(ConversationView {
        id: c.id,
        post_id: p.id,
        post_title: p.title,
        post_kind: p.kind,
        post_status: p.status,
        commune: p.commune,
        i_am_author,
        staff_view,
        other_name,
        author_name,
        i_am_carer,
        other_vetted,
        accepted,
        helper_done: c.helper_done_at.is_some(),
        private,
        caller,
        messages: message_views(messages, &c, me),
        actions,
        author_blocked: c.author_blocked_at.is_some(),
        responder_blocked: c.responder_blocked_at.is_some(),
        now,
    })
}

/// The messages of my conversation after `after` (marks them read).
pub async fn since(db: &Db, me: &CurrentUser, id: i64, after: i64, now: i64) -> Result<Vec<MessageView>, AppError> {
    let mut conn = db.read.acquire().await.map_err(|e| db::internal("poll: acquire", e))?;
    let (c, _) = reach(&mut conn, me, id).await?;
    let rows = sql::messages(&mut conn, id, after).await.map_err(|e| db::internal("poll", e))?;
    drop(conn);
    if let Some(last) = rows.last() {
        let mut w = db.write.acquire().await.map_err(|e| db::internal("poll: acquire write", e))?;
        sql::mark_read(&mut w, &c, me.id, last.id).await.map_err(|e| db::internal("poll: read", e))?;
        notes_sql::mark_conversation_read(&mut w, me.id, id, now).await.map_err(|e| db::internal("poll: notes", e))?;
    }
    Ok(message_views(rows, &c, me))
}

/// The author's conversation `id`, or `NotFound` (also for the responder: only the author acts).
async fn as_author(tx: &mut Tx, me: &CurrentUser, id: i64) -> Result<(ConversationRow, Post), AppError> {
    let c = mine(tx, me, id).await?;
    if c.author_id != me.id {
        return Err(AppError::Forbidden);
    }
    let p = post(tx, c.post_id).await?;
    Ok((c, p))
}

/// The author accepts the responder of conversation `id` as helper. A request becomes "en
/// cours"; an offer may accept several people. A request in a category of `vetted` takes a
/// helper vetted now (a check may have been withdrawn or have expired since the answer).
pub async fn accept(
    db: &Db,
    vetted: &VettedCategories,
    me: &CurrentUser,
    id: i64,
    choice: Acceptance,
    now: i64,
) -> Result<(), AppError> {
    let mut tx = db.begin_write().await.map_err(|e| db::internal("accept: begin", e))?;
    let (c, p) = as_author(&mut tx, me, id).await?;
    if c.accepted_at.is_some() {
        return Err(form_error(Msg::new("accept-already")));
    }
    let several = accepts_several(p.kind);
    let status_ok = p.status == PostStatus::Published || (several && p.status == PostStatus::InProgress);
    if !status_ok || p.hidden {
        return Err(form_error(Msg::new("accept-not-now").label("status", "status", p.status.slug())));
    }
    let others = sql::accepted_of_post(&mut tx, p.id).await.map_err(|e| db::internal("accept", e))?;
    if !several && !others.is_empty() {
        return Err(form_error(Msg::new("accept-someone-already")));
    }
    if super::vetting::may_answer(&mut tx, vetted, p.kind, p.category, c.responder_id, now).await.is_err() {
        return Err(form_error(Msg::new("accept-not-vetted")));
    }
    // For a request filed by phone, the phone given is the person's, and only if they agreed.
    let phone = match intake_sql::caller_of(&mut tx, p.id).await.map_err(|e| db::internal("accept: intake", e))? {
        Some(caller) => match (&choice.phone, caller.share_phone) {
            (Some(_), true) => Some(caller.phone),
            (Some(_), false) => {
                return Err(AppError::Validation(FieldErrors::single("phone", Msg::new("intake-phone-not-agreed"))))
            }
            (None, _) => None,
        },
        None => choice.phone.clone(),
    };
    sql::set_accepted(&mut tx, c.id, Some(now), phone.as_deref()).await.map_err(|e| db::internal("accept", e))?;
    intakes::audit(&mut tx, p.id, me, IntakeAction::Accepted, Some(c.id), now).await?;
    if phone.is_some() {
        intakes::audit(&mut tx, p.id, me, IntakeAction::PhoneShared, Some(c.id), now).await?;
    }
    sql::set_off_map(&mut tx, p.id, choice.off_map).await.map_err(|e| db::internal("accept: off map", e))?;
    if p.status == PostStatus::Published {
        posts_sql::set_status(&mut tx, p.id, PostStatus::InProgress, now)
            .await
            .map_err(|e| db::internal("accept", e))?;
    } else {
        // The off-map choice may have changed: keep the index in step.
        posts_sql::sync_index(&mut tx, p.id).await.map_err(|e| db::internal("accept: index", e))?;
    }
    let text = Msg::new("notify-accepted").text("name", &me.display_name).text("title", &p.title);
    notify(&mut tx, c.responder_id, Some(p.id), Some(c.id), NotificationKind::Accepted, &[text], &link(c.id), now)
        .await?;
    tx.commit().await.map_err(|e| db::internal("accept: commit", e))
}

/// The author withdraws the acceptance: the helper no longer sees the private details, and a
/// request with nobody else accepted is open again.
pub async fn withdraw(db: &Db, me: &CurrentUser, id: i64, now: i64) -> Result<(), AppError> {
    let mut tx = db.begin_write().await.map_err(|e| db::internal("withdraw: begin", e))?;
    let (c, p) = as_author(&mut tx, me, id).await?;
    if c.accepted_at.is_none() || !p.status.is_public() {
        return Err(form_error(Msg::new("withdraw-nothing")));
    }
    sql::set_accepted(&mut tx, c.id, None, None).await.map_err(|e| db::internal("withdraw", e))?;
    intakes::audit(&mut tx, p.id, me, IntakeAction::Withdrawn, Some(c.id), now).await?;
    let still = sql::accepted_of_post(&mut tx, p.id).await.map_err(|e| db::internal("withdraw", e))?;
    if still.is_empty() && p.status == PostStatus::InProgress {
        posts_sql::set_status(&mut tx, p.id, PostStatus::Published, now)
            .await
            .map_err(|e| db::internal("withdraw", e))?;
    }
    let text = Msg::new("notify-withdrawn").text("name", &me.display_name).text("title", &p.title);
    notify(&mut tx, c.responder_id, Some(p.id), Some(c.id), NotificationKind::Withdrawn, &[text], &link(c.id), now)
        .await?;
    tx.commit().await.map_err(|e| db::internal("withdraw: commit", e))
}

/// The helper says the help was given (the author is asked to confirm); the author saying it
/// confirms at once.
pub async fn mark_done(db: &Db, me: &CurrentUser, id: i64, now: i64) -> Result<(), AppError> {
    let mut tx = db.begin_write().await.map_err(|e| db::internal("done: begin", e))?;
    let c = mine(&mut tx, me, id).await?;
    let p = post(&mut tx, c.post_id).await?;
    if c.accepted_at.is_none() || !p.status.is_public() {
        return Err(form_error(Msg::new("done-not-accepted")));
    }
    if c.author_id == me.id {
        return fulfil(tx, me, &p, now).await;
    }
    if c.helper_done_at.is_some() {
        return Err(form_error(Msg::new("done-already")));
    }
    sql::set_helper_done(&mut tx, c.id, now).await.map_err(|e| db::internal("done", e))?;
    intakes::audit(&mut tx, p.id, me, IntakeAction::HelperDone, Some(c.id), now).await?;
    let text = Msg::new("notify-done").text("name", &me.display_name).text("title", &p.title);
    notify(&mut tx, c.author_id, Some(p.id), Some(c.id), NotificationKind::Done, &[text], &link(c.id), now).await?;
    tx.commit().await.map_err(|e| db::internal("done: commit", e))
}

/// The author confirms: the post is fulfilled and leaves the map; every accepted helper is told.
pub async fn confirm(db: &Db, me: &CurrentUser, id: i64, now: i64) -> Result<(), AppError> {
    let mut tx = db.begin_write().await.map_err(|e| db::internal("confirm: begin", e))?;
    let (c, p) = as_author(&mut tx, me, id).await?;
    if c.accepted_at.is_none() || !p.status.is_public() {
        return Err(form_error(Msg::new("confirm-not-accepted")));
    }
    fulfil(tx, me, &p, now).await
}

async fn fulfil(mut tx: Tx, me: &CurrentUser, p: &Post, now: i64) -> Result<(), AppError> {
    posts_sql::set_status(&mut tx, p.id, PostStatus::Fulfilled, now).await.map_err(|e| db::internal("fulfil", e))?;
    intakes::audit(&mut tx, p.id, me, IntakeAction::Confirmed, None, now).await?;
    tell_helpers(&mut tx, me, p.id, &p.title, PostStatus::Fulfilled, now).await?;
    tx.commit().await.map_err(|e| db::internal("fulfil: commit", e))
}

/// Tells the accepted helpers of post `post_id` that it is over: `Fulfilled` (thanks) or
/// `Closed` (withdrawn by its author). Called in the transaction that closes the post.
pub async fn tell_helpers(
    tx: &mut Conn,
    author: &CurrentUser,
    post_id: i64,
    title: &str,
    outcome: PostStatus,
    now: i64,
) -> Result<(), AppError> {
    let helpers = sql::accepted_of_post(tx, post_id).await.map_err(|e| db::internal("tell helpers", e))?;
    for h in helpers {
        let (kind, id) = if outcome == PostStatus::Fulfilled {
            (NotificationKind::Fulfilled, "notify-fulfilled")
        } else {
            (NotificationKind::Withdrawn, "notify-post-closed")
        };
        let text = Msg::new(id).text("name", &author.display_name).text("title", title);
        notify(tx, h.responder_id, Some(post_id), Some(h.id), kind, &[text], &link(h.id), now).await?;
    }
    Ok(())
}

async fn has_thanked(conn: &mut Conn, post_id: i64, me: i64) -> Result<bool, AppError> {
    sql::has_thanked(conn, post_id, me).await.map_err(|e| db::internal("thanks", e))
}

/// A thank-you note on a fulfilled post, by its author or an accepted helper, once each.
/// The note shows the writer's name only if `signed`.
pub async fn thank(
    db: &Db,
    me: &CurrentUser,
    id: i64,
    note: ThanksNote,
    signed: bool,
    now: i64,
) -> Result<i64, AppError> {
    let mut tx = db.begin_write().await.map_err(|e| db::internal("thank: begin", e))?;
    let c = mine(&mut tx, me, id).await?;
    let p = post(&mut tx, c.post_id).await?;
    if p.status != PostStatus::Fulfilled || c.accepted_at.is_none() {
        return Err(form_error(Msg::new("thanks-not-yet")));
    }
    match sql::insert_thanks(&mut tx, p.id, me.id, note.as_str(), signed, now).await {
        Ok(()) => {}
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            return Err(form_error(Msg::new("thanks-already")));
        }
        Err(e) => return Err(db::internal("thank", e)),
    }
    intakes::audit(&mut tx, p.id, me, IntakeAction::Thanked, Some(c.id), now).await?;
    tx.commit().await.map_err(|e| db::internal("thank: commit", e))?;
    Ok(p.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::conversation::AcceptForm;
    use crate::domain::moderation::{Report, ReportReason};
    use crate::domain::user::Role;
    use crate::domain::{Category, PostFilter};
    use crate::server::communes::Communes;
    use crate::server::services::posts::tests::{creation, COLMAR, NOW};
    use crate::server::services::{accounts, moderation, posts};

    async fn account(db: &Db, email: &str, role: Role) -> CurrentUser {
        accounts::test_account(db, email, role, NOW - 7200).await
    }

    struct World {
        db: Db,
        author: CurrentUser,
        helper: CurrentUser,
        other: CurrentUser,
        staff: CurrentUser,
        post: i64,
    }

    async fn world(pool: crate::server::db::Pool, kind: PostKind) -> World {
        let db = Db::single(pool);
        let author = account(&db, "auteure@exemple.fr", Role::Resident).await;
        let helper = account(&db, "aidant@exemple.fr", Role::Resident).await;
        let other = account(&db, "voisine@exemple.fr", Role::Resident).await;
        let staff = account(&db, "moderatrice@exemple.fr", Role::Moderator).await;
        let mut c = creation("Courses du mardi", kind, Category::Groceries, COLMAR, PostStatus::Published);
        c.author_id = Some(author.id);
        c.private_note = Some("Bâtiment B, code 1234".into());
        c.created_at = NOW - 600;
        let post = posts::create(&db, &Communes::haut_rhin().unwrap(), c).await.unwrap();
        World { db, author, helper, other, staff, post }
    }

    fn msg(s: &str) -> MessageBody {
        MessageBody::parse(s).unwrap()
    }

    fn share(phone: &str, off_map: bool) -> Acceptance {
        AcceptForm {
            share_phone: if phone.is_empty() { "" } else { "on" }.into(),
            phone: phone.into(),
            off_map: if off_map { "on" } else { "" }.into(),
        }
        .parse()
        .unwrap()
    }

    async fn status(db: &Db, id: i64) -> String {
        db::query_scalar("SELECT status FROM posts WHERE id = $1").bind(id).fetch_one(&db.read).await.unwrap()
    }

    async fn count(db: &Db, sql: &str) -> i64 {
        db::query_scalar(sql).fetch_one(&db.read).await.unwrap()
    }

    async fn on_map(db: &Db) -> usize {
        posts::list_public_at(db, &PostFilter::default(), NOW).await.unwrap().posts.len()
    }

    #[tokio::test]
    async fn answering_opens_one_private_conversation_and_tells_the_author() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let w = world(pool, PostKind::Request).await;
        let c =
            respond(&w.db, &Default::default(), &w.helper, w.post, msg("Je peux passer mardi."), NOW).await.unwrap();
        let again = respond(&w.db, &Default::default(), &w.helper, w.post, msg("Ou mercredi ?"), NOW).await.unwrap();
        assert_eq!(c, again, "one conversation per post and responder");
        assert_eq!(count(&w.db, "SELECT count(*) FROM messages").await, 2);
        let n: Vec<(String, String)> = db::query_as("SELECT kind, body FROM notifications WHERE user_id = $1")
            .bind(w.author.id)
            .fetch_all(&w.db.read)
            .await
            .unwrap();
        assert_eq!(n.len(), 1, "the second message does not add a notification while one is unread: {n:?}");
        assert_eq!(n[0].0, "response");
        assert!(n[0].1.contains("Je peux aider"));
        let (to, subject, body): (String, String, String) =
            db::query_as("SELECT to_email, subject, body FROM outbox").fetch_one(&w.db.read).await.unwrap();
        assert_eq!((to.as_str(), subject.as_str()), ("auteure@exemple.fr", "Quelqu'un répond à votre annonce"));
        assert!(body.contains(&format!("/messages/{c}")), "{body}");

        let own = respond(&w.db, &Default::default(), &w.author, w.post, msg("Moi ?"), NOW).await.unwrap_err();
        assert!(own.to_string().contains("votre annonce"));
        let list = list(&w.db, &w.author, NOW).await.unwrap();
        assert_eq!((list.items.len(), list.items[0].unread, list.items[0].i_am_author), (1, 2, true));
    }

    #[tokio::test]
    async fn only_the_two_participants_read_a_conversation() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let w = world(pool, PostKind::Request).await;
        let c = respond(&w.db, &Default::default(), &w.helper, w.post, msg("Bonjour"), NOW).await.unwrap();
        let mut reads = 0;
        for intruder in [&w.other, &w.staff] {
            reads += usize::from(view(&w.db, intruder, c, NOW).await.is_ok());
            reads += usize::from(since(&w.db, intruder, c, 0, NOW).await.is_ok());
            reads += usize::from(send(&w.db, intruder, c, msg("Intrus"), NOW).await.is_ok());
            assert_eq!(view(&w.db, intruder, c, NOW).await.unwrap_err(), AppError::NotFound);
        }
        assert_eq!(reads, 0, "0 reads or writes by a third person");
        assert_eq!(count(&w.db, "SELECT count(*) FROM messages").await, 1);
        // Once the author reports a message, staff may read (not write).
        let m: i64 = db::query_scalar("SELECT id FROM messages").fetch_one(&w.db.read).await.unwrap();
        let report = Report { reason: ReportReason::Inappropriate, details: String::new() };
        moderation::report_message(&w.db, &w.author, c, m, report, NOW).await.unwrap();
        let staff_view = view(&w.db, &w.staff, c, NOW).await.unwrap();
        assert!(staff_view.staff_view && staff_view.private.is_none() && !staff_view.actions.reply);
        assert!(send(&w.db, &w.staff, c, msg("x"), NOW).await.is_err());
        assert!(view(&w.db, &w.other, c, NOW).await.is_err());
    }

    #[tokio::test]
    async fn the_accepted_helper_alone_sees_the_private_details_and_each_reveal_is_logged() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let w = world(pool, PostKind::Request).await;
        let c = respond(&w.db, &Default::default(), &w.helper, w.post, msg("Je peux aider"), NOW).await.unwrap();
        let c2 = respond(&w.db, &Default::default(), &w.other, w.post, msg("Moi aussi"), NOW).await.unwrap();
        assert!(view(&w.db, &w.helper, c, NOW).await.unwrap().private.is_none(), "not before acceptance");
        // Only the author accepts.
        assert_eq!(
            accept(&w.db, &Default::default(), &w.helper, c, share("", false), NOW).await,
            Err(AppError::Forbidden)
        );
        accept(&w.db, &Default::default(), &w.author, c, share("06 12 34 56 78", false), NOW).await.unwrap();
        assert_eq!(status(&w.db, w.post).await, "in-progress");
        assert_eq!(on_map(&w.db).await, 1, "shown as in progress");
        let v = view(&w.db, &w.helper, c, NOW).await.unwrap();
        let p = v.private.unwrap();
        assert_eq!(
            (p.exact, p.private_note.as_deref(), p.phone.as_deref()),
            (COLMAR, Some("Bâtiment B, code 1234"), Some("06 12 34 56 78"))
        );
        assert_eq!(count(&w.db, "SELECT count(*) FROM reveals").await, 1);
        view(&w.db, &w.helper, c, NOW).await.unwrap();
        assert_eq!(count(&w.db, "SELECT count(*) FROM reveals").await, 2, "every reveal");
        let fields: String =
            db::query_scalar("SELECT fields FROM reveals LIMIT 1").fetch_one(&w.db.read).await.unwrap();
        assert_eq!(fields, "exact-location,private-note,phone");
        // The other responder sees nothing private, and a request takes one helper at a time.
        assert!(view(&w.db, &w.other, c2, NOW).await.unwrap().private.is_none());
        assert!(accept(&w.db, &Default::default(), &w.author, c2, share("", false), NOW).await.is_err());
        // Public reads never carry it.
        let public = serde_json::to_string(&posts::get_public(&w.db, w.post).await.unwrap()).unwrap();
        assert!(!public.contains("1234") && !public.contains("06 12") && !public.contains("48.0794"), "{public}");

        // Withdrawn: open again, nothing private any more.
        withdraw(&w.db, &w.author, c, NOW).await.unwrap();
        assert_eq!(status(&w.db, w.post).await, "published");
        assert!(view(&w.db, &w.helper, c, NOW).await.unwrap().private.is_none());
        let n: String = db::query_scalar("SELECT kind FROM notifications WHERE user_id = $1 ORDER BY id DESC LIMIT 1")
            .bind(w.helper.id)
            .fetch_one(&w.db.read)
            .await
            .unwrap();
        assert_eq!(n, "withdrawn");
    }

    #[tokio::test]
    async fn done_confirmed_fulfilled_thanked() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let w = world(pool, PostKind::Request).await;
        let c = respond(&w.db, &Default::default(), &w.helper, w.post, msg("Je peux aider"), NOW).await.unwrap();
        assert!(mark_done(&w.db, &w.helper, c, NOW).await.is_err(), "not accepted yet");
        accept(&w.db, &Default::default(), &w.author, c, share("", true), NOW).await.unwrap();
        assert_eq!(on_map(&w.db).await, 0, "the author took it off the map while in progress");
        mark_done(&w.db, &w.helper, c, NOW).await.unwrap();
        assert_eq!(status(&w.db, w.post).await, "in-progress", "the author confirms");
        assert!(view(&w.db, &w.author, c, NOW).await.unwrap().actions.confirm);
        assert!(thank(&w.db, &w.helper, c, ThanksNote::parse("Merci !").unwrap(), true, NOW).await.is_err(), "not yet");
        confirm(&w.db, &w.author, c, NOW).await.unwrap();
        assert_eq!(status(&w.db, w.post).await, "fulfilled");
        assert_eq!(on_map(&w.db).await, 0);
        thank(&w.db, &w.helper, c, ThanksNote::parse("Ravi d'avoir aidé.").unwrap(), true, NOW).await.unwrap();
        thank(&w.db, &w.author, c, ThanksNote::parse("Merci Jules !").unwrap(), false, NOW).await.unwrap();
        assert!(
            thank(&w.db, &w.author, c, ThanksNote::parse("Encore").unwrap(), true, NOW).await.is_err(),
            "once each"
        );
        let page = posts::get_public(&w.db, w.post).await.unwrap();
        assert_eq!(page.thanks.len(), 2, "a fulfilled post keeps its page, with the notes");
        // Only the note its writer signed carries a name.
        let writers: Vec<Option<&str>> = page.thanks.iter().map(|t| t.writer.as_deref()).collect();
        assert_eq!(writers, [Some("aidant"), None]);
        let kinds: Vec<String> = db::query_scalar("SELECT kind FROM notifications WHERE user_id = $1 ORDER BY id")
            .bind(w.helper.id)
            .fetch_all(&w.db.read)
            .await
            .unwrap();
        assert_eq!(kinds, ["accepted", "fulfilled"]);
        // A post that is over takes no new answers.
        assert!(respond(&w.db, &Default::default(), &w.other, w.post, msg("Trop tard ?"), NOW).await.is_err());
        // Erasing an account takes its notes with it.
        crate::server::services::privacy::delete_account(&w.db, &w.helper, "un jardin sous la pluie", NOW + 1)
            .await
            .unwrap();
        let page = posts::get_public(&w.db, w.post).await.unwrap();
        assert_eq!(page.thanks.iter().map(|t| t.body.as_str()).collect::<Vec<_>>(), ["Merci Jules !"]);
    }

    #[tokio::test]
    async fn closing_the_post_from_mes_annonces_tells_the_helper() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let w = world(pool, PostKind::Request).await;
        let c = respond(&w.db, &Default::default(), &w.helper, w.post, msg("Je peux aider"), NOW).await.unwrap();
        accept(&w.db, &Default::default(), &w.author, c, share("", false), NOW).await.unwrap();
        posts::close(&w.db, &w.author, w.post, PostStatus::Closed, NOW).await.unwrap();
        let last: String =
            db::query_scalar("SELECT body FROM notifications WHERE user_id = $1 ORDER BY id DESC LIMIT 1")
                .bind(w.helper.id)
                .fetch_one(&w.db.read)
                .await
                .unwrap();
        assert!(last.contains("a retiré l'annonce"), "{last}");
        assert!(view(&w.db, &w.helper, c, NOW).await.unwrap().private.is_none(), "no more private details");
    }

    #[tokio::test]
    async fn a_conversation_that_is_over_takes_no_more_messages() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let w = world(pool, PostKind::Request).await;
        let c = respond(&w.db, &Default::default(), &w.helper, w.post, msg("Je peux aider"), NOW).await.unwrap();
        send(&w.db, &w.author, c, msg("Merci, à mardi"), NOW).await.unwrap();
        // Two messages of the same post can each be reported (a report of a message has its own key).
        send(&w.db, &w.helper, c, msg("Second message"), NOW).await.unwrap();
        let ids: Vec<i64> = db::query_scalar("SELECT id FROM messages WHERE sender_id = $1 ORDER BY id")
            .bind(w.helper.id)
            .fetch_all(&w.db.read)
            .await
            .unwrap();
        for m in &ids {
            let report = Report { reason: ReportReason::Inappropriate, details: String::new() };
            moderation::report_message(&w.db, &w.author, c, *m, report, NOW).await.unwrap();
        }
        let again = Report { reason: ReportReason::Inappropriate, details: String::new() };
        assert!(moderation::report_message(&w.db, &w.author, c, ids[0], again, NOW).await.is_err(), "once per message");

        posts::close(&w.db, &w.author, w.post, PostStatus::Closed, NOW).await.unwrap();
        let before = count(&w.db, "SELECT count(*) FROM messages").await;
        let mut accepted = 0;
        for (who, i) in [(&w.helper, 0), (&w.author, 1), (&w.helper, 2)] {
            match send(&w.db, who, c, msg(&format!("Encore un mot {i}")), NOW + 10).await {
                Ok(()) => accepted += 1,
                Err(e) => assert!(e.to_string().contains("terminée"), "{e}"),
            }
        }
        println!("FIGURE messages.accepted_after_close {accepted}");
        assert_eq!((accepted, count(&w.db, "SELECT count(*) FROM messages").await), (0, before));
        assert!(!view(&w.db, &w.helper, c, NOW + 10).await.unwrap().actions.reply);
    }

    #[tokio::test]
    async fn either_side_can_block_the_other_and_staff_see_it() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let w = world(pool, PostKind::Request).await;
        let c = respond(&w.db, &Default::default(), &w.helper, w.post, msg("Bonjour"), NOW).await.unwrap();
        block(&w.db, &w.author, c, true, NOW).await.unwrap();
        let refused = send(&w.db, &w.helper, c, msg("Pourquoi ?"), NOW).await.unwrap_err();
        assert!(refused.to_string().contains("ne pouvez plus écrire"), "{refused}");
        assert!(
            respond(&w.db, &Default::default(), &w.helper, w.post, msg("Encore moi"), NOW).await.is_err(),
            "nor through the post"
        );
        assert!(!view(&w.db, &w.helper, c, NOW).await.unwrap().actions.reply);
        send(&w.db, &w.author, c, msg("Au revoir"), NOW).await.unwrap();
        let mine = view(&w.db, &w.author, c, NOW).await.unwrap();
        assert!(mine.author_blocked && mine.actions.unblock && !mine.actions.block);
        assert!(block(&w.db, &w.other, c, true, NOW).await.is_err(), "a third person cannot block");
        // Staff reading the reported conversation see who blocked whom.
        let m: i64 = db::query_scalar("SELECT min(id) FROM messages").fetch_one(&w.db.read).await.unwrap();
        let report = Report { reason: ReportReason::Inappropriate, details: String::new() };
        moderation::report_message(&w.db, &w.author, c, m, report, NOW).await.unwrap();
        let staff = view(&w.db, &w.staff, c, NOW).await.unwrap();
        assert!(staff.staff_view && staff.author_blocked && !staff.responder_blocked);
        // Lifted, the helper writes again.
        block(&w.db, &w.author, c, false, NOW).await.unwrap();
        send(&w.db, &w.helper, c, msg("Merci"), NOW).await.unwrap();
    }

    #[tokio::test]
    async fn offers_accept_several_people() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let w = world(pool, PostKind::Offer).await;
        let c1 = respond(&w.db, &Default::default(), &w.helper, w.post, msg("Ça m'intéresse"), NOW).await.unwrap();
        let c2 = respond(&w.db, &Default::default(), &w.other, w.post, msg("Moi aussi"), NOW).await.unwrap();
        // The phone is shared with the first helper only: the second never sees it.
        accept(&w.db, &Default::default(), &w.author, c1, share("06 12 34 56 78", false), NOW).await.unwrap();
        accept(&w.db, &Default::default(), &w.author, c2, share("", false), NOW).await.unwrap();
        let second = view(&w.db, &w.other, c2, NOW).await.unwrap().private.unwrap();
        assert_eq!(second.phone, None, "a phone shared with one helper reached another");
        let first = view(&w.db, &w.helper, c1, NOW).await.unwrap().private.unwrap();
        assert_eq!(first.phone.as_deref(), Some("06 12 34 56 78"));
        let fields: Vec<String> = db::query_scalar("SELECT fields FROM reveals WHERE viewer_id = $1")
            .bind(w.other.id)
            .fetch_all(&w.db.read)
            .await
            .unwrap();
        assert!(fields.iter().all(|f| !f.contains("phone")), "{fields:?}");
        assert!(accepts_responses(&mut w.db.read.acquire().await.unwrap(), w.post, NOW).await.unwrap());
    }

    #[tokio::test]
    async fn messages_are_rate_limited_per_account() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let w = world(pool, PostKind::Request).await;
        let c = respond(&w.db, &Default::default(), &w.helper, w.post, msg("1"), NOW).await.unwrap();
        let mut accepted = 1;
        for i in 0..40 {
            if send(&w.db, &w.helper, c, msg(&format!("message {i}")), NOW).await.is_ok() {
                accepted += 1;
            }
        }
        assert_eq!(accepted, MESSAGES_PER_HOUR, "accepted per hour vs configured");
        assert!(matches!(send(&w.db, &w.helper, c, msg("encore"), NOW).await, Err(AppError::TooManyRequests { .. })));
        // An hour later it works again.
        send(&w.db, &w.helper, c, msg("plus tard"), NOW + 3601).await.unwrap();
    }
}

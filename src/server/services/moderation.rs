//! Moderation: staff approve, reject or redact pending posts, review reports, unpublish posts
//! and disable authors. Every action writes its audit row, and tells the author, in the same
//! transaction as the change. Residents report public posts; at the threshold a post is hidden.

use crate::domain::moderation::{
    notification_text, parse_redaction, Decision, DecisionReason, ModerationAction, NotificationKind, Report,
};
use crate::domain::user::{CurrentUser, Role};
use crate::domain::{LatLng, PostStatus};
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::server::db::moderation::{self as sql, NewEvent, StaffPostRow};
use crate::server::db::Conn;
use crate::server::db::{self, posts as posts_sql, users as users_sql, Db};
use crate::wire::moderation::{AuthorInfo, EventView, QueuePage, QueueStats, ReportView, StaffPost, QUEUE_PAGE};

/// How many open reports hide a published post until staff review it (default).
pub const DEFAULT_REPORT_THRESHOLD: i64 = 3;

/// `Forbidden` unless `user` is staff.
pub fn require_staff(user: &CurrentUser) -> Result<(), AppError> {
    if user.role.is_staff() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

type Tx = db::Tx<'static>;

fn form_error(message: Msg) -> AppError {
    AppError::Validation(FieldErrors::single("form", message))
}

/// The queue's figures at `now`, in the territories of `staff` (`None`: all of them).
pub async fn stats(db: &Db, staff: Option<&CurrentUser>, now: i64) -> Result<QueueStats, AppError> {
    let mut conn = db.read.acquire().await.map_err(|e| db::internal("stats: acquire", e))?;
    let s = sql::stats(&mut conn, staff.map(|s| s.id)).await.map_err(|e| db::internal("stats", e))?;
    let territories = match staff {
        Some(me) => {
            db::territories::scope_names(&mut conn, me.id).await.map_err(|e| db::internal("stats: scope", e))?
        }
        None => Vec::new(),
    };
    Ok(QueueStats {
        pending: s.pending,
        oldest_pending_at: s.oldest_pending_at,
        open_reports: s.open_reports,
        reported_posts: s.reported_posts,
        hidden: s.hidden,
        now,
        territories,
    })
}

/// Pending posts, oldest first (staff only).
pub async fn queue(db: &Db, staff: &CurrentUser, now: i64) -> Result<QueuePage, AppError> {
    staff_page(db, staff, now, Queue::Pending).await
}

/// Posts with open reports, the most reported first (staff only).
pub async fn reported(db: &Db, staff: &CurrentUser, now: i64) -> Result<QueuePage, AppError> {
    staff_page(db, staff, now, Queue::Reported).await
}

enum Queue {
    Pending,
    Reported,
}

async fn staff_page(db: &Db, staff: &CurrentUser, now: i64, which: Queue) -> Result<QueuePage, AppError> {
    require_staff(staff)?;
    let stats = stats(db, Some(staff), now).await?;
    let mut conn = db.read.acquire().await.map_err(|e| db::internal("queue: acquire", e))?;
    let rows = match which {
        Queue::Pending => sql::pending(&mut conn, staff.id, QUEUE_PAGE).await,
        Queue::Reported => sql::reported(&mut conn, staff.id, QUEUE_PAGE).await,
    }
    .map_err(|e| db::internal("queue", e))?;
    let mut posts = Vec::with_capacity(rows.len());
    for r in rows {
        posts.push(staff_post(&mut conn, r).await?);
    }
    drop(conn);
    log_staff_reads(db, staff, &posts, now).await?;
    Ok(QueuePage { stats, posts })
}

/// Records that `staff` was shown the exact place (and the private note) of `posts`, in the same
/// log as the helpers' reveals: who saw what, when.
async fn log_staff_reads(db: &Db, staff: &CurrentUser, posts: &[StaffPost], now: i64) -> Result<(), AppError> {
    if posts.is_empty() {
        return Ok(());
    }
    let mut tx = begin(db).await?;
    for p in posts {
        let fields = if p.private_note.is_some() { "exact-location,private-note" } else { "exact-location" };
        db::conversations::log_reveal(&mut tx, p.id, staff.id, fields, now)
            .await
            .map_err(|e| db::internal("staff read", e))?;
    }
    commit(tx).await
}

/// One post whatever its status, with its history (staff only).
pub async fn post(db: &Db, staff: &CurrentUser, id: i64) -> Result<StaffPost, AppError> {
    require_staff(staff)?;
    let mut conn = db.read.acquire().await.map_err(|e| db::internal("history: acquire", e))?;
    let row = sql::staff_post_in_scope(&mut conn, staff.id, id)
        .await
        .map_err(|e| db::internal("history", e))?
        .ok_or(AppError::NotFound)?;
    let post = staff_post(&mut conn, row).await?;
    drop(conn);
    log_staff_reads(db, staff, std::slice::from_ref(&post), super::now()).await?;
    Ok(post)
}

async fn staff_post(conn: &mut Conn, r: StaffPostRow) -> Result<StaffPost, AppError> {
    let bad = |what: &str| db::internal("staff post", format!("post {}: unknown {what}", r.id));
    let history = sql::events_of(conn, r.id).await.map_err(|e| db::internal("history", e))?;
    let reports = sql::reports_of(conn, r.id).await.map_err(|e| db::internal("reports of", e))?;
    let author = match (r.author_id, &r.author_name, &r.author_email) {
        (Some(id), Some(name), Some(email)) => Some(AuthorInfo {
            id,
            display_name: name.clone(),
            email: email.clone(),
            organisation: r.author_organisation.clone(),
            disabled: r.author_disabled_at.is_some(),
            staff: r.author_role.as_deref().and_then(|s| s.parse::<Role>().ok()).is_some_and(Role::is_staff),
        }),
        _ => None,
    };
    Ok(StaffPost {
        id: r.id,
        kind: r.kind.parse().map_err(|_| bad("kind"))?,
        category: r.category.parse().map_err(|_| bad("category"))?,
        poster_kind: r.poster_kind.parse().map_err(|_| bad("poster kind"))?,
        status: r.status.parse().map_err(|_| bad("status"))?,
        title: r.title,
        description: r.description,
        commune: r.commune_name,
        exact: LatLng { lat: r.lat, lon: r.lon },
        private_note: r.private_note,
        created_at: r.created_at,
        updated_at: r.updated_at,
        expires_at: r.expires_at,
        hidden: r.hidden_at.is_some(),
        urgent: r.urgent_signs.as_deref().map(crate::domain::triage::from_stored).unwrap_or_default(),
        building: super::buildings::of_post(conn, r.id).await?,
        author,
        history: history.into_iter().map(event_view).collect::<Result<_, _>>()?,
        reports: reports
            .into_iter()
            .map(|x| {
                Ok(ReportView {
                    reason: x.reason.parse().map_err(|_| db::internal("reports of", "unknown reason"))?,
                    details: x.details,
                    reporter: x.reporter_name,
                    at: x.created_at,
                    open: x.resolved_at.is_none(),
                    message: x.message_body,
                    conversation_id: x.conversation_id,
                })
            })
            .collect::<Result<_, AppError>>()?,
    })
}

/// An audit row as the history shows it.
pub fn event_view(e: sql::EventRow) -> Result<EventView, AppError> {
    let bad = || db::internal("history", format!("post {}: unknown action or reason", e.post_id));
    Ok(EventView {
        action: e.action.parse().map_err(|_| bad())?,
        actor: e.actor_name,
        reason: match e.reason.as_deref() {
            Some(r) => Some(r.parse().map_err(|_| bad())?),
            None => None,
        },
        message: e.message,
        before: e.before_title.zip(e.before_description),
        after: e.after_title.zip(e.after_description),
        at: e.created_at,
    })
}

/// A post under decision: its status, author and text, read inside the write transaction.
struct Current {
    status: PostStatus,
    author_id: Option<i64>,
    title: String,
    description: String,
    hidden: bool,
}

async fn current(tx: &mut Tx, id: i64) -> Result<Current, AppError> {
    let r = sql::staff_post(tx, id).await.map_err(|e| db::internal("moderate: read", e))?.ok_or(AppError::NotFound)?;
    current_of(r)
}

/// The post a staff member acts on: `NotFound` outside their territories, as if it did not exist.
async fn current_for(tx: &mut Tx, staff: &CurrentUser, id: i64) -> Result<Current, AppError> {
    let r = sql::staff_post_in_scope(tx, staff.id, id)
        .await
        .map_err(|e| db::internal("moderate: read", e))?
        .ok_or(AppError::NotFound)?;
    current_of(r)
}

fn current_of(r: StaffPostRow) -> Result<Current, AppError> {
    Ok(Current {
        status: r.status.parse().map_err(|_| db::internal("moderate", "unknown status"))?,
        author_id: r.author_id,
        title: r.title,
        description: r.description,
        hidden: r.hidden_at.is_some(),
    })
}

/// A decision on a pending post can be taken once: the second moderator is told.
fn must_be_pending(c: &Current) -> Result<(), AppError> {
    if c.status == PostStatus::Pending {
        Ok(())
    } else {
        Err(form_error(Msg::new("moderation-already-decided").label("status", "status", c.status.slug())))
    }
}

async fn notify(
    tx: &mut Tx,
    c: &Current,
    post_id: i64,
    kind: NotificationKind,
    title: &str,
    decision: Option<&Decision>,
    now: i64,
) -> Result<(), AppError> {
    let Some(author) = c.author_id else { return Ok(()) };
    let body = notification_text(kind, title, decision.map(|d| d.reason), decision.and_then(|d| d.message.as_deref()));
    super::notifications::notify(tx, author, Some(post_id), None, kind, &body, "/mes-annonces", now).await
}

async fn audit(tx: &mut Tx, e: NewEvent<'_>) -> Result<(), AppError> {
    sql::insert_event(tx, &e).await.map(|_| ()).map_err(|err| db::internal("audit", err))
}

async fn set_status(tx: &mut Tx, id: i64, status: PostStatus, now: i64) -> Result<(), AppError> {
    posts_sql::set_status(tx, id, status, now).await.map(|_| ()).map_err(|e| db::internal("moderate: status", e))
}

async fn begin(db: &Db) -> Result<Tx, AppError> {
    db.begin_write().await.map_err(|e| db::internal("moderate: begin", e))
}

async fn commit(tx: Tx) -> Result<(), AppError> {
    tx.commit().await.map_err(|e| db::internal("moderate: commit", e))?;
    // A post this decision made public is announced to its alerts at once.
    super::alerts::wake();
    Ok(())
}

/// Publishes a pending post as it is.
pub async fn approve(db: &Db, staff: &CurrentUser, id: i64, now: i64) -> Result<(), AppError> {
    require_staff(staff)?;
    let mut tx = begin(db).await?;
    let c = current_for(&mut tx, staff, id).await?;
    must_be_pending(&c)?;
    set_status(&mut tx, id, PostStatus::Published, now).await?;
    audit(
        &mut tx,
        NewEvent {
            post_id: id,
            actor_id: Some(staff.id),
            action: Some(ModerationAction::Approve),
            at: now,
            ..Default::default()
        },
    )
    .await?;
    notify(&mut tx, &c, id, NotificationKind::Published, &c.title, None, now).await?;
    commit(tx).await
}

/// Refuses a pending post, with a reason from the list and an optional message to the author.
pub async fn reject(db: &Db, staff: &CurrentUser, id: i64, decision: Decision, now: i64) -> Result<(), AppError> {
    require_staff(staff)?;
    let mut tx = begin(db).await?;
    let c = current_for(&mut tx, staff, id).await?;
    must_be_pending(&c)?;
    set_status(&mut tx, id, PostStatus::Rejected, now).await?;
    audit(
        &mut tx,
        NewEvent {
            post_id: id,
            actor_id: Some(staff.id),
            action: Some(ModerationAction::Reject),
            reason: Some(decision.reason),
            message: decision.message.as_deref(),
            at: now,
            ..Default::default()
        },
    )
    .await?;
    notify(&mut tx, &c, id, NotificationKind::Rejected, &c.title, Some(&decision), now).await?;
    commit(tx).await
}

/// Replaces the title and description of a pending post (to remove a phone number, an address,
/// a surname), then publishes it. The audit row keeps both versions; the author is told.
pub async fn redact(
    db: &Db,
    staff: &CurrentUser,
    id: i64,
    title: &str,
    description: &str,
    message: &str,
    now: i64,
) -> Result<(), AppError> {
    require_staff(staff)?;
    let mut tx = begin(db).await?;
    let c = current_for(&mut tx, staff, id).await?;
    must_be_pending(&c)?;
    let r = parse_redaction(title, description, message, (&c.title, &c.description))?;
    posts_sql::set_text(&mut tx, id, r.title.as_str(), r.description.as_str(), now)
        .await
        .map_err(|e| db::internal("redact", e))?;
    set_status(&mut tx, id, PostStatus::Published, now).await?;
    audit(
        &mut tx,
        NewEvent {
            post_id: id,
            actor_id: Some(staff.id),
            action: Some(ModerationAction::Redact),
            message: r.message.as_deref(),
            before: Some((&c.title, &c.description)),
            after: Some((r.title.as_str(), r.description.as_str())),
            at: now,
            ..Default::default()
        },
    )
    .await?;
    // Told with the new title.
    let c = Current { title: r.title.as_str().to_owned(), ..c };
    let note = r.message.map(|message| Decision { reason: DecisionReason::Other, message: Some(message) });
    notify(&mut tx, &c, id, NotificationKind::Redacted, &c.title, note.as_ref(), now).await?;
    commit(tx).await
}

/// What `report` did.
#[derive(Debug, PartialEq, Eq)]
pub enum Reported {
    Recorded,
    /// The report reached the threshold: the post is hidden until staff review it.
    Hidden,
}

/// Records `reporter`'s report on a public post. At `threshold` open reports the post is
/// hidden from the public, with an audit row by the system.
pub async fn report(
    db: &Db,
    reporter: &CurrentUser,
    id: i64,
    report: Report,
    threshold: i64,
    now: i64,
) -> Result<Reported, AppError> {
    super::account_links::require_verified(reporter)?;
    let mut tx = begin(db).await?;
    let c = current(&mut tx, id).await?;
    // A post for one building is reported by its members only; others learn nothing.
    if !super::buildings::may_read(&mut tx, id, reporter.id).await? {
        return Err(AppError::NotFound);
    }
    if !c.status.is_public() || c.hidden {
        // Only what the public can see can be reported; a hidden post is already under review.
        return Err(if c.hidden { form_error(Msg::new("report-already-hidden")) } else { AppError::NotFound });
    }
    if c.author_id == Some(reporter.id) {
        return Err(form_error(Msg::new("report-own-post")));
    }
    within_report_allowance(&mut tx, reporter, now).await?;
    match sql::insert_report(&mut tx, id, reporter.id, report.reason, &report.details, now).await {
        Ok(()) => {}
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            return Err(form_error(Msg::new("report-already")));
        }
        Err(e) => return Err(db::internal("report", e)),
    }
    // Every report reaches staff; only established accounts' reports hide a post on their own.
    let established = sql::established_report_count(&mut tx, id, now - ESTABLISHED_AFTER)
        .await
        .map_err(|e| db::internal("report: count", e))?;
    let outcome = if established >= threshold {
        posts_sql::set_hidden(&mut tx, id, Some(now)).await.map_err(|e| db::internal("report: hide", e))?;
        audit(
            &mut tx,
            NewEvent { post_id: id, action: Some(ModerationAction::AutoHide), at: now, ..Default::default() },
        )
        .await?;
        Reported::Hidden
    } else {
        Reported::Recorded
    };
    commit(tx).await?;
    Ok(outcome)
}

/// Reports one account may make in a day (posts and messages together).
pub const REPORTS_PER_DAY: i64 = 10;
/// How old an account must be for its reports to count towards hiding a post (3 days).
pub const ESTABLISHED_AFTER: i64 = 3 * 86_400;

async fn within_report_allowance(tx: &mut Tx, reporter: &CurrentUser, now: i64) -> Result<(), AppError> {
    let n =
        sql::reports_since(tx, reporter.id, now - 86_400).await.map_err(|e| db::internal("report: allowance", e))?;
    if n >= REPORTS_PER_DAY {
        return Err(form_error(Msg::new("report-allowance").num("max", REPORTS_PER_DAY)));
    }
    Ok(())
}

/// Records `reporter`'s report on a message they received in conversation `conversation_id`.
/// Staff may then read that conversation.
pub async fn report_message(
    db: &Db,
    reporter: &CurrentUser,
    conversation_id: i64,
    message_id: i64,
    report: Report,
    now: i64,
) -> Result<(), AppError> {
    super::account_links::require_verified(reporter)?;
    let mut tx = begin(db).await?;
    let c = db::conversations::by_id(&mut tx, conversation_id)
        .await
        .map_err(|e| db::internal("report message", e))?
        .filter(|c| c.author_id == reporter.id || c.responder_id == reporter.id)
        .ok_or(AppError::NotFound)?;
    let origin = sql::message_origin(&mut tx, message_id).await.map_err(|e| db::internal("report message", e))?;
    match origin {
        Some((conv, sender)) if conv == c.id && sender != reporter.id => {}
        Some((conv, _)) if conv == c.id => return Err(form_error(Msg::new("report-own-message"))),
        _ => return Err(AppError::NotFound),
    }
    within_report_allowance(&mut tx, reporter, now).await?;
    match sql::insert_message_report(&mut tx, c.post_id, message_id, reporter.id, report.reason, &report.details, now)
        .await
    {
        Ok(()) => {}
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            return Err(form_error(Msg::new("report-message-already")));
        }
        Err(e) => return Err(db::internal("report message", e)),
    }
    commit(tx).await
}

fn must_have_reports(n: u64) -> Result<(), AppError> {
    if n == 0 {
        Err(form_error(Msg::new("reports-already-handled")))
    } else {
        Ok(())
    }
}

/// Closes the open reports of a post without action; a hidden post is shown again.
pub async fn dismiss_reports(db: &Db, staff: &CurrentUser, id: i64, now: i64) -> Result<(), AppError> {
    require_staff(staff)?;
    let mut tx = begin(db).await?;
    let c = current_for(&mut tx, staff, id).await?;
    let n =
        sql::resolve_reports(&mut tx, id, staff.id, "dismissed", now).await.map_err(|e| db::internal("dismiss", e))?;
    must_have_reports(n)?;
    if c.hidden {
        posts_sql::set_hidden(&mut tx, id, None).await.map_err(|e| db::internal("dismiss: show", e))?;
    }
    audit(
        &mut tx,
        NewEvent {
            post_id: id,
            actor_id: Some(staff.id),
            action: Some(ModerationAction::DismissReports),
            at: now,
            ..Default::default()
        },
    )
    .await?;
    commit(tx).await
}

/// Takes a reported post off the public (back to `pending`, with a reason told to the author).
pub async fn unpublish(db: &Db, staff: &CurrentUser, id: i64, decision: Decision, now: i64) -> Result<(), AppError> {
    require_staff(staff)?;
    let mut tx = begin(db).await?;
    let c = current_for(&mut tx, staff, id).await?;
    if !c.status.can_become(PostStatus::Pending) {
        return Err(form_error(Msg::new("unpublish-not-now").label("status", "status", c.status.slug())));
    }
    sql::resolve_reports(&mut tx, id, staff.id, "unpublished", now).await.map_err(|e| db::internal("unpublish", e))?;
    set_status(&mut tx, id, PostStatus::Pending, now).await?;
    if c.hidden {
        posts_sql::set_hidden(&mut tx, id, None).await.map_err(|e| db::internal("unpublish: flag", e))?;
    }
    audit(
        &mut tx,
        NewEvent {
            post_id: id,
            actor_id: Some(staff.id),
            action: Some(ModerationAction::Unpublish),
            reason: Some(decision.reason),
            message: decision.message.as_deref(),
            at: now,
            ..Default::default()
        },
    )
    .await?;
    notify(&mut tx, &c, id, NotificationKind::Unpublished, &c.title, Some(&decision), now).await?;
    commit(tx).await
}

/// Disables the author of a reported post: they can no longer log in, their sessions end at
/// their next request, and their open posts are withdrawn. Staff accounts are managed by an
/// operator (CLI), not here.
pub async fn disable_author(db: &Db, staff: &CurrentUser, id: i64, now: i64) -> Result<(), AppError> {
    require_staff(staff)?;
    let mut tx = begin(db).await?;
    let c = current_for(&mut tx, staff, id).await?;
    let Some(author_id) = c.author_id else {
        return Err(form_error(Msg::new("disable-no-author")));
    };
    let author = users_sql::by_id(&mut tx, author_id).await.map_err(|e| db::internal("disable: read", e))?;
    let Some(author) = author else { return Err(AppError::NotFound) };
    if author.role.parse::<Role>().is_ok_and(Role::is_staff) {
        return Err(form_error(Msg::new("disable-staff")));
    }
    if author.disabled_at.is_some() {
        return Err(form_error(Msg::new("disable-already")));
    }
    users_sql::set_disabled(&mut tx, author_id, Some(now), now).await.map_err(|e| db::internal("disable", e))?;
    sql::resolve_reports(&mut tx, id, staff.id, "author-disabled", now)
        .await
        .map_err(|e| db::internal("disable: reports", e))?;
    let open = posts_sql::open_of_author(&mut tx, author_id).await.map_err(|e| db::internal("disable: posts", e))?;
    for post_id in open {
        set_status(&mut tx, post_id, PostStatus::Closed, now).await?;
    }
    audit(
        &mut tx,
        NewEvent {
            post_id: id,
            actor_id: Some(staff.id),
            action: Some(ModerationAction::DisableAuthor),
            at: now,
            ..Default::default()
        },
    )
    .await?;
    commit(tx).await
}

/// The queue's figures and the decisions of the last `days` days, for the operator.
#[derive(Debug)]
pub struct OperatorStats {
    pub queue: QueueStats,
    pub decisions: Vec<(ModerationAction, usize)>,
    /// Median seconds from creation to approval or refusal.
    pub median_wait: Option<i64>,
}

/// `entraide moderation stats`.
pub async fn operator_stats(db: &Db, days: i64, now: i64) -> Result<OperatorStats, AppError> {
    let queue = stats(db, None, now).await?;
    let mut conn = db.read.acquire().await.map_err(|e| db::internal("stats: acquire", e))?;
    let rows = sql::decisions_since(&mut conn, now - days * 86_400).await.map_err(|e| db::internal("stats", e))?;
    let mut decisions: Vec<(ModerationAction, usize)> = ModerationAction::ALL.iter().map(|a| (*a, 0)).collect();
    let mut waits = vec![];
    for (action, wait) in rows {
        let Ok(a) = action.parse::<ModerationAction>() else { continue };
        if let Some(slot) = decisions.iter_mut().find(|(x, _)| *x == a) {
            slot.1 += 1;
        }
        if matches!(a, ModerationAction::Approve | ModerationAction::Reject | ModerationAction::Redact) {
            waits.push(wait);
        }
    }
    waits.sort_unstable();
    let median_wait = (!waits.is_empty()).then(|| waits[waits.len() / 2]);
    Ok(OperatorStats { queue, decisions, median_wait })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::moderation::{DecisionReason, ReportReason};
    use crate::domain::{Category, PostFilter, PostKind};
    use crate::server::communes::Communes;
    use crate::server::services::posts::tests::{creation, COLMAR, NOW};
    use crate::server::services::{accounts, posts};

    async fn account(db: &Db, email: &str, role: Role) -> CurrentUser {
        accounts::test_account(db, email, role, NOW - 7200).await
    }

    struct World {
        db: Db,
        staff: CurrentUser,
        author: CurrentUser,
        post: i64,
    }

    /// A moderator, a resident, and one pending post of the resident.
    async fn world(pool: crate::server::db::Pool, status: PostStatus) -> World {
        let db = Db::single(pool);
        let communes = Communes::haut_rhin().unwrap();
        let staff = account(&db, "moderatrice@exemple.fr", Role::Moderator).await;
        let author = account(&db, "auteur@exemple.fr", Role::Resident).await;
        let mut c = creation("Courses pour ma voisine", PostKind::Request, Category::Groceries, COLMAR, status);
        c.author_id = Some(author.id);
        c.post.description = crate::domain::post::Description::parse("Appelez Mme Schmitt au 06 12 34 56 78.").unwrap();
        let post = posts::create(&db, &communes, c).await.unwrap();
        World { db, staff, author, post }
    }

    async fn events(db: &Db, post: i64) -> Vec<(String, Option<i64>, Option<String>)> {
        db::query_as("SELECT action, actor_id, reason FROM moderation_events WHERE post_id = $1 ORDER BY id")
            .bind(post)
            .fetch_all(&db.read)
            .await
            .unwrap()
    }

    async fn status(db: &Db, post: i64) -> String {
        db::query_scalar("SELECT status FROM posts WHERE id = $1").bind(post).fetch_one(&db.read).await.unwrap()
    }

    async fn notices(db: &Db, user: i64) -> Vec<String> {
        db::query_scalar("SELECT body FROM notifications WHERE user_id = $1 ORDER BY id")
            .bind(user)
            .fetch_all(&db.read)
            .await
            .unwrap()
    }

    async fn public_titles(db: &Db) -> Vec<String> {
        let page = posts::list_public_at(db, &PostFilter::default(), NOW).await.unwrap();
        page.posts.into_iter().map(|p| p.title).collect()
    }

    #[tokio::test]
    async fn approving_publishes_audits_and_tells_the_author() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let w = world(pool, PostStatus::Pending).await;
        assert!(public_titles(&w.db).await.is_empty());
        approve(&w.db, &w.staff, w.post, NOW).await.unwrap();
        assert_eq!(status(&w.db, w.post).await, "published");
        assert_eq!(events(&w.db, w.post).await, vec![("approve".into(), Some(w.staff.id), None)]);
        assert_eq!(notices(&w.db, w.author.id).await, vec!["Votre annonce « Courses pour ma voisine » a été publiée."]);
        assert_eq!(public_titles(&w.db).await, vec!["Courses pour ma voisine"]);
        // A second decision on the same post is refused, and writes nothing.
        let again = approve(&w.db, &w.staff, w.post, NOW).await.unwrap_err();
        assert!(again.to_string().contains("déjà été traitée"), "{again}");
        assert_eq!(events(&w.db, w.post).await.len(), 1);
    }

    #[tokio::test]
    async fn rejecting_keeps_the_post_private_with_its_reason() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let w = world(pool, PostStatus::Pending).await;
        let d = Decision { reason: DecisionReason::PersonalData, message: Some("Retirez le numéro.".into()) };
        reject(&w.db, &w.staff, w.post, d, NOW).await.unwrap();
        assert_eq!(status(&w.db, w.post).await, "rejected");
        assert_eq!(
            events(&w.db, w.post).await,
            vec![("reject".into(), Some(w.staff.id), Some("personal-data".into()))]
        );
        let n = notices(&w.db, w.author.id).await;
        assert!(
            n[0].contains("refusée : elle contient des informations personnelles")
                && n[0].contains("Retirez le numéro."),
            "{n:?}"
        );
        assert!(public_titles(&w.db).await.is_empty());
        // The author sees the decision on "Mes annonces".
        let mine = posts::mine(&w.db, &w.author, NOW).await.unwrap();
        let decision = mine[0].decision.as_ref().unwrap();
        assert_eq!((decision.action, decision.reason), (ModerationAction::Reject, Some(DecisionReason::PersonalData)));
    }

    #[tokio::test]
    async fn redaction_publishes_the_new_text_only_and_keeps_both_in_the_audit() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let w = world(pool, PostStatus::Pending).await;
        redact(&w.db, &w.staff, w.post, "Courses pour ma voisine", "Appelez-moi par la messagerie du site.", "", NOW)
            .await
            .unwrap();
        assert_eq!(status(&w.db, w.post).await, "published");
        let (before, after): (String, String) = db::query_as(
            "SELECT before_description, after_description FROM moderation_events WHERE post_id = $1 AND action = 'redact'",
        )
        .bind(w.post)
        .fetch_one(&w.db.read)
        .await
        .unwrap();
        assert_eq!(before, "Appelez Mme Schmitt au 06 12 34 56 78.");
        assert_eq!(after, "Appelez-moi par la messagerie du site.");
        let public = posts::get_public(&w.db, w.post).await.unwrap();
        assert_eq!(public.description, "Appelez-moi par la messagerie du site.");
        let mine = posts::mine(&w.db, &w.author, NOW).await.unwrap();
        let d = mine[0].decision.as_ref().unwrap();
        assert_eq!(d.before.as_ref().unwrap().1, "Appelez Mme Schmitt au 06 12 34 56 78.");
        assert!(notices(&w.db, w.author.id).await[0].contains("modification"));
    }

    #[tokio::test]
    async fn residents_cannot_moderate() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let w = world(pool, PostStatus::Pending).await;
        let d = || Decision { reason: DecisionReason::Other, message: Some("x".into()) };
        let r = &w.author;
        assert_eq!(approve(&w.db, r, w.post, NOW).await, Err(AppError::Forbidden));
        assert_eq!(reject(&w.db, r, w.post, d(), NOW).await, Err(AppError::Forbidden));
        assert_eq!(redact(&w.db, r, w.post, "Titre", "Texte", "", NOW).await, Err(AppError::Forbidden));
        assert_eq!(unpublish(&w.db, r, w.post, d(), NOW).await, Err(AppError::Forbidden));
        assert_eq!(dismiss_reports(&w.db, r, w.post, NOW).await, Err(AppError::Forbidden));
        assert_eq!(disable_author(&w.db, r, w.post, NOW).await, Err(AppError::Forbidden));
        assert_eq!(queue(&w.db, r, NOW).await.unwrap_err(), AppError::Forbidden);
        assert_eq!(reported(&w.db, r, NOW).await.unwrap_err(), AppError::Forbidden);
        assert_eq!(post(&w.db, r, w.post).await.unwrap_err(), AppError::Forbidden);
        assert_eq!(status(&w.db, w.post).await, "pending");
        assert!(events(&w.db, w.post).await.is_empty());
    }

    #[tokio::test]
    async fn reports_hide_a_post_at_the_threshold_and_staff_review_it() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let w = world(pool, PostStatus::Published).await;
        let report = || Report { reason: ReportReason::Scam, details: "Demande de l'argent.".into() };
        let mut reporters = vec![];
        for i in 0..3 {
            // Established accounts (a week old): their reports hide a post.
            let email = format!("voisin{i}@exemple.fr");
            reporters.push(accounts::test_account(&w.db, &email, Role::Resident, NOW - 7 * 86_400).await);
        }
        assert_eq!(super::report(&w.db, &reporters[0], w.post, report(), 3, NOW).await, Ok(Reported::Recorded));
        let twice = super::report(&w.db, &reporters[0], w.post, report(), 3, NOW).await.unwrap_err();
        assert!(twice.to_string().contains("déjà signalé"));
        let own = super::report(&w.db, &w.author, w.post, report(), 3, NOW).await.unwrap_err();
        assert!(own.to_string().contains("propre annonce"));
        assert_eq!(super::report(&w.db, &reporters[1], w.post, report(), 3, NOW).await, Ok(Reported::Recorded));
        assert_eq!(public_titles(&w.db).await.len(), 1);
        assert_eq!(super::report(&w.db, &reporters[2], w.post, report(), 3, NOW).await, Ok(Reported::Hidden));
        assert!(public_titles(&w.db).await.is_empty(), "hidden from the list");
        assert_eq!(posts::get_public(&w.db, w.post).await.unwrap_err(), AppError::NotFound);
        assert_eq!(events(&w.db, w.post).await, vec![("auto-hide".into(), None, None)]);
        let q = reported(&w.db, &w.staff, NOW).await.unwrap();
        assert_eq!((q.posts.len(), q.posts[0].reports.len(), q.stats.hidden), (1, 3, 1));

        // Dismissed: shown again, reports closed.
        dismiss_reports(&w.db, &w.staff, w.post, NOW).await.unwrap();
        assert_eq!(public_titles(&w.db).await.len(), 1);
        assert!(reported(&w.db, &w.staff, NOW).await.unwrap().posts.is_empty());
        assert!(dismiss_reports(&w.db, &w.staff, w.post, NOW).await.is_err(), "nothing left to dismiss");

        // Reported again, then unpublished: back to pending, the author is told why.
        super::report(&w.db, &reporters[0], w.post, report(), 3, NOW).await.unwrap();
        let d = Decision { reason: DecisionReason::Commercial, message: None };
        unpublish(&w.db, &w.staff, w.post, d, NOW).await.unwrap();
        assert_eq!(status(&w.db, w.post).await, "pending");
        assert!(public_titles(&w.db).await.is_empty());
        assert!(notices(&w.db, w.author.id).await.last().unwrap().contains("retirée de la carte"));
        let actions: Vec<String> = events(&w.db, w.post).await.into_iter().map(|e| e.0).collect();
        assert_eq!(actions, ["auto-hide", "dismiss-reports", "unpublish"]);
    }

    #[tokio::test]
    async fn staff_reads_of_the_exact_place_are_logged_like_helpers_reveals() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let w = world(pool, PostStatus::Pending).await;
        let reads = |db: Db| async move {
            db::query_as::<(i64, i64, String)>("SELECT post_id, viewer_id, fields FROM reveals ORDER BY id")
                .fetch_all(&db.read)
                .await
                .unwrap()
        };
        assert!(reads(w.db.clone()).await.is_empty());
        let q = queue(&w.db, &w.staff, NOW).await.unwrap();
        assert_eq!(q.posts.len(), 1);
        post(&w.db, &w.staff, w.post).await.unwrap();
        let logged = reads(w.db.clone()).await;
        assert_eq!(logged.len(), 2, "the queue and the post's page");
        assert!(logged.iter().all(|(p, v, f)| *p == w.post && *v == w.staff.id && f.starts_with("exact-location")));
        // Refused reads record nothing.
        assert!(queue(&w.db, &w.author, NOW).await.is_err());
        assert_eq!(reads(w.db.clone()).await.len(), 2);
    }

    #[tokio::test]
    async fn new_accounts_cannot_hide_posts_nor_report_without_end() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let w = world(pool, PostStatus::Published).await;
        let mut ids = vec![];
        for i in 0..100 {
            let mut c = crate::server::services::posts::tests::creation(
                &format!("Annonce numéro {i}"),
                crate::domain::PostKind::Offer,
                crate::domain::Category::Diy,
                crate::server::services::posts::tests::COLMAR,
                PostStatus::Published,
            );
            c.author_id = Some(w.author.id);
            c.created_at = NOW - 600;
            ids.push(posts::create(&w.db, &crate::server::communes::Communes::haut_rhin().unwrap(), c).await.unwrap());
        }
        let report = || Report { reason: ReportReason::Scam, details: "Arnaque.".into() };
        let (mut recorded, mut refused) = (0, 0);
        for i in 0..3 {
            // Three throwaway accounts, an hour old, each trying all 100 posts (300 reports).
            let fresh =
                accounts::test_account(&w.db, &format!("jetable{i}@exemple.fr"), Role::Resident, NOW - 3600).await;
            for id in &ids {
                match super::report(&w.db, &fresh, *id, report(), 3, NOW).await {
                    Ok(Reported::Recorded) => recorded += 1,
                    Ok(Reported::Hidden) => panic!("a new account hid post {id}"),
                    Err(e) => {
                        assert!(e.to_string().contains("10"), "{e}");
                        refused += 1;
                    }
                }
            }
        }
        let hidden: i64 = db::query_scalar("SELECT count(*) FROM posts WHERE hidden_at IS NOT NULL")
            .fetch_one(&w.db.read)
            .await
            .unwrap();
        println!("FIGURE reports.posts_hidden_by_new_accounts {hidden}");
        assert_eq!((hidden, recorded, refused), (0, 30, 270), "10 reports a day each, none hiding");
        // Staff see every recorded report.
        let q = reported(&w.db, &w.staff, NOW).await.unwrap();
        assert_eq!(q.posts.iter().map(|p| p.reports.len()).sum::<usize>(), 30);
        let on_map: i64 = db::query_scalar("SELECT count(*) FROM posts_geo").fetch_one(&w.db.read).await.unwrap();
        assert_eq!(on_map, 101, "every post stays on the map");
    }

    #[tokio::test]
    async fn disabling_an_author_closes_their_posts_and_ends_their_sessions() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let w = world(pool, PostStatus::Published).await;
        let reporter = account(&w.db, "voisin@exemple.fr", Role::Resident).await;
        super::report(
            &w.db,
            &reporter,
            w.post,
            Report { reason: ReportReason::Danger, details: String::new() },
            3,
            NOW,
        )
        .await
        .unwrap();
        disable_author(&w.db, &w.staff, w.post, NOW).await.unwrap();
        assert_eq!(status(&w.db, w.post).await, "closed");
        assert_eq!(accounts::find_active(&w.db, w.author.id).await.unwrap(), None, "sessions end at the next request");
        assert!(accounts::log_in(&w.db, "auteur@exemple.fr", "un jardin sous la pluie").await.is_err());
        assert_eq!(events(&w.db, w.post).await.last().unwrap().0, "disable-author");
        // Staff accounts are not disabled from the web.
        let mut c =
            creation("Une annonce de l'équipe", PostKind::Offer, Category::Other, COLMAR, PostStatus::Published);
        c.author_id = Some(w.staff.id);
        let staff_post = posts::create(&w.db, &Communes::haut_rhin().unwrap(), c).await.unwrap();
        let other = account(&w.db, "modo2@exemple.fr", Role::Moderator).await;
        assert!(disable_author(&w.db, &other, staff_post, NOW).await.is_err());
    }

    #[tokio::test]
    async fn queue_health_counts_and_ages() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let w = world(pool, PostStatus::Pending).await;
        let q = queue(&w.db, &w.staff, NOW).await.unwrap();
        assert_eq!(q.stats.pending, 1);
        assert_eq!(q.stats.oldest_pending_at, Some(NOW - 3600));
        let p = &q.posts[0];
        assert_eq!(p.exact, COLMAR, "staff see the exact point");
        assert_eq!(p.author.as_ref().unwrap().email, "auteur@exemple.fr");
        approve(&w.db, &w.staff, w.post, NOW).await.unwrap();
        let s = operator_stats(&w.db, 7, NOW).await.unwrap();
        assert_eq!(s.queue.pending, 0);
        assert_eq!(s.decisions.iter().find(|d| d.0 == ModerationAction::Approve).unwrap().1, 1);
        assert_eq!(s.median_wait, Some(3600));
    }
}

//! Vetted helpers (#18 §4). A volunteer asks to be vetted; staff meet them, see their identity
//! document (no copy is kept) and record the check: it is valid for a year, can be withdrawn,
//! and the volunteer is told either way. Requests in the configured categories are answered by
//! vetted helpers only, and an author accepts only a helper vetted at that moment.

use crate::domain::notification::NotificationKind;
use crate::domain::period::format_date;
use crate::domain::user::CurrentUser;
use crate::domain::vetting::{parse_note, Check, VettedCategories};
use crate::domain::{Category, PostKind};
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::server::db::vetting as sql;
use crate::server::db::Conn;
use crate::server::db::{self, Db};
use crate::server::services::notifications::notify;
use crate::wire::vetting::{MyVetting, VettedHelper, VettingDesk, VettingRequest};

/// A vetted helper may ask again this long before the check ends (a renewal).
pub const RENEW_BEFORE: i64 = 60 * 86_400;
/// The volunteer's page.
pub const PAGE: &str = "/compte/verification";

fn form_error(message: Msg) -> AppError {
    AppError::Validation(FieldErrors::single("form", message))
}

fn staff_only(me: &CurrentUser) -> Result<(), AppError> {
    if me.role.is_staff() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Whether `user` may answer a post of `kind` and `category` now: `Ok` when no check is needed
/// or the person holds a valid one; otherwise the reason, said next to the answer form.
pub async fn may_answer(
    conn: &mut Conn,
    policy: &VettedCategories,
    kind: PostKind,
    category: Category,
    user: i64,
    now: i64,
) -> Result<(), AppError> {
    if !policy.needed(kind, category) {
        return Ok(());
    }
    if sql::is_vetted(conn, user, now).await.map_err(|e| db::internal("vetting", e))? {
        Ok(())
    } else {
        Err(form_error(Msg::new("respond-needs-vetting")))
    }
}

/// Whether `author` may publish a post of `kind` and `category` now: an offer in the configured
/// categories takes a valid check (the author is the helper); the reason is said next to the
/// category, with what was typed kept.
pub async fn may_offer(
    conn: &mut Conn,
    policy: &VettedCategories,
    kind: PostKind,
    category: Category,
    author: i64,
    now: i64,
) -> Result<(), AppError> {
    if !policy.needed_to_offer(kind, category) {
        return Ok(());
    }
    if sql::is_vetted(conn, author, now).await.map_err(|e| db::internal("vetting", e))? {
        Ok(())
    } else {
        Err(AppError::Validation(FieldErrors::single("category", Msg::new("offer-needs-vetting"))))
    }
}

/// Whether `user` holds a valid check at `now` (the badge « bénévole vérifié »).
pub async fn is_vetted(conn: &mut Conn, user: i64, now: i64) -> Result<bool, AppError> {
    sql::is_vetted(conn, user, now).await.map_err(|e| db::internal("vetting", e))
}

/// My standing.
pub async fn mine(db: &Db, me: &CurrentUser, policy: &VettedCategories, now: i64) -> Result<MyVetting, AppError> {
    let mut conn = db.read.acquire().await.map_err(|e| db::internal("vetting: acquire", e))?;
    let fail = |e| db::internal("vetting", e);
    let latest = sql::latest(&mut conn, me.id).await.map_err(fail)?;
    let request = sql::request_of(&mut conn, me.id).await.map_err(fail)?;
    let valid = latest.as_ref().filter(|v| v.withdrawn_at.is_none() && v.expires_at > now);
    let vetted_until = valid.map(|v| v.expires_at);
    let ended = latest.as_ref().filter(|_| valid.is_none());
    let asked_at = request.as_ref().map(|r| r.0);
    Ok(MyVetting {
        vetted_until,
        asked_at,
        note: request.and_then(|r| r.1),
        ended_at: ended.map(|v| v.withdrawn_at.unwrap_or(v.expires_at)),
        withdrawn: ended.is_some_and(|v| v.withdrawn_at.is_some()),
        may_ask: may_ask(vetted_until, now) && asked_at.is_none(),
        categories: policy.categories().to_vec(),
        now,
    })
}

fn may_ask(vetted_until: Option<i64>, now: i64) -> bool {
    vetted_until.is_none_or(|until| until - now <= RENEW_BEFORE)
}

/// I ask to be vetted (or update my note). A confirmed address is needed: staff write to it.
pub async fn ask(db: &Db, me: &CurrentUser, note: &str, now: i64) -> Result<(), AppError> {
    super::account_links::require_verified(me)?;
    let note = parse_note(note, "note", false).map_err(AppError::Validation)?;
    let mut tx = db.begin_write().await.map_err(|e| db::internal("vetting ask: begin", e))?;
    let fail = |e| db::internal("vetting ask", e);
    let until = sql::latest(&mut tx, me.id)
        .await
        .map_err(fail)?
        .filter(|v| v.withdrawn_at.is_none() && v.expires_at > now)
        .map(|v| v.expires_at);
    if !may_ask(until, now) {
        return Err(form_error(Msg::new("vetting-already")));
    }
    sql::ask(&mut tx, me.id, note.as_deref(), now).await.map_err(fail)?;
    tx.commit().await.map_err(|e| db::internal("vetting ask: commit", e))
}

/// I withdraw my request.
pub async fn cancel(db: &Db, me: &CurrentUser) -> Result<(), AppError> {
    let mut conn = db.write.acquire().await.map_err(|e| db::internal("vetting cancel: acquire", e))?;
    sql::cancel(&mut conn, me.id).await.map_err(|e| db::internal("vetting cancel", e))?;
    Ok(())
}

/// Staff only: the requests waiting and the helpers vetted now.
pub async fn desk(db: &Db, me: &CurrentUser, policy: &VettedCategories, now: i64) -> Result<VettingDesk, AppError> {
    staff_only(me)?;
    let mut conn = db.read.acquire().await.map_err(|e| db::internal("vetting desk: acquire", e))?;
    let fail = |e| db::internal("vetting desk", e);
    let vetted: Vec<VettedHelper> = sql::current(&mut conn, now)
        .await
        .map_err(fail)?
        .into_iter()
        .map(|(v, name)| VettedHelper {
            user_id: v.user_id,
            name,
            association: v.association,
            checked_on: v.checked_on,
            checked_by: v.checked_by,
            recorded_by: v.recorded_by_name,
            expires_at: v.expires_at,
        })
        .collect();
    let requests = sql::requests(&mut conn)
        .await
        .map_err(fail)?
        .into_iter()
        .map(|r| VettingRequest {
            vetted_until: vetted.iter().find(|v| v.user_id == r.user_id).map(|v| v.expires_at),
            user_id: r.user_id,
            name: r.display_name,
            email: r.email,
            asked_at: r.asked_at,
            note: r.note,
        })
        .collect();
    Ok(VettingDesk {
        requests,
        vetted,
        my_name: me.display_name.clone(),
        today: format_date(now),
        categories: policy.categories().to_vec(),
        now,
    })
}

/// Staff only: records the in-person check of `user` (who asked for it), and tells them.
pub async fn record(db: &Db, me: &CurrentUser, user: i64, check: &Check, now: i64) -> Result<(), AppError> {
    staff_only(me)?;
    if user == me.id {
        return Err(form_error(Msg::new("vetting-not-self")));
    }
    let mut tx = db.begin_write().await.map_err(|e| db::internal("vetting record: begin", e))?;
    let fail = |e| db::internal("vetting record", e);
    if sql::request_of(&mut tx, user).await.map_err(fail)?.is_none() {
        // Recorded by someone else meanwhile, or withdrawn by the person.
        return Err(form_error(Msg::new("vetting-no-request")));
    }
    let active = db::users::by_id(&mut tx, user).await.map_err(fail)?.is_some_and(|u| u.disabled_at.is_none());
    if !active {
        return Err(AppError::NotFound);
    }
    sql::record(&mut tx, user, check, me.id, now).await.map_err(fail)?;
    let said = Msg::new("notify-vetting-recorded").day("until", check.expires_at - 1);
    notify(&mut tx, user, None, None, NotificationKind::Vetting, &[said], PAGE, now).await?;
    tx.commit().await.map_err(|e| db::internal("vetting record: commit", e))
}

/// Tells each vetted helper, once, that their check can be renewed (from two months before it
/// ends: `RENEW_BEFORE`), in the app and by e-mail; how many were told. Run by the server's
/// minute loop, in batches, each in its own transaction.
pub async fn sweep_reminders(db: &Db, now: i64) -> Result<usize, AppError> {
    let mut told = 0;
    loop {
        let due = {
            let mut conn = db.read.acquire().await.map_err(|e| db::internal("vetting reminders: acquire", e))?;
            sql::to_remind(&mut conn, now, now + RENEW_BEFORE, 200)
                .await
                .map_err(|e| db::internal("vetting reminders", e))?
        };
        if due.is_empty() {
            break;
        }
        for (id, user, ends) in due {
            let mut tx = db.begin_write().await.map_err(|e| db::internal("vetting reminder: begin", e))?;
            if sql::mark_reminded(&mut tx, id, now).await.map_err(|e| db::internal("vetting reminder", e))? == 1 {
                let said = Msg::new("notify-vetting-ending").day("until", ends - 1);
                notify(&mut tx, user, None, None, NotificationKind::Vetting, &[said], PAGE, now).await?;
                told += 1;
            }
            tx.commit().await.map_err(|e| db::internal("vetting reminder: commit", e))?;
        }
    }
    if told > 0 {
        crate::server::mailer::wake();
    }
    Ok(told)
}

/// Staff only: withdraws `user`'s valid check, with a reason the person reads.
pub async fn withdraw(db: &Db, me: &CurrentUser, user: i64, reason: &str, now: i64) -> Result<(), AppError> {
    staff_only(me)?;
    let reason = parse_note(reason, "reason", true).map_err(AppError::Validation)?.unwrap_or_default();
    let mut tx = db.begin_write().await.map_err(|e| db::internal("vetting withdraw: begin", e))?;
    let fail = |e| db::internal("vetting withdraw", e);
    if sql::withdraw(&mut tx, user, me.id, &reason, now).await.map_err(fail)? == 0 {
        return Err(form_error(Msg::new("vetting-not-vetted")));
    }
    let said = Msg::new("notify-vetting-withdrawn").text("reason", &reason);
    notify(&mut tx, user, None, None, NotificationKind::Vetting, &[said], PAGE, now).await?;
    tx.commit().await.map_err(|e| db::internal("vetting withdraw: commit", e))
}

//! Nobody left waiting. The background sweep (every minute, with the expiry sweep) raises, at
//! most once per post and state: requests nobody answered (for staff), posts expiring soon (the
//! author is told, with a one-click extension on « Mes annonces »), and help accepted days ago
//! and not confirmed ("Avez-vous reçu l'aide ?", in the app and by e-mail); a check unanswered
//! two more days, or answered "Non", goes to the staff's list (« Suivi »).

use crate::domain::follow_up::{FollowUpRules, HelpAnswer};
use crate::domain::notification::NotificationKind;
use crate::domain::user::CurrentUser;
use crate::domain::PostStatus;
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::server::db::follow_ups::{self as sql, StaffRow};
use crate::server::db::intakes::IntakeAction;
use crate::server::db::{self, posts as posts_sql, Db};
use crate::server::services::notifications::notify;
use crate::wire::follow_ups::{FollowUpLine, FollowUps, HelpQuestion};

/// The most lines each part of « Suivi » shows.
pub const LIST_LIMIT: i64 = 200;

/// What one sweep raised.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Swept {
    pub unanswered: usize,
    pub expiring: usize,
    pub help_checks: usize,
    pub escalated: u64,
}

/// Raises what is due at `now`, in one transaction: each follow-up and its notification
/// together, so a crash never tells twice nor forgets.
pub async fn sweep(db: &Db, rules: &FollowUpRules, now: i64) -> Result<Swept, AppError> {
    let mut done = Swept::default();
    let mut tx = db.begin_write().await.map_err(|e| db::internal("follow-ups: begin", e))?;
    let fail = |e| db::internal("follow-ups", e);
    // The shorter wait picks the candidates; each category's own wait decides.
    let shortest = rules.unanswered_urgent_days.min(rules.unanswered_days) * 86_400;
    for c in sql::unanswered(&mut tx, now, now - shortest).await.map_err(fail)? {
        let Ok(category) = c.category.parse() else { continue };
        if rules.is_unanswered(category, c.state_at, now)
            && sql::raise(&mut tx, c.post_id, "unanswered", c.state_at, now).await.map_err(fail)?.is_some()
        {
            done.unanswered += 1;
        }
    }
    let until = now + rules.expiry_notice_days * 86_400;
    for c in sql::expiring(&mut tx, now, until).await.map_err(fail)? {
        let (Some(author), true) = (c.author_id, rules.announce_expiry(c.state_at, now)) else { continue };
        if sql::raise(&mut tx, c.post_id, "expiring", c.state_at, now).await.map_err(fail)?.is_some() {
            // What comes back asks to be confirmed; a day's post ends with its day (not raised).
            let id = if c.recurring { "notify-expiring-recurring" } else { "notify-expiring" };
            let text = Msg::new(id).text("title", &c.title).date("date", c.state_at);
            notify(&mut tx, author, Some(c.post_id), None, NotificationKind::Expiring, &[text], "/mes-annonces", now)
                .await?;
            done.expiring += 1;
        }
    }
    let before = now - rules.help_check_days * 86_400;
    for c in sql::unconfirmed_help(&mut tx, before).await.map_err(fail)? {
        let Some(author) = c.author_id else { continue };
        if let Some(id) = sql::raise(&mut tx, c.post_id, "help-check", c.state_at, now).await.map_err(fail)? {
            let text = Msg::new("notify-help-check").text("title", &c.title);
            let link = format!("/suivi/{id}");
            notify(&mut tx, author, Some(c.post_id), None, NotificationKind::HelpCheck, &[text], &link, now).await?;
            done.help_checks += 1;
        }
    }
    done.escalated = sql::escalate_silent(&mut tx, now - rules.escalate_days * 86_400, now).await.map_err(fail)?;
    tx.commit().await.map_err(|e| db::internal("follow-ups: commit", e))?;
    if done != Swept::default() {
        tracing::info!(?done, "follow-ups raised");
    }
    Ok(done)
}

fn line(r: StaffRow) -> Result<FollowUpLine, AppError> {
    let bad = |w: &str| db::internal("follow-ups", format!("follow-up {}: unknown {w}", r.id));
    Ok(FollowUpLine {
        id: r.id,
        post_id: r.post_id,
        title: r.title,
        category: r.category.parse().map_err(|_| bad("category"))?,
        commune: r.commune_name,
        created_at: r.created_at,
        raised_at: r.raised_at,
        by_phone: r.by_phone,
        author_name: r.author_name,
        author_email: r.author_email,
        answer: r.answer.map(|a| a.parse()).transpose().map_err(|_| bad("answer"))?,
        helper: r.helper_name,
    })
}

/// Staff only: « Suivi ».
pub async fn list(db: &Db, me: &CurrentUser, now: i64) -> Result<FollowUps, AppError> {
    if !me.role.is_staff() {
        return Err(AppError::Forbidden);
    }
    let mut conn = db.read.acquire().await.map_err(|e| db::internal("follow-ups: acquire", e))?;
    let unanswered =
        sql::open_unanswered(&mut conn, me.id, now, LIST_LIMIT).await.map_err(|e| db::internal("follow-ups", e))?;
    let help = sql::open_help(&mut conn, me.id, LIST_LIMIT).await.map_err(|e| db::internal("follow-ups", e))?;
    Ok(FollowUps {
        unanswered: unanswered.into_iter().map(line).collect::<Result<_, _>>()?,
        help: help.into_iter().map(line).collect::<Result<_, _>>()?,
        now,
    })
}

/// Staff only: follow-up `id` was dealt with (the person called, the request widened…).
pub async fn resolve(db: &Db, me: &CurrentUser, id: i64, now: i64) -> Result<(), AppError> {
    if !me.role.is_staff() {
        return Err(AppError::Forbidden);
    }
    let mut conn = db.write.acquire().await.map_err(|e| db::internal("follow-up: acquire", e))?;
    // Another territory's follow-up does not exist for them.
    if !sql::in_scope(&mut conn, id, me.id).await.map_err(|e| db::internal("follow-up", e))? {
        return Err(AppError::NotFound);
    }
    if sql::resolve(&mut conn, id, me.id, now).await.map_err(|e| db::internal("follow-up", e))? {
        Ok(())
    } else {
        Err(AppError::Validation(FieldErrors::single("form", Msg::new("follow-up-already-done"))))
    }
}

/// The author of the post only (`NotFound` for anyone else): the question and its answer.
pub async fn question(db: &Db, me: &CurrentUser, id: i64) -> Result<HelpQuestion, AppError> {
    let mut conn = db.read.acquire().await.map_err(|e| db::internal("help check: acquire", e))?;
    let c = sql::check(&mut conn, id).await.map_err(|e| db::internal("help check", e))?.ok_or(AppError::NotFound)?;
    if c.author_id != Some(me.id) {
        return Err(AppError::NotFound);
    }
    let answer = c.answer.map(|a| a.parse()).transpose().map_err(|_| db::internal("help check", "unknown answer"))?;
    Ok(HelpQuestion { id: c.id, post_id: c.post_id, title: c.title, answer })
}

/// The author answers "Avez-vous reçu l'aide ?": "Oui" confirms the help (the post is fulfilled
/// and the helpers told, as « Confirmer »), "Non" puts it on the staff's list at once.
pub async fn answer(db: &Db, me: &CurrentUser, id: i64, answer: HelpAnswer, now: i64) -> Result<(), AppError> {
    let mut tx = db.begin_write().await.map_err(|e| db::internal("help answer: begin", e))?;
    let c = sql::check(&mut tx, id).await.map_err(|e| db::internal("help answer", e))?.ok_or(AppError::NotFound)?;
    if c.author_id != Some(me.id) {
        return Err(AppError::NotFound);
    }
    if c.answer.is_some() || c.resolved {
        return Err(AppError::Validation(FieldErrors::single("form", Msg::new("follow-up-already-answered"))));
    }
    sql::answer(&mut tx, id, answer == HelpAnswer::Yes, now).await.map_err(|e| db::internal("help answer", e))?;
    if answer == HelpAnswer::Yes && c.status == PostStatus::InProgress.slug() {
        posts_sql::set_status(&mut tx, c.post_id, PostStatus::Fulfilled, now)
            .await
            .map_err(|e| db::internal("help answer: fulfil", e))?;
        super::conversations::tell_helpers(&mut tx, me, c.post_id, &c.title, PostStatus::Fulfilled, now).await?;
        super::intakes::audit(&mut tx, c.post_id, me, IntakeAction::Confirmed, None, now).await?;
    }
    // For a request filed by phone, staff answer after calling the person.
    super::intakes::audit(&mut tx, c.post_id, me, IntakeAction::CalledBack, None, now).await?;
    tx.commit().await.map_err(|e| db::internal("help answer: commit", e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::conversation::{AcceptForm, MessageBody};
    use crate::domain::user::Role;
    use crate::domain::{Category, PostKind};
    use crate::server::communes::Communes;
    use crate::server::services::posts::tests::{creation, COLMAR, NOW};
    use crate::server::services::{accounts, conversations, posts};

    const DAY: i64 = 86_400;

    async fn count(db: &Db, sql: &str) -> i64 {
        db::query_scalar(sql).fetch_one(&db.read).await.expect("count")
    }

    async fn post(db: &Db, author: &CurrentUser, title: &str, category: Category, days: u32) -> i64 {
        let mut c = creation(title, PostKind::Request, category, COLMAR, PostStatus::Published);
        c.author_id = Some(author.id);
        c.created_at = NOW;
        c.post.lifetime_days = days;
        posts::create(db, &Communes::haut_rhin().expect("communes"), c).await.expect("post")
    }

    #[tokio::test]
    async fn requests_nobody_answered_reach_staff_after_their_category_s_wait_once() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let rules = FollowUpRules::default();
        let author = accounts::test_account(&db, "auteure@exemple.fr", Role::Resident, NOW - DAY).await;
        let staff = accounts::test_account(&db, "suivi@departement.fr", Role::Moderator, NOW - DAY).await;
        let helper = accounts::test_account(&db, "aidant@exemple.fr", Role::Resident, NOW - DAY).await;
        let groceries = post(&db, &author, "Courses de la semaine", Category::Groceries, 30).await;
        let homework = post(&db, &author, "Devoirs de maths", Category::Homework, 30).await;
        let answered = post(&db, &author, "Pain et lait", Category::FoodAid, 30).await;
        let msg = MessageBody::parse("Je peux passer demain.").expect("message");
        conversations::respond(&db, &Default::default(), &helper, answered, msg, NOW + 60).await.expect("answered");

        let unanswered = |at| {
            let (db, staff) = (db.clone(), staff.clone());
            async move {
                list(&db, &staff, at).await.expect("list").unanswered.iter().map(|l| l.post_id).collect::<Vec<_>>()
            }
        };
        assert_eq!(sweep(&db, &rules, NOW + 2 * DAY - 1).await.expect("sweep").unanswered, 0);
        assert!(unanswered(NOW + 2 * DAY - 1).await.is_empty());
        // Two days on: the groceries, not the homework (five days), not the answered one.
        assert_eq!(sweep(&db, &rules, NOW + 2 * DAY).await.expect("sweep").unanswered, 1);
        assert_eq!(unanswered(NOW + 2 * DAY).await, [groceries]);
        // Once per post: the next sweeps raise nothing more.
        assert_eq!(sweep(&db, &rules, NOW + 2 * DAY + 60).await.expect("sweep").unanswered, 0);
        assert_eq!(sweep(&db, &rules, NOW + 5 * DAY).await.expect("sweep").unanswered, 1);
        assert_eq!(unanswered(NOW + 5 * DAY).await, [groceries, homework], "oldest first");
        assert_eq!(count(&db, "SELECT count(*) FROM follow_ups WHERE kind = 'unanswered'").await, 2);
        // An answer takes it off the list; staff mark the other as dealt with.
        let msg = MessageBody::parse("Je peux aider pour les maths.").expect("message");
        conversations::respond(&db, &Default::default(), &helper, homework, msg, NOW + 5 * DAY)
            .await
            .expect("answered");
        let lines = list(&db, &staff, NOW + 5 * DAY).await.expect("list").unanswered;
        assert_eq!(lines.iter().map(|l| l.post_id).collect::<Vec<_>>(), [groceries]);
        resolve(&db, &staff, lines[0].id, NOW + 5 * DAY).await.expect("dealt with");
        assert!(unanswered(NOW + 5 * DAY).await.is_empty());
        assert!(resolve(&db, &staff, lines[0].id, NOW + 5 * DAY).await.is_err(), "not twice");
        assert!(matches!(list(&db, &author, NOW).await, Err(AppError::Forbidden)));
    }

    /// Two servers on one database sweep at the same minute: each follow-up is raised, and each
    /// author told, once (every decision is taken again inside the sweep's write transaction).
    #[tokio::test]
    async fn two_servers_sweeping_at_once_tell_each_author_once() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let (first, second) = (Db::single(pool.clone()), Db::single(pool));
        let rules = FollowUpRules::default();
        let author = accounts::test_account(&first, "auteure@exemple.fr", Role::Resident, NOW - DAY).await;
        for i in 0..12 {
            post(&first, &author, &format!("Courses numero {i}"), Category::Groceries, 7).await;
        }
        let at = NOW + 4 * DAY;
        let (a, b) = tokio::join!(sweep(&first, &rules, at), sweep(&second, &rules, at));
        let (a, b) = (a.expect("first server"), b.expect("second server"));
        assert_eq!(a.unanswered + b.unanswered, 12, "each unanswered request raised once");
        assert_eq!(a.expiring + b.expiring, 12, "each expiry told once");
        assert_eq!(count(&first, "SELECT count(*) FROM notifications WHERE kind = 'expiring'").await, 12);
        assert_eq!(count(&first, "SELECT count(*) FROM follow_ups").await, 24);
        let (a, b) =
            tokio::join!(posts::sweep_expired(&first, NOW + 8 * DAY), posts::sweep_expired(&second, NOW + 8 * DAY));
        assert_eq!(a.expect("first") + b.expect("second"), 12, "each expired post swept once");
    }

    #[tokio::test]
    async fn an_author_is_told_once_three_days_before_expiry() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let rules = FollowUpRules::default();
        let author = accounts::test_account(&db, "auteure@exemple.fr", Role::Resident, NOW - DAY).await;
        post(&db, &author, "Garde du petit", Category::Childcare, 7).await;
        let told = || count(&db, "SELECT count(*) FROM notifications WHERE kind = 'expiring'");
        assert_eq!(sweep(&db, &rules, NOW + 4 * DAY - 1).await.expect("sweep").expiring, 0);
        assert_eq!(sweep(&db, &rules, NOW + 4 * DAY).await.expect("sweep").expiring, 1);
        assert_eq!(sweep(&db, &rules, NOW + 5 * DAY).await.expect("sweep").expiring, 0);
        assert_eq!(told().await, 1);
        assert_eq!(count(&db, "SELECT count(*) FROM outbox WHERE subject = 'Votre annonce expire bientôt'").await, 1);
        // Extended, it has a new expiry: told again three days before that one.
        let id: i64 = count(&db, "SELECT id FROM posts").await;
        posts::extend(&db, &author, id, 30, NOW + 5 * DAY).await.expect("extended");
        assert_eq!(sweep(&db, &rules, NOW + 32 * DAY).await.expect("sweep").expiring, 1);
        assert_eq!(told().await, 2);
    }

    #[tokio::test]
    async fn help_never_confirmed_is_checked_with_the_author_then_reaches_staff() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let rules = FollowUpRules::default();
        let author = accounts::test_account(&db, "auteure@exemple.fr", Role::Resident, NOW - DAY).await;
        let helper = accounts::test_account(&db, "aidant@exemple.fr", Role::Resident, NOW - DAY).await;
        let other = accounts::test_account(&db, "autre@exemple.fr", Role::Resident, NOW - DAY).await;
        let staff = accounts::test_account(&db, "suivi@departement.fr", Role::Moderator, NOW - DAY).await;
        let mut checks = vec![];
        for title in ["Courses du lundi", "Courses du jeudi", "Courses du samedi"] {
            let id = post(&db, &author, title, Category::Groceries, 30).await;
            let msg = MessageBody::parse("Je m'en occupe.").expect("message");
            let c =
                conversations::respond(&db, &Default::default(), &helper, id, msg, NOW + 60).await.expect("answered");
            conversations::accept(
                &db,
                &Default::default(),
                &author,
                c,
                AcceptForm::default().parse().expect("choice"),
                NOW + 120,
            )
            .await
            .expect("accepted");
            checks.push(id);
        }
        assert_eq!(sweep(&db, &rules, NOW + 3 * DAY).await.expect("sweep").help_checks, 0);
        assert_eq!(sweep(&db, &rules, NOW + 3 * DAY + 120).await.expect("sweep").help_checks, 3);
        assert_eq!(sweep(&db, &rules, NOW + 3 * DAY + 180).await.expect("sweep").help_checks, 0, "once");
        let ids: Vec<i64> = db::query_scalar("SELECT id FROM follow_ups WHERE kind = 'help-check' ORDER BY post_id")
            .fetch_all(&db.read)
            .await
            .expect("checks");
        // Her notifications lead to each question.
        let told = crate::server::services::notifications::list(&db, &author, NOW + 4 * DAY).await.expect("list");
        let mut asked: Vec<i64> = told.items.iter().filter_map(|n| n.question_id).collect();
        asked.sort();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(asked, sorted);
        // Only the author reads and answers the question.
        assert!(matches!(question(&db, &other, ids[0]).await, Err(AppError::NotFound)));
        assert!(matches!(answer(&db, &other, ids[0], HelpAnswer::No, NOW).await, Err(AppError::NotFound)));
        // "Oui": the post is fulfilled. "Non": on the staff's list at once. No answer: two days later.
        answer(&db, &author, ids[0], HelpAnswer::Yes, NOW + 4 * DAY).await.expect("yes");
        assert_eq!(
            count(&db, &format!("SELECT count(*) FROM posts WHERE id = {} AND status = 'fulfilled'", checks[0])).await,
            1
        );
        answer(&db, &author, ids[1], HelpAnswer::No, NOW + 4 * DAY).await.expect("no");
        assert!(answer(&db, &author, ids[1], HelpAnswer::Yes, NOW + 4 * DAY).await.is_err(), "one answer");
        let help = |at| {
            let (db, staff) = (db.clone(), staff.clone());
            async move {
                list(&db, &staff, at)
                    .await
                    .expect("list")
                    .help
                    .iter()
                    .map(|l| (l.post_id, l.answer))
                    .collect::<Vec<_>>()
            }
        };
        assert_eq!(help(NOW + 4 * DAY).await, [(checks[1], Some(HelpAnswer::No))]);
        assert_eq!(sweep(&db, &rules, NOW + 5 * DAY + 119).await.expect("sweep").escalated, 0);
        assert_eq!(sweep(&db, &rules, NOW + 5 * DAY + 120).await.expect("sweep").escalated, 1);
        assert_eq!(help(NOW + 5 * DAY + 120).await, [(checks[1], Some(HelpAnswer::No)), (checks[2], None)]);
        assert_eq!(count(&db, "SELECT count(*) FROM notifications WHERE kind = 'help-check'").await, 3);
    }

    #[tokio::test]
    async fn forty_answers_at_once_count_once() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let rules = FollowUpRules::default();
        let author = accounts::test_account(&db, "auteure@exemple.fr", Role::Resident, NOW - DAY).await;
        let helper = accounts::test_account(&db, "aidant@exemple.fr", Role::Resident, NOW - DAY).await;
        let id = post(&db, &author, "Courses du lundi", Category::Groceries, 30).await;
        let msg = MessageBody::parse("Je m'en occupe.").expect("message");
        let c = conversations::respond(&db, &Default::default(), &helper, id, msg, NOW + 60).await.expect("answered");
        conversations::accept(
            &db,
            &Default::default(),
            &author,
            c,
            AcceptForm::default().parse().expect("choice"),
            NOW + 120,
        )
        .await
        .expect("accepted");
        // Forty sweeps at once raise one question.
        let mut sweeps = tokio::task::JoinSet::new();
        for _ in 0..40 {
            let db = db.clone();
            sweeps.spawn(async move { sweep(&db, &rules, NOW + 4 * DAY).await.expect("sweep").help_checks });
        }
        let raised: usize = sweeps.join_all().await.into_iter().sum();
        assert_eq!(raised, 1);
        let check: i64 = count(&db, "SELECT id FROM follow_ups WHERE kind = 'help-check'").await;
        // Forty answers at once, yes and no: one counts.
        let mut answers = tokio::task::JoinSet::new();
        for i in 0..40 {
            let (db, author) = (db.clone(), author.clone());
            let a = if i % 2 == 0 { HelpAnswer::Yes } else { HelpAnswer::No };
            answers.spawn(async move { answer(&db, &author, check, a, NOW + 5 * DAY).await.is_ok() });
        }
        let accepted = answers.join_all().await.into_iter().filter(|ok| *ok).count();
        assert_eq!(accepted, 1);
        assert_eq!(count(&db, "SELECT count(*) FROM notifications WHERE kind = 'help-check'").await, 1);
        assert!(count(&db, "SELECT count(*) FROM notifications WHERE kind = 'fulfilled'").await <= 1);
    }
}

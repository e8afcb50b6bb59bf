//! Phone intake: staff file a request or an offer for a person who called, published at once
//! (staff validated it) under the staff member's account, so that answers reach staff, who act
//! for the person — read, accept a helper, give the person's phone if they agreed, confirm the
//! help. Every step is written to `intake_events`. "Mes saisies" says what to do next.

use crate::domain::intake::{next_step, IntakeDraft, IntakeState, LastStep};
use crate::domain::moderation::ModerationAction;
use crate::domain::post::NewPost;
use crate::domain::user::CurrentUser;
use crate::domain::{PostStatus, PosterKind};
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::server::communes::Communes;
use crate::server::db::intakes::{self as sql, IntakeAction};
use crate::server::db::{self, moderation as staff_sql, posts as posts_sql, Db};
use crate::wire::intakes::{IntakeLine, Intakes};

/// The most intakes a list shows at once.
pub const LIST_LIMIT: i64 = 200;

type Tx = db::Tx<'static>;

/// Moderators and admins only.
fn require_staff(me: &CurrentUser) -> Result<(), AppError> {
    if me.role.is_staff() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Files `draft` for the person who called: the post is published at once under `staff`'s
/// account, the person and their consent are recorded apart, and both the audit of intake and
/// the post's history say who did it. Returns the post's id.
pub async fn file(
    db: &Db,
    communes: &Communes,
    staff: &CurrentUser,
    draft: IntakeDraft,
    now: i64,
) -> Result<i64, AppError> {
    require_staff(staff)?;
    let IntakeDraft { caller, post: d } = draft;
    let location = super::posts::location_of(communes, &d.place)?;
    let creation = super::posts::Creation {
        post: NewPost {
            kind: d.kind,
            category: d.category,
            // The person who called is a resident, whatever the account that files it.
            poster_kind: PosterKind::Individual,
            title: d.title,
            description: d.description,
            location,
            lifetime_days: d.lifetime_days,
            schedule: d.schedule,
        },
        status: PostStatus::Published,
        created_at: now,
        jitter: super::posts::random_jitter(),
        author_id: Some(staff.id),
        private_note: d.private_note,
    };
    let row = super::posts::row_of(communes, creation)?;
    // A call about a place outside the territories of the one answering goes to that
    // territory's staff.
    let territory = communes.by_insee(&row.commune_insee).map(|c| c.territory.clone());
    let scope = super::territories::scope_of(db, staff).await?;
    if !territory.is_some_and(|t| scope.covers(&t)) {
        let message = Msg::new("intake-other-territory").text("commune", row.commune_name.clone());
        return Err(AppError::Validation(FieldErrors::single("location", message)));
    }
    let mut tx = db.begin_write().await.map_err(|e| db::internal("intake: begin", e))?;
    let id = posts_sql::insert(&mut tx, &row).await.map_err(|e| db::internal("intake: post", e))?;
    sql::insert(&mut tx, id, staff.id, &caller, now).await.map_err(|e| db::internal("intake: caller", e))?;
    sql::record(&mut tx, id, staff.id, IntakeAction::Filed, None, now)
        .await
        .map_err(|e| db::internal("intake: audit", e))?;
    let event = staff_sql::NewEvent {
        post_id: id,
        actor_id: Some(staff.id),
        action: Some(ModerationAction::Approve),
        at: now,
        ..Default::default()
    };
    staff_sql::insert_event(&mut tx, &event).await.map_err(|e| db::internal("intake: history", e))?;
    tx.commit().await.map_err(|e| db::internal("intake: commit", e))?;
    super::alerts::wake();
    tracing::info!(post = id, staff = staff.id, "phone intake filed");
    Ok(id)
}

/// Staff only: the intakes `me` filed, or every one when `all` (admins only), with the next
/// thing to do about each.
pub async fn list(db: &Db, me: &CurrentUser, all: bool, now: i64) -> Result<Intakes, AppError> {
    require_staff(me)?;
    if all && me.role != crate::domain::user::Role::Admin {
        return Err(AppError::Forbidden);
    }
    let mut conn = db.read.acquire().await.map_err(|e| db::internal("intakes: acquire", e))?;
    let rows = sql::list(&mut conn, (!all).then_some(me.id), me.id, LIST_LIMIT)
        .await
        .map_err(|e| db::internal("intakes", e))?;
    let mut answers =
        sql::answers(&mut conn, (!all).then_some(me.id), me.id).await.map_err(|e| db::internal("intakes", e))?;
    let items = rows
        .into_iter()
        .map(|r| {
            let bad = |w: &str| db::internal("intakes", format!("post {}: unknown {w}", r.post_id));
            let status: PostStatus = r.status.parse().map_err(|_| bad("status"))?;
            let state = IntakeState {
                status,
                expires_at: r.expires_at,
                answers: r.answers,
                unread: r.unread,
                accepted: r.accepted_at.is_some(),
                helper_done: r.helper_done,
                last_step: r.last_step.as_deref().and_then(LastStep::from_action),
                help_check_open: r.help_check.is_some(),
            };
            Ok(IntakeLine {
                post_id: r.post_id,
                kind: r.kind.parse().map_err(|_| bad("kind"))?,
                category: r.category.parse().map_err(|_| bad("category"))?,
                status,
                title: r.title,
                commune: r.commune_name,
                created_at: r.created_at,
                expires_at: r.expires_at,
                person_name: r.person_name,
                person_phone: r.person_phone,
                call_times: r.call_times,
                share_phone: r.share_phone,
                filed_by: r.filed_by_name,
                mine: r.filed_by_id == me.id,
                answers: r.answers,
                unread: r.unread,
                conversations: answers
                    .iter_mut()
                    .filter(|(_, post, _)| *post == r.post_id)
                    .map(|(id, _, name)| (*id, std::mem::take(name)))
                    .collect(),
                helper: r.helper_name,
                help_check: r.help_check,
                next: next_step(&state, now),
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    Ok(Intakes { items, all, now })
}

/// Staff say they called the person back about post `id` (filed by them, or any for an admin):
/// the call back it asked for is done.
pub async fn called_back(db: &Db, me: &CurrentUser, id: i64, now: i64) -> Result<(), AppError> {
    require_staff(me)?;
    let mut tx = db.begin_write().await.map_err(|e| db::internal("called back: begin", e))?;
    let post = staff_sql::staff_post_in_scope(&mut tx, me.id, id).await.map_err(|e| db::internal("called back", e))?;
    let filer = post.and_then(|p| p.author_id).ok_or(AppError::NotFound)?;
    if filer != me.id && me.role != crate::domain::user::Role::Admin {
        return Err(AppError::Forbidden);
    }
    if !sql::set_called_back(&mut tx, id, now).await.map_err(|e| db::internal("called back", e))? {
        return Err(AppError::NotFound);
    }
    sql::record(&mut tx, id, me.id, IntakeAction::CalledBack, None, now)
        .await
        .map_err(|e| db::internal("called back: audit", e))?;
    tx.commit().await.map_err(|e| db::internal("called back: commit", e))
}

/// Writes `action` to the audit of intake when post `post_id` was filed by phone (other posts:
/// nothing). Called inside the transaction of the action itself.
pub async fn audit(
    tx: &mut Tx,
    post_id: i64,
    actor: &CurrentUser,
    action: IntakeAction,
    conversation_id: Option<i64>,
    now: i64,
) -> Result<(), AppError> {
    if sql::is_intake(tx, post_id).await.map_err(|e| db::internal("intake audit", e))? {
        sql::record(tx, post_id, actor.id, action, conversation_id, now)
            .await
            .map_err(|e| db::internal("intake audit", e))?;
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::conversation::{AcceptForm, MessageBody};
    use crate::domain::intake::{IntakeForm, NextStep};
    use crate::domain::post::PostForm;
    use crate::domain::user::Role;
    use crate::domain::PostFilter;
    use crate::server::services::posts::tests::NOW;
    use crate::server::services::{accounts, conversations, posts};

    const NAME: &str = "Mme Odile Schmitt";
    const PHONE: &str = "03 89 12 34 56";
    const STREET: &str = "12 rue des Lilas";

    fn communes() -> Communes {
        Communes::haut_rhin().expect("communes")
    }

    pub(crate) fn form(share_phone: bool) -> IntakeForm {
        IntakeForm {
            person_name: NAME.into(),
            person_phone: PHONE.into(),
            street: STREET.into(),
            call_times: "le matin".into(),
            share_phone: if share_phone { "on" } else { "" }.into(),
            consent: "on".into(),
            post: PostForm {
                kind: "request".into(),
                category: "groceries".into(),
                title: "Courses de la semaine".into(),
                description: "Je ne peux plus porter les sacs depuis mon opération.".into(),
                lifetime_days: "14".into(),
                commune: "Colmar".into(),
                lat: String::new(),
                lon: String::new(),
                private_note: "2e étage, code 4321".into(),
                ..Default::default()
            },
        }
    }

    struct World {
        db: Db,
        staff: CurrentUser,
        other_staff: CurrentUser,
        admin: CurrentUser,
        helper: CurrentUser,
        resident: CurrentUser,
    }

    async fn world(pool: crate::server::db::Pool) -> World {
        let db = Db::single(pool);
        let at = NOW - 7200;
        World {
            staff: accounts::test_account(&db, "accueil@departement.fr", Role::Moderator, at).await,
            other_staff: accounts::test_account(&db, "collegue@departement.fr", Role::Moderator, at).await,
            admin: accounts::test_account(&db, "admin@departement.fr", Role::Admin, at).await,
            helper: accounts::test_account(&db, "benevole@exemple.fr", Role::Resident, at).await,
            resident: accounts::test_account(&db, "voisine@exemple.fr", Role::Resident, at).await,
            db,
        }
    }

    async fn file_one(w: &World, share_phone: bool) -> i64 {
        let draft = form(share_phone).parse(&communes().refs(), crate::server::services::now()).expect("valid intake");
        file(&w.db, &communes(), &w.staff, draft, NOW).await.expect("filed")
    }

    async fn actions(db: &Db, post: i64) -> Vec<String> {
        db::query_scalar("SELECT action FROM intake_events WHERE post_id = $1 ORDER BY id")
            .bind(post)
            .fetch_all(&db.read)
            .await
            .expect("events")
    }

    fn next_of(list: &Intakes, post: i64) -> NextStep {
        list.items.iter().find(|i| i.post_id == post).map(|i| i.next).expect("listed")
    }

    #[tokio::test]
    async fn a_request_filed_by_phone_is_public_at_once_and_the_person_stays_private() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let w = world(pool).await;
        let id = file_one(&w, true).await;
        let map = posts::list_public_at(&w.db, &PostFilter::default(), NOW).await.expect("map");
        assert!(map.posts.iter().any(|p| p.id == id), "published at once, on the map");
        let page = posts::get_visible(&w.db, &Default::default(), id, None).await.expect("public page");
        assert!(page.by_phone, "shown as filed by the Département");
        // What the public receives, as the browser gets it.
        let public =
            format!("{}{}", serde_json::to_string(&map).expect("json"), serde_json::to_string(&page).expect("json"));
        for private in [NAME, "Schmitt", PHONE, STREET, "code 4321", "accueil"] {
            assert!(!public.contains(private), "{private:?} reached the public");
        }
        let (consent_at, consent_by): (i64, i64) =
            db::query_as("SELECT consent_at, consent_by FROM intakes WHERE post_id = $1")
                .bind(id)
                .fetch_one(&w.db.read)
                .await
                .expect("intake");
        assert_eq!((consent_at, consent_by), (NOW, w.staff.id), "the consent is dated and signed");
        assert_eq!(actions(&w.db, id).await, ["filed"]);
        let history: Vec<(String, Option<i64>)> =
            db::query_as("SELECT action, actor_id FROM moderation_events WHERE post_id = $1")
                .bind(id)
                .fetch_all(&w.db.read)
                .await
                .expect("history");
        assert_eq!(history, [("approve".to_owned(), Some(w.staff.id))]);
    }

    #[tokio::test]
    async fn only_staff_file_and_only_admins_read_every_intake() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let w = world(pool).await;
        let draft = form(true).parse(&communes().refs(), crate::server::services::now()).expect("valid");
        let refused = file(&w.db, &communes(), &w.resident, draft, NOW).await;
        assert!(matches!(refused, Err(AppError::Forbidden)), "{refused:?}");
        let id = file_one(&w, true).await;
        assert!(matches!(list(&w.db, &w.resident, false, NOW).await, Err(AppError::Forbidden)));
        assert!(matches!(list(&w.db, &w.other_staff, true, NOW).await, Err(AppError::Forbidden)));
        assert!(list(&w.db, &w.other_staff, false, NOW).await.expect("mine").items.is_empty());
        let all = list(&w.db, &w.admin, true, NOW).await.expect("all");
        assert_eq!(all.items.len(), 1);
        assert!(!all.items[0].mine && all.items[0].filed_by == w.staff.display_name);
        let mine = list(&w.db, &w.staff, false, NOW).await.expect("mine");
        assert_eq!((mine.items[0].post_id, mine.items[0].person_phone.as_str()), (id, PHONE));
        // Another moderator cannot close the call back of an intake that is not theirs.
        let other = called_back(&w.db, &w.other_staff, id, NOW).await;
        assert!(matches!(other, Err(AppError::Forbidden)), "{other:?}");
        assert!(called_back(&w.db, &w.admin, id, NOW).await.is_ok());
    }

    #[tokio::test]
    async fn staff_act_for_the_person_and_every_step_is_audited() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let w = world(pool).await;
        let id = file_one(&w, true).await;
        let step = |at| {
            let (db, staff) = (w.db.clone(), w.staff.clone());
            async move { next_of(&list(&db, &staff, false, at).await.expect("list"), id) }
        };
        assert_eq!(step(NOW).await, NextStep::Wait);
        let msg = MessageBody::parse("Bonjour, je peux passer jeudi.").expect("message");
        let c =
            conversations::respond(&w.db, &Default::default(), &w.helper, id, msg, NOW + 60).await.expect("answered");
        assert_eq!(step(NOW + 120).await, NextStep::ReadAnswers);
        // Staff read the conversation, with the person to call; the helper does not see them.
        let seen = conversations::view(&w.db, &w.staff, c, NOW + 180).await.expect("staff view");
        assert_eq!(seen.caller.as_ref().map(|p| p.name.as_str()), Some(NAME));
        let helper_view = conversations::view(&w.db, &w.helper, c, NOW + 190).await.expect("helper view");
        assert!(helper_view.caller.is_none() && helper_view.private.is_none());
        // Accepting with the phone gives the person's own number, whatever was typed.
        let choice = AcceptForm { share_phone: "on".into(), phone: "06 00 00 00 00".into(), off_map: String::new() }
            .parse()
            .expect("choice");
        conversations::accept(&w.db, &Default::default(), &w.staff, c, choice, NOW + 200).await.expect("accepted");
        assert_eq!(step(NOW + 210).await, NextStep::CallHelperAccepted);
        let helper_view = conversations::view(&w.db, &w.helper, c, NOW + 220).await.expect("helper view");
        let private = helper_view.private.expect("the helper sees where to go");
        assert_eq!(private.phone.as_deref(), Some(PHONE));
        assert!(private.private_note.as_deref().is_some_and(|n| n.contains(STREET)), "{:?}", private.private_note);
        // In the same second as the acceptance: the audit's order decides, not the clock.
        called_back(&w.db, &w.staff, id, NOW + 200).await.expect("called back");
        assert_eq!(step(NOW + 310).await, NextStep::Wait);
        conversations::mark_done(&w.db, &w.helper, c, NOW + 200).await.expect("helper done");
        assert_eq!(step(NOW + 410).await, NextStep::CallDone);
        conversations::confirm(&w.db, &w.staff, c, NOW + 200).await.expect("confirmed");
        assert_eq!(step(NOW + 510).await, NextStep::CallDone);
        let note = crate::domain::conversation::ThanksNote::parse("Merci de sa part !").expect("note");
        conversations::thank(&w.db, &w.staff, c, note, false, NOW + 520).await.expect("thanked");
        called_back(&w.db, &w.staff, id, NOW + 520).await.expect("called back");
        assert_eq!(step(NOW + 610).await, NextStep::Nothing);
        assert_eq!(
            actions(&w.db, id).await,
            ["filed", "accepted", "phone-shared", "called-back", "helper-done", "confirmed", "thanked", "called-back"]
        );
    }

    #[tokio::test]
    async fn a_phone_the_person_did_not_agree_to_give_is_never_given() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let w = world(pool).await;
        let id = file_one(&w, false).await;
        let msg = MessageBody::parse("Je peux aider samedi.").expect("message");
        let c =
            conversations::respond(&w.db, &Default::default(), &w.helper, id, msg, NOW + 60).await.expect("answered");
        let choice = AcceptForm { share_phone: "on".into(), phone: PHONE.into(), off_map: String::new() }
            .parse()
            .expect("choice");
        let refused = conversations::accept(&w.db, &Default::default(), &w.staff, c, choice, NOW + 100).await;
        match refused {
            Err(AppError::Validation(f)) => {
                assert_eq!(f.get("phone").map(|m| m.id.as_str()), Some("intake-phone-not-agreed"))
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
        let without = AcceptForm::default().parse().expect("choice");
        conversations::accept(&w.db, &Default::default(), &w.staff, c, without, NOW + 110)
            .await
            .expect("accepted without the phone");
        let helper_view = conversations::view(&w.db, &w.helper, c, NOW + 120).await.expect("helper view");
        assert_eq!(helper_view.private.expect("private").phone, None);
        assert_eq!(actions(&w.db, id).await, ["filed", "accepted"]);
    }

    #[tokio::test]
    async fn staff_answer_the_help_question_for_the_person_after_calling() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let w = world(pool).await;
        let id = file_one(&w, true).await;
        let msg = MessageBody::parse("Je passe vendredi.").expect("message");
        let c =
            conversations::respond(&w.db, &Default::default(), &w.helper, id, msg, NOW + 60).await.expect("answered");
        let choice = AcceptForm::default().parse().expect("choice");
        conversations::accept(&w.db, &Default::default(), &w.staff, c, choice, NOW + 120).await.expect("accepted");
        called_back(&w.db, &w.staff, id, NOW + 180).await.expect("called back");
        let rules = crate::domain::follow_up::FollowUpRules::default();
        let later = NOW + 3 * 86_400 + 120;
        crate::server::services::follow_ups::sweep(&w.db, &rules, later).await.expect("sweep");
        let line = list(&w.db, &w.staff, false, later).await.expect("list").items.remove(0);
        assert_eq!(line.next, NextStep::AskHelpCame);
        let check = line.help_check.expect("the question, for staff to answer");
        crate::server::services::follow_ups::answer(
            &w.db,
            &w.staff,
            check,
            crate::domain::follow_up::HelpAnswer::Yes,
            later,
        )
        .await
        .expect("answered for her");
        let line = list(&w.db, &w.staff, false, later).await.expect("list").items.remove(0);
        assert_eq!(
            (line.status, line.next, line.help_check),
            (crate::domain::PostStatus::Fulfilled, NextStep::Nothing, None)
        );
        assert_eq!(actions(&w.db, id).await, ["filed", "accepted", "called-back", "confirmed", "called-back"]);
    }
}

//! Vetted helpers over HTTP (#18 §4): an unvetted volunteer reads how to become one and is
//! refused; staff record the in-person check; the vetted volunteer answers and the author reads
//! « Bénévole vérifié par le Département »; a check ends after a year or when withdrawn; who may
//! do what.

use std::sync::Arc;

use axum::http::StatusCode;

use super::{logged_in_as, published_id, send, signed_up, state, PUBLISH};
use crate::domain::user::{CurrentUser, Role};
use crate::domain::vetting::{CheckForm, VettedCategories};
use crate::domain::Category;
use crate::error::AppError;
use crate::server::db;
use crate::server::services::{self, vetting};
use crate::server::state::AppState;

const DAY: i64 = 86_400;

fn childcare() -> String {
    PUBLISH
        .replace("category=groceries", "category=childcare")
        .replace("Courses+pour+ma+voisine", "Garder+L%C3%A9a+mercredi")
}

/// A childcare request approved by a moderator: (author, moderator, post id).
async fn childcare_request(s: &AppState) -> (String, String, i64) {
    let author = signed_up(s, "maman%40exemple.fr").await;
    let post = published_id(s, &author, &childcare()).await;
    let staff = logged_in_as(s, "moderatrice@exemple.fr", Role::Moderator).await;
    let r = send(s, "POST", "/moderation", &format!("id={post}&action=approve"), Some(&staff)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    (author, staff, post)
}

async fn user(s: &AppState, email: &str) -> CurrentUser {
    let mut conn = s.db.read.acquire().await.unwrap();
    crate::server::db::users::by_email(&mut conn, email).await.unwrap().unwrap().to_current().unwrap()
}

fn check_on(day: &str) -> String {
    format!("identity_seen=on&checked_on={day}&checked_by=Mme+Keller&association=Secours+populaire")
}

fn today() -> String {
    crate::domain::period::format_date(services::now())
}

#[tokio::test]
async fn an_unvetted_volunteer_is_shown_how_and_a_vetted_one_answers() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let (author, staff, post) = childcare_request(&s).await;
    let volunteer = signed_up(&s, "benevole%40exemple.fr").await;
    let v = user(&s, "benevole@exemple.fr").await;

    // Not vetted: the page says why and how, with no answer form.
    let page = send(&s, "GET", &format!("/posts/{post}"), "", Some(&volunteer)).await;
    assert!(page.body.contains("réservée aux bénévoles vérifiés"), "why");
    assert!(page.body.contains("href=\"/compte/verification\""), "how");
    assert!(!page.body.contains(&format!("action=\"/posts/{post}/repondre\"")), "no form that would be refused");
    // A form posted anyway is refused, the text kept.
    let r =
        send(&s, "POST", &format!("/posts/{post}/repondre"), "body=Je+peux+garder+L%C3%A9a", Some(&volunteer)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("Seuls les bénévoles vérifiés par le Département peuvent répondre"));
    assert!(r.body.contains("Je peux garder Léa"));
    // Anonymous visitors read the rule too.
    let anon = send(&s, "GET", &format!("/posts/{post}"), "", None).await;
    assert!(anon.body.contains("réservée aux bénévoles vérifiés"));

    // The volunteer asks, with a note; staff see it.
    let r = send(&s, "POST", "/compte/verification", "action=ask&note=Le+mardi+matin", Some(&volunteer)).await;
    assert_eq!(r.location.as_deref(), Some("/compte/verification?fait=ask"), "{}", r.body);
    let mine = send(&s, "GET", "/compte/verification", "", Some(&volunteer)).await;
    assert!(mine.body.contains("Demande envoyée le"), "{}", mine.body);
    let desk = send(&s, "GET", "/verifications", "", Some(&staff)).await;
    assert_eq!(desk.status, StatusCode::OK);
    assert!(desk.body.contains("benevole@exemple.fr") && desk.body.contains("Le mardi matin"));

    // A mistake: every field said, what was typed kept.
    let bad = format!("action=record&user={}&checked_on=2099-01-01&checked_by=Mme+Keller&association=Club", v.id);
    let r = send(&s, "POST", "/verifications", &bad, Some(&staff)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(
        r.body.contains("la pièce d&#x27;identité doit avoir été vue")
            || r.body.contains("la pièce d'identité doit avoir été vue")
    );
    assert!(r.body.contains("La rencontre ne peut pas être dans le futur."));
    assert!(r.body.contains("value=\"Club\""), "kept");
    assert!(!vetting::is_vetted(&mut s.db.read.acquire().await.unwrap(), v.id, services::now()).await.unwrap());

    // Recorded: the volunteer is told and may answer.
    let r = send(
        &s,
        "POST",
        "/verifications",
        &format!("action=record&user={}&{}", v.id, check_on(&today())),
        Some(&staff),
    )
    .await;
    assert_eq!(r.location.as_deref(), Some("/verifications?fait=record"), "{}", r.body);
    let notes = send(&s, "GET", "/notifications", "", Some(&volunteer)).await;
    assert!(notes.body.contains("vous êtes bénévole vérifié jusqu"), "told");
    let mine = send(&s, "GET", "/compte/verification", "", Some(&volunteer)).await;
    assert!(mine.body.contains("Votre vérification est valable jusqu"));
    let page = send(&s, "GET", &format!("/posts/{post}"), "", Some(&volunteer)).await;
    assert!(page.body.contains(&format!("action=\"/posts/{post}/repondre\"")));
    let r =
        send(&s, "POST", &format!("/posts/{post}/repondre"), "body=Je+peux+garder+L%C3%A9a", Some(&volunteer)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let conversation = r.location.unwrap();

    // The author reads the badge in the list and in the conversation.
    for page in ["/messages", conversation.as_str()] {
        let r = send(&s, "GET", page, "", Some(&author)).await;
        assert!(r.body.contains("Bénévole vérifié par le Département"), "{page}");
    }
    // The helper's own view does not claim the author is vetted.
    let r = send(&s, "GET", &conversation, "", Some(&volunteer)).await;
    assert!(!r.body.contains("Bénévole vérifié par le Département"));

    // Withdrawn: told with the reason; the author can no longer accept this helper.
    let r = send(&s, "POST", "/verifications", &format!("action=withdraw&user={}&reason=", v.id), Some(&staff)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "a reason is required");
    let r =
        send(&s, "POST", "/verifications", &format!("action=withdraw&user={}&reason=Signalement", v.id), Some(&staff))
            .await;
    assert_eq!(r.location.as_deref(), Some("/verifications?fait=withdraw"), "{}", r.body);
    let notes = send(&s, "GET", "/notifications", "", Some(&volunteer)).await;
    assert!(notes.body.contains("Motif : Signalement"));
    let r = send(&s, "POST", &conversation, "action=accept", Some(&author)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("pas (ou plus) bénévole vérifiée"));
    let r = send(&s, "GET", &conversation, "", Some(&author)).await;
    assert!(!r.body.contains("Bénévole vérifié par le Département"), "the badge goes with the check");
}

/// The authorization matrix of the vetting pages: residents, anonymous visitors, staff on
/// themselves, a person who did not ask.
#[tokio::test]
async fn only_staff_record_checks_and_never_their_own() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let volunteer = signed_up(&s, "benevole%40exemple.fr").await;
    let v = user(&s, "benevole@exemple.fr").await;
    let staff = logged_in_as(&s, "moderatrice@exemple.fr", Role::Moderator).await;
    let me = user(&s, "moderatrice@exemple.fr").await;
    let record = |id: i64| format!("action=record&user={id}&{}", check_on(&today()));

    // Residents: the page is refused and so is a record, even of themselves.
    let r = send(&s, "GET", "/verifications", "", Some(&volunteer)).await;
    assert!(!r.body.contains("Demandes à rencontrer"));
    let r = send(&s, "POST", "/verifications", &record(v.id), Some(&volunteer)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = send(&s, "POST", "/api/get_vetting_desk", "", Some(&volunteer)).await;
    assert_ne!(r.status, StatusCode::OK);
    // Anonymous: to the log-in page.
    let r = send(&s, "POST", "/verifications", &record(v.id), None).await;
    assert_eq!(r.location.as_deref(), Some("/connexion?next=/verifications"));
    let r = send(&s, "POST", "/compte/verification", "action=ask", None).await;
    assert_eq!(r.location.as_deref(), Some("/connexion?next=/compte/verification"));
    // Nobody is vetted without asking, nor may staff vet themselves.
    let r = send(&s, "POST", "/verifications", &record(v.id), Some(&staff)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("plus de demande en attente"));
    send(&s, "POST", "/compte/verification", "action=ask", Some(&staff)).await;
    let r = send(&s, "POST", "/verifications", &record(me.id), Some(&staff)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(
        r.body.contains("Une autre personne de l&#x27;équipe") || r.body.contains("Une autre personne de l'équipe")
    );
    // Withdrawing a check that does not exist says so.
    let r =
        send(&s, "POST", "/verifications", &format!("action=withdraw&user={}&reason=Test", v.id), Some(&staff)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    // A request withdrawn by the person cannot be recorded.
    send(&s, "POST", "/compte/verification", "action=ask", Some(&volunteer)).await;
    send(&s, "POST", "/compte/verification", "action=cancel", Some(&volunteer)).await;
    let r = send(&s, "POST", "/verifications", &record(v.id), Some(&staff)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(!vetting::is_vetted(&mut s.db.read.acquire().await.unwrap(), v.id, services::now()).await.unwrap());
}

/// A check counts from the day of the meeting for a year, to the day; a renewal may be asked two
/// months before the end, not earlier.
#[tokio::test]
async fn a_check_lasts_a_year_to_the_day() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    signed_up(&s, "benevole%40exemple.fr").await;
    logged_in_as(&s, "moderatrice@exemple.fr", Role::Moderator).await;
    let (v, staff) = (user(&s, "benevole@exemple.fr").await, user(&s, "moderatrice@exemple.fr").await);
    let t0 = services::now() - 400 * DAY;
    vetting::ask(&s.db, &v, "", t0).await.unwrap();
    let form = CheckForm {
        identity_seen: "on".into(),
        association: String::new(),
        checked_on: crate::domain::period::format_date(t0),
        checked_by: "Mme Keller".into(),
    };
    let check = form.parse(t0).unwrap();
    vetting::record(&s.db, &staff, v.id, &check, t0).await.unwrap();
    let vetted_at = |at: i64| {
        let s = s.clone();
        async move { vetting::is_vetted(&mut s.db.read.acquire().await.unwrap(), v.id, at).await.unwrap() }
    };
    assert!(vetted_at(check.expires_at - 1).await);
    assert!(!vetted_at(check.expires_at).await);
    assert!(
        check.expires_at - check.checked_on >= 365 * DAY - 3600
            && check.expires_at - check.checked_on <= 365 * DAY + 3600
    );
    // Renewal: refused three months before the end, open two months before.
    let refused = vetting::ask(&s.db, &v, "", check.expires_at - 90 * DAY).await;
    assert!(matches!(refused, Err(AppError::Validation(_))));
    vetting::ask(&s.db, &v, "", check.expires_at - 50 * DAY).await.unwrap();
    // Today, a year and more later: not vetted, the page says it ended.
    let mine = vetting::mine(&s.db, &v, &VettedCategories::default(), services::now()).await.unwrap();
    assert_eq!(mine.vetted_until, None);
    assert_eq!(mine.ended_at, Some(check.expires_at));
    assert!(!mine.withdrawn);
}

/// Which categories need a vetted helper is configuration: with none, anyone answers a
/// childcare request; offers never need one.
#[tokio::test]
async fn the_categories_are_configuration() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let mut s = state(pool);
    s.vetted = Arc::new(VettedCategories::parse("").unwrap());
    let (_author, _staff, post) = childcare_request(&s).await;
    let volunteer = signed_up(&s, "benevole%40exemple.fr").await;
    let page = send(&s, "GET", &format!("/posts/{post}"), "", Some(&volunteer)).await;
    assert!(!page.body.contains("réservée aux bénévoles vérifiés"));
    let r = send(&s, "POST", &format!("/posts/{post}/repondre"), "body=Je+peux", Some(&volunteer)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

    // The default configuration, an offer of childcare (from a vetted helper): anyone answers it.
    s.vetted = Arc::new(VettedCategories::default());
    let parent = signed_up(&s, "parent%40exemple.fr").await;
    let offer = childcare().replace("kind=request", "kind=offer");
    let helper = signed_up(&s, "gardienne%40exemple.fr").await;
    vet(&s, "gardienne@exemple.fr").await;
    let id = published_id(&s, &helper, &offer).await;
    let staff = logged_in_as(&s, "admin@exemple.fr", Role::Admin).await;
    send(&s, "POST", "/moderation", &format!("id={id}&action=approve"), Some(&staff)).await;
    let r = send(&s, "POST", &format!("/posts/{id}/repondre"), "body=Oui+merci", Some(&parent)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
}

/// Records a check of today for the account `email` (as the desk would, straight in the table).
async fn vet(s: &AppState, email: &str) {
    let who = user(s, email).await;
    let staff: i64 = db::query_scalar("SELECT count(*) FROM users WHERE email = 'verificatrice@exemple.fr'")
        .fetch_one(&s.db.read)
        .await
        .unwrap();
    if staff == 0 {
        logged_in_as(s, "verificatrice@exemple.fr", Role::Moderator).await;
    }
    let by = user(s, "verificatrice@exemple.fr").await;
    let check = CheckForm {
        identity_seen: "on".into(),
        association: "Secours populaire".into(),
        checked_on: today(),
        checked_by: "Mme Keller".into(),
    }
    .parse(services::now())
    .unwrap();
    let mut tx = s.db.begin_write().await.unwrap();
    crate::server::db::vetting::record(&mut tx, who.id, &check, by.id, services::now()).await.unwrap();
    tx.commit().await.unwrap();
}

/// Offering to keep children or to visit homes makes the author the helper: it takes a valid
/// check, at publishing and at editing; the refusal is said next to the category with what was
/// typed kept; requests in those categories stay open to everyone.
#[tokio::test]
async fn an_offer_in_a_vetted_category_takes_a_vetted_author() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let offer = childcare().replace("kind=request", "kind=offer");
    let resident = signed_up(&s, "voisin%40exemple.fr").await;
    let count = |s: AppState| async move {
        db::query_scalar::<i64>("SELECT count(*) FROM posts").fetch_one(&s.db.read).await.unwrap()
    };

    let r = send(&s, "POST", "/publier", &offer, Some(&resident)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
    assert!(r.body.contains("Seuls les bénévoles vérifiés par le Département peuvent proposer"), "{}", r.body);
    assert!(r.body.contains("value=\"Garder Léa mercredi\""), "what was typed stays");
    let home_visit = offer.replace("category=childcare", "category=home-visit");
    assert_eq!(send(&s, "POST", "/publier", &home_visit, Some(&resident)).await.status, StatusCode::BAD_REQUEST);
    assert_eq!(count(s.clone()).await, 0);

    // A request of childcare: a parent asks, nothing to check.
    published_id(&s, &resident, &childcare()).await;
    // An offer of groceries, then edited into childcare: refused, the post unchanged.
    let groceries = published_id(&s, &resident, &PUBLISH.replace("kind=request", "kind=offer")).await;
    let r = send(&s, "POST", &format!("/mes-annonces/{groceries}/modifier"), &offer, Some(&resident)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
    let category: String = db::query_scalar("SELECT category FROM posts WHERE id = $1")
        .bind(groceries)
        .fetch_one(&s.db.read)
        .await
        .unwrap();
    assert_eq!(category, "groceries");

    // Vetted: the offer goes to moderation like any other.
    vet(&s, "voisin@exemple.fr").await;
    published_id(&s, &resident, &offer).await;
    let r = send(&s, "POST", &format!("/mes-annonces/{groceries}/modifier"), &offer, Some(&resident)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

    // Another configuration, another rule.
    let mut open = s.clone();
    open.vetted = Arc::new(VettedCategories::none());
    let other = signed_up(&open, "autre%40exemple.fr").await;
    published_id(&open, &other, &offer).await;
}

/// Two months before a check ends (when a renewal can be asked), its holder is told once, in
/// the app and by e-mail; not for a check withdrawn or already renewed.
#[tokio::test]
async fn a_vetted_helper_is_told_once_when_the_renewal_opens() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let told = |email: &'static str| {
        let s = s.clone();
        async move {
            db::query_scalar::<i64>(
                "SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id \
                 WHERE u.email = $1 AND n.kind = 'vetting' AND n.body LIKE '%prend fin le%'",
            )
            .bind(email)
            .fetch_one(&s.db.read)
            .await
            .unwrap()
        }
    };
    for who in ["benevole", "retire", "renouvele"] {
        signed_up(&s, &format!("{who}%40exemple.fr")).await;
    }
    vet(&s, "benevole@exemple.fr").await;
    vet(&s, "retire@exemple.fr").await;
    vet(&s, "renouvele@exemple.fr").await;
    vet(&s, "renouvele@exemple.fr").await;
    let staff = logged_in_as(&s, "moderatrice@exemple.fr", Role::Moderator).await;
    let r = user(&s, "retire@exemple.fr").await;
    let w = send(&s, "POST", "/verifications", &format!("action=withdraw&user={}&reason=Demande", r.id), Some(&staff))
        .await;
    assert_eq!(w.status, StatusCode::SEE_OTHER, "{}", w.body);
    let ends: i64 = db::query_scalar(
        "SELECT expires_at FROM vettings v JOIN users u ON u.id = v.user_id WHERE u.email = 'benevole@exemple.fr'",
    )
    .fetch_one(&s.db.read)
    .await
    .unwrap();

    assert_eq!(vetting::sweep_reminders(&s.db, ends - vetting::RENEW_BEFORE - DAY).await.unwrap(), 0, "too early");
    // The renewed one has two checks ending the same day: told once, for the newer.
    assert_eq!(vetting::sweep_reminders(&s.db, ends - vetting::RENEW_BEFORE + DAY).await.unwrap(), 2);
    assert_eq!(vetting::sweep_reminders(&s.db, ends - DAY).await.unwrap(), 0, "once");
    assert_eq!(
        (told("benevole@exemple.fr").await, told("renouvele@exemple.fr").await, told("retire@exemple.fr").await),
        (1, 1, 0)
    );
    let mail: i64 = db::query_scalar(
        "SELECT count(*) FROM outbox WHERE to_email = 'benevole@exemple.fr' AND body LIKE '%prend fin le%'",
    )
    .fetch_one(&s.db.read)
    .await
    .unwrap();
    assert_eq!(mail, 1);
    // A check that ended is not told about.
    signed_up(&s, "tard%40exemple.fr").await;
    vet(&s, "tard@exemple.fr").await;
    assert_eq!(vetting::sweep_reminders(&s.db, ends + DAY).await.unwrap(), 0);
}

/// The categories table the posts refer to holds every category of the code, with its code.
#[tokio::test]
async fn the_categories_table_is_the_code_s_list() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let rows: Vec<(String, i64)> =
        db::query_as("SELECT slug, code FROM categories ORDER BY code").fetch_all(&s.db.read).await.unwrap();
    let mut want: Vec<(String, i64)> = Category::ALL.iter().map(|c| (c.slug().to_owned(), c.code())).collect();
    want.sort_by_key(|w| w.1);
    assert_eq!(rows, want);
    // A post with an unknown category is refused by the database too.
    let bad = db::query(
        "INSERT INTO posts (kind, category, poster_kind, status, title, description, lat, lon, public_lat, \
         public_lon, commune_insee, commune_name, created_at, updated_at, expires_at) \
         VALUES ('request', 'babysitting', 'individual', 'pending', 't', 'd', 48, 7, 48, 7, '68066', 'Colmar', 1, 1, 2)",
    )
    .execute(&s.db.write)
    .await;
    assert!(bad.is_err());
}

/// « Mes données » shows the checks and the request; erasing the account erases them.
#[tokio::test]
async fn an_erased_account_leaves_no_check() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let volunteer = signed_up(&s, "benevole%40exemple.fr").await;
    logged_in_as(&s, "moderatrice@exemple.fr", Role::Moderator).await;
    let (v, staff) = (user(&s, "benevole@exemple.fr").await, user(&s, "moderatrice@exemple.fr").await);
    vetting::ask(&s.db, &v, "Mardi", services::now()).await.unwrap();
    let check = CheckForm {
        identity_seen: "on".into(),
        association: "Club des aînés".into(),
        checked_on: today(),
        checked_by: "Mme Keller".into(),
    }
    .parse(services::now())
    .unwrap();
    vetting::record(&s.db, &staff, v.id, &check, services::now()).await.unwrap();
    vetting::ask(&s.db, &v, "Renouveler", services::now() + 340 * DAY).await.unwrap();
    // « Mes données » holds the check and the request.
    let mine = send(&s, "GET", "/compte/mes-donnees.json", "", Some(&volunteer)).await;
    assert!(mine.body.contains("Club des aînés") && mine.body.contains("Renouveler"), "{}", mine.body);
    let r =
        send(&s, "POST", "/compte/supprimer", "password=le+chat+dort+sur+le+toit&confirm=on", Some(&volunteer)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let left: i64 = db::query_scalar(
        "SELECT (SELECT count(*) FROM vettings WHERE user_id = $1) + (SELECT count(*) FROM vetting_requests WHERE user_id = $1)",
    )
    .bind(v.id)
    .fetch_one(&s.db.read)
    .await
    .unwrap();
    assert_eq!(left, 0);
}

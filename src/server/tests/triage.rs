//! Emergencies recognised before publishing, over HTTP: a distress text shows the numbers
//! before anything is saved (the whole form, the last step of the easy-read form, an edit),
//! going on publishes it flagged, and the moderation queue shows it first, with why.

use axum::http::StatusCode;

use super::{logged_in_as, published_id, send, signed_up, state, PUBLISH};
use crate::domain::user::Role;
use crate::server::db;
use crate::server::state::AppState;

const FALL: &str = "kind=request&category=groceries&title=Courses+pour+ma+m%C3%A8re&description=Elle+est+tomb%C3%A9e+\
dans+la+salle+de+bain+et+n%27arrive+pas+%C3%A0+se+relever.&lifetime_days=30&commune=Colmar+%2868000%29";

async fn posts(s: &AppState) -> Vec<(i64, Option<String>)> {
    db::query_as("SELECT id, urgent_signs FROM posts ORDER BY id").fetch_all(&s.db.read).await.unwrap()
}

#[tokio::test]
async fn a_distress_text_shows_the_numbers_first_then_goes_on_flagged() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let author = signed_up(&s, "claire%40exemple.fr").await;
    // An ordinary post first: nothing shown, published at once (pending), not flagged.
    let ordinary = published_id(&s, &author, PUBLISH).await;

    let r = send(&s, "POST", "/publier", FALL, Some(&author)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Est-ce une urgence"), "the panel");
    for number in ["href=\"tel:15\"", "href=\"tel:112\"", "href=\"sms:114\""] {
        assert!(r.body.contains(number), "{number}");
    }
    assert!(!r.body.contains("tel:3919") && !r.body.contains("tel:3114"), "only the numbers that fit");
    assert!(r.body.contains("La mairie de Colmar"), "the town hall");
    assert!(r.body.contains("Nous avons lu : une chute."), "why");
    assert!(r.body.contains("Elle est tombée dans la salle de bain"), "what was typed is kept");
    assert!(r.body.contains("name=\"urgence_vue\" value=\"1\""), "the way to go on");
    assert_eq!(posts(&s).await.len(), 1, "nothing saved before the person goes on");

    // Going on: published (pending), flagged.
    let id = published_id(&s, &author, &format!("{FALL}&urgence_vue=1")).await;
    assert_eq!(posts(&s).await, vec![(ordinary, None), (id, Some("fall".into()))]);

    // The queue: the urgent post first although it came last, with why.
    let moderator = logged_in_as(&s, "moderatrice@exemple.fr", Role::Moderator).await;
    let q = send(&s, "GET", "/moderation", "", Some(&moderator)).await;
    assert_eq!(q.status, StatusCode::OK);
    let (urgent_at, ordinary_at) =
        (q.body.find("Courses pour ma mère").unwrap(), q.body.find("Courses pour ma voisine").unwrap());
    assert!(urgent_at < ordinary_at, "the urgent post comes first");
    assert!(
        q.body.contains("Signes d&#x27;urgence relevés dans le texte : une chute.")
            || q.body.contains("Signes d'urgence relevés dans le texte : une chute.")
    );
    // The author never sees the flag's wording meant for staff.
    let mine = send(&s, "GET", "/mes-annonces", "", Some(&author)).await;
    assert!(!mine.body.contains("Signes d"));
}

#[tokio::test]
async fn the_last_easy_read_step_and_an_edit_check_too() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let author = signed_up(&s, "claire%40exemple.fr").await;
    // The easy-read form's last step ("confirm") publishes: the numbers first, on that step.
    let steps = format!("{FALL}&etape=confirm").replace("&lifetime_days=30", "");
    let easy = format!("{author}; entraide_lecture=facile");
    let r = send(&s, "POST", "/publier", &steps, Some(&easy)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Est-ce une urgence") && r.body.contains("name=\"etape\" value=\"confirm\""));
    assert!(posts(&s).await.is_empty());
    published_id(&s, &easy, &format!("{steps}&urgence_vue=1")).await;
    assert_eq!(posts(&s).await[0].1.as_deref(), Some("fall"));

    // An edit that brings signs in: the numbers first, then flagged; one that takes them out:
    // no longer flagged.
    let id = published_id(&s, &author, PUBLISH).await;
    let violent = PUBLISH.replace("Une+fois+par+semaine.", "Mon+mari+me+frappe+quand+il+boit.");
    let r = send(&s, "POST", &format!("/mes-annonces/{id}/modifier"), &violent, Some(&author)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("href=\"tel:3919\"") && r.body.contains("href=\"tel:17\""));
    let r =
        send(&s, "POST", &format!("/mes-annonces/{id}/modifier"), &format!("{violent}&urgence_vue=1"), Some(&author))
            .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(posts(&s).await[1], (id, Some("violence".into())));
    let r = send(&s, "POST", &format!("/mes-annonces/{id}/modifier"), PUBLISH, Some(&author)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(posts(&s).await[1], (id, None));
}

#[tokio::test]
async fn a_wrong_form_says_what_is_wrong_before_the_numbers() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let author = signed_up(&s, "claire%40exemple.fr").await;
    let no_commune = FALL.replace("&commune=Colmar+%2868000%29", "&commune=");
    let r = send(&s, "POST", "/publier", &no_commune, Some(&author)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("Indiquez votre commune") && !r.body.contains("Est-ce une urgence"));
}

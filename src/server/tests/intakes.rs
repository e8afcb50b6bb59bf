//! Phone intake over HTTP: who may open the form, file and read "Mes saisies" (anonymous,
//! resident, moderator, admin), a mistake that keeps what was typed, and what the public
//! receives of a request filed for someone — the page, the list's JSON and the open data.

use axum::http::StatusCode;

use super::{logged_in_as, send, signed_up, state};
use crate::domain::user::Role;
use crate::server::db;

const INTAKE: &str = "person_name=Odile+Schmitt&person_phone=03+89+12+34+56&street=12+rue+des+Lilas\
    &call_times=le+matin&share_phone=on&consent=on&kind=request&category=groceries\
    &title=Courses+de+la+semaine&description=Elle+ne+peut+plus+porter+les+sacs.&lifetime_days=14\
    &commune=Colmar&lat=&lon=&private_note=2e+%C3%A9tage";

async fn intakes(s: &crate::server::state::AppState) -> i64 {
    db::query_scalar("SELECT count(*) FROM intakes").fetch_one(&s.db.read).await.unwrap()
}

#[tokio::test]
async fn only_staff_open_file_and_read_intakes() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let resident = signed_up(&s, "voisin%40exemple.fr").await;
    let moderator = logged_in_as(&s, "accueil@departement.fr", Role::Moderator).await;
    let admin = logged_in_as(&s, "admin@departement.fr", Role::Admin).await;
    for (who, cookie, refused) in
        [("anonymous", None, StatusCode::UNAUTHORIZED), ("resident", Some(resident.as_str()), StatusCode::FORBIDDEN)]
    {
        for page in ["/saisie", "/saisies", "/saisies?tous=1"] {
            let r = send(&s, "GET", page, "", cookie).await;
            assert_eq!(r.status, refused, "{who} GET {page}");
            assert!(!r.body.contains("name=\"person_phone\""), "{who} sees the form on {page}");
        }
        let r = send(&s, "GET", "/api/my_intakes?all=false", "", cookie).await;
        assert_eq!(r.status, refused, "{who} reads intakes: {}", r.body);
        let r = send(&s, "POST", "/saisie", INTAKE, cookie).await;
        if cookie.is_none() {
            assert_eq!(r.status, StatusCode::SEE_OTHER);
            assert!(r.location.as_deref().unwrap_or("").starts_with("/connexion"), "{:?}", r.location);
        } else {
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{who} files: {}", r.body);
        }
    }
    assert_eq!(intakes(&s).await, 0, "nothing filed by the public");
    let r = send(&s, "GET", "/saisie", "", Some(&moderator)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("name=\"person_phone\"") && r.body.contains("name=\"consent\""));
    let r = send(&s, "POST", "/saisie", INTAKE, Some(&moderator)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(r.location.as_deref().unwrap_or("").starts_with("/saisies?deposee="), "{:?}", r.location);
    let r = send(&s, "GET", "/saisies", "", Some(&moderator)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Odile Schmitt") && r.body.contains("03 89 12 34 56"));
    // "Toutes les saisies" is for admins.
    assert_eq!(send(&s, "GET", "/saisies?tous=1", "", Some(&moderator)).await.status, StatusCode::FORBIDDEN);
    let r = send(&s, "GET", "/saisies?tous=1", "", Some(&admin)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Odile Schmitt"));
}

#[tokio::test]
async fn a_mistake_keeps_what_was_typed_and_says_what_is_missing() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let moderator = logged_in_as(&s, "accueil@departement.fr", Role::Moderator).await;
    let without_consent =
        INTAKE.replace("&consent=on", "").replace("person_name=Odile+Schmitt", "person_name=%3Cb%3EOdile");
    let r = send(&s, "POST", "/saisie", &without_consent, Some(&moderator)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("Sans l&#x27;accord de la personne") || r.body.contains("Sans l'accord de la personne"));
    assert!(r.body.contains("&lt;b&gt;Odile"), "the name typed comes back, escaped");
    assert!(r.body.contains("12 rue des Lilas") && r.body.contains("Courses de la semaine"));
    assert!(!r.body.contains("<b>Odile"));
    assert_eq!(intakes(&s).await, 0);
}

#[tokio::test]
async fn the_public_receives_the_request_but_never_the_person() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let moderator = logged_in_as(&s, "accueil@departement.fr", Role::Moderator).await;
    let r = send(&s, "POST", "/saisie", INTAKE, Some(&moderator)).await;
    let id: i64 = r.location.unwrap().trim_start_matches("/saisies?deposee=").parse().unwrap();
    let page = send(&s, "GET", &format!("/posts/{id}"), "", None).await;
    assert_eq!(page.status, StatusCode::OK);
    let shown = page.body.replace("<!>", "");
    assert!(shown.contains("<dt>Déposée par</dt><dd>le Département, pour une personne"), "{shown}");
    for uri in [
        format!("/posts/{id}"),
        format!("/api/get_post?id={id}"),
        "/api/list_posts".into(),
        "/api/v1/posts.geojson".into(),
        "/".into(),
    ] {
        let r = send(&s, "GET", &uri, "", None).await;
        assert!(r.body.contains("Courses de la semaine"), "{uri} shows the request");
        for private in ["Schmitt", "03 89 12 34 56", "rue des Lilas", "2e étage", "le matin"] {
            assert!(!r.body.contains(private), "{uri} carries {private:?}");
        }
    }
}

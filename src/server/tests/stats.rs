//! « Pilotage » over HTTP: the page, its JSON twin and the commune map are for staff only;
//! a wrong selection is named in the reader's language and keeps what was typed.

use axum::http::StatusCode;

use super::{logged_in_as, send, signed_up, state};
use crate::domain::stats::{Figures, Shown};
use crate::domain::user::Role;

#[tokio::test]
async fn figures_are_for_staff_only_in_every_form() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let resident = signed_up(&s, "voisin%40exemple.fr").await;
    let moderator = logged_in_as(&s, "chiffres@departement.fr", Role::Moderator).await;
    let admin = logged_in_as(&s, "admin@departement.fr", Role::Admin).await;
    let uris = ["/pilotage", "/api/v1/stats", "/pilotage/carte.svg", "/api/get_stats?from=&to=&commune=&category="];
    for (who, cookie, refused) in
        [("anonymous", None, StatusCode::UNAUTHORIZED), ("resident", Some(resident.as_str()), StatusCode::FORBIDDEN)]
    {
        for uri in uris {
            let r = send(&s, "GET", uri, "", cookie).await;
            assert_eq!(r.status, refused, "{who} {uri}");
            assert!(!r.body.contains("median"), "{who} {uri}: no figure");
        }
    }
    for (who, cookie) in [("moderator", &moderator), ("admin", &admin)] {
        for uri in uris {
            assert_eq!(send(&s, "GET", uri, "", Some(cookie)).await.status, StatusCode::OK, "{who} {uri}");
        }
    }
    let r = send(&s, "GET", "/api/v1/stats?from=2026-01-01&to=2026-12-31", "", Some(&moderator)).await;
    let f: Figures = serde_json::from_str(&r.body).expect("figures as JSON");
    assert_eq!((f.from.as_str(), f.to.as_str(), f.requests), ("2026-01-01", "2026-12-31", Shown::Exact(0)));
    let r = send(&s, "GET", "/pilotage/carte.svg", "", Some(&moderator)).await;
    assert!(r.body.starts_with("<svg") && r.body.matches("<path ").count() == 366, "every commune drawn");
    let r = send(&s, "GET", "/pilotage", "", Some(&moderator)).await;
    for part in ["<h1>Chiffres", "role=\"img\"", "<table class=\"data\"", "/pilotage/carte.svg?", "Cette semaine"] {
        assert!(r.body.contains(part), "the page shows {part}");
    }
}

#[tokio::test]
async fn a_wrong_selection_is_named_and_kept() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let moderator = logged_in_as(&s, "chiffres@departement.fr", Role::Moderator).await;
    let r = send(
        &s,
        "GET",
        "/api/v1/stats?from=2026-02-30&to=&commune=Atlantis&category=..%2F..%2Fetc",
        "",
        Some(&moderator),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let body: serde_json::Value = serde_json::from_str(&r.body).expect("errors as JSON");
    let fields: Vec<&str> = body["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["from", "commune", "category"]);
    assert!(body["errors"][0]["message"].as_str().unwrap().contains("date"), "{}", r.body);
    let backwards = "/api/v1/stats?to=2026-01-01&from=2026-03-01";
    let french = send(&s, "GET", backwards, "", Some(&moderator)).await;
    let english = send(&s, "GET", backwards, "", Some(&format!("{moderator}; entraide_lang=en"))).await;
    assert_eq!((french.status, english.status), (StatusCode::BAD_REQUEST, StatusCode::BAD_REQUEST));
    assert!(english.body.contains("\"field\":\"to\""), "{}", english.body);
    assert_ne!(french.body, english.body, "said in the reader's language");
    // The page: 400, each mistake by its field, what was typed kept.
    let r = send(&s, "GET", "/pilotage?from=2026-02-30&commune=Atlantis", "", Some(&moderator)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("value=\"2026-02-30\"") && r.body.contains("value=\"Atlantis\""), "kept");
    assert!(r.body.contains("aria-invalid=\"true\""));
    // A tab or spaces around a commune are forgiven, as in the form.
    let r = send(&s, "GET", "/api/v1/stats?commune=%09Colmar%20", "", Some(&moderator)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let f: Figures = serde_json::from_str(&r.body).unwrap();
    assert_eq!(f.commune.as_deref(), Some("Colmar"));
}

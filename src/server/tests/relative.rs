//! « Je publie pour un proche » (#18 §2): a post written for someone close says so everywhere it
//! is shown, is kept with the moment the author said that person agreed, and cannot go without
//! it; the answers come to the author; the place stays as private as any.

use axum::http::StatusCode;

use super::{published_id, send, signed_up, state, PUBLISH};
use crate::domain::PostStatus;
use crate::server::db;

#[tokio::test]
async fn a_post_for_someone_close_takes_their_agreement_and_says_so() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let author = signed_up(&s, "claire%40exemple.fr").await;
    // Without the agreement: said next to the box, nothing saved, everything typed kept.
    let r = send(&s, "POST", "/publier", &format!("{PUBLISH}&for_relative=on"), Some(&author)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let body = r.body.replace("&#x27;", "'").replace("&#39;", "'");
    assert!(body.contains("Cochez la case quand la personne aidée est d'accord"), "{body}");
    assert!(body.contains("name=\"for_relative\" checked") && body.contains("Courses pour ma voisine"), "{body}");
    let n: i64 = db::query_scalar("SELECT count(*) FROM posts").fetch_one(&s.db.read).await.unwrap();
    assert_eq!(n, 0);

    let before = crate::server::services::now();
    let id = published_id(&s, &author, &format!("{PUBLISH}&for_relative=on&relative_consent=on")).await;
    let (consent, author_id): (Option<i64>, Option<i64>) =
        db::query_as("SELECT relative_consent_at, author_id FROM posts WHERE id = $1")
            .bind(id)
            .fetch_one(&s.db.read)
            .await
            .unwrap();
    assert!(consent.is_some_and(|at| at >= before && at <= crate::server::services::now()), "the agreement's moment");
    assert!(author_id.is_some(), "the answers come to the person who published");
    crate::server::services::posts::change_status(&s.db, id, PostStatus::Published, crate::server::services::now())
        .await
        .unwrap();

    // The public reads it on the page, the card and the API; never the exact place.
    let (status, _, page) = super::get(&s, &format!("/posts/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Publiée par un proche de la personne aidée, avec son accord."), "{page}");
    assert!(!page.contains("Bâtiment B") && !page.contains("B%C3%A2timent"), "the private note stays private");
    let (_, _, home) = super::get(&s, "/").await;
    assert!(home.contains("Pour un proche"), "the card says so");
    let (_, _, api) = super::get(&s, "/api/v1/posts.geojson").await;
    let v: serde_json::Value = serde_json::from_str(&api).unwrap();
    let f = v["features"].as_array().unwrap().iter().find(|f| f["id"] == id).unwrap().clone();
    assert_eq!(f["properties"]["for_relative"], true);

    // The edit form shows it; unticked, the post is the author's own again.
    let edit = send(&s, "GET", &format!("/mes-annonces/{id}/modifier"), "", Some(&author)).await;
    assert!(edit.body.contains("name=\"for_relative\" checked"), "{}", edit.body);
    let r = send(&s, "POST", &format!("/mes-annonces/{id}/modifier"), PUBLISH, Some(&author)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let consent: Option<i64> = db::query_scalar("SELECT relative_consent_at FROM posts WHERE id = $1")
        .bind(id)
        .fetch_one(&s.db.read)
        .await
        .unwrap();
    assert_eq!(consent, None);
}

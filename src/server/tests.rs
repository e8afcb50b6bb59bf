//! HTTP tests through `router(state)`: status codes, the GeoJSON API, server-rendered pages.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use leptos::prelude::LeptosOptions;
use sqlx::SqlitePool;
use tower::ServiceExt;

use super::communes::Communes;
use super::db::Db;
use super::router;
use super::services::posts::tests::{creation, COLMAR, MULHOUSE};
use super::services::posts::{create, Creation};
use super::state::AppState;
use crate::domain::{Category, PostKind, PostStatus};
use crate::ui::map::TileSettings;

fn state(pool: SqlitePool) -> AppState {
    AppState {
        leptos_options: LeptosOptions::builder().output_name("entraide").build(),
        db: Db::single(pool),
        communes: Arc::new(Communes::haut_rhin().unwrap()),
        tiles: TileSettings { url: "/tiles/{z}/{x}/{y}.png".into(), attribution: "test".into() },
    }
}

/// Posts created now (so they are not expired), returning their ids.
async fn seed(s: &AppState, list: Vec<Creation>) -> Vec<i64> {
    let mut ids = vec![];
    for mut c in list {
        c.created_at = super::services::now() - 600;
        ids.push(create(&s.db, &s.communes, c).await.unwrap());
    }
    ids
}

async fn get(s: &AppState, uri: &str) -> (StatusCode, String, String) {
    let res = router(s.clone()).oneshot(Request::get(uri).body(Body::empty()).unwrap()).await.unwrap();
    let status = res.status();
    let ctype = res.headers().get(header::CONTENT_TYPE).map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
    let body = res.into_body().collect().await.unwrap().to_bytes();
    (status, ctype, String::from_utf8_lossy(&body).into_owned())
}

#[sqlx::test]
async fn healthz_answers_once_migrated(pool: SqlitePool) {
    let s = state(pool);
    let (status, _, body) = get(&s, "/healthz").await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "ok"));
}

#[sqlx::test(migrations = false)]
async fn healthz_refuses_without_schema(pool: SqlitePool) {
    let s = state(pool);
    assert_eq!(get(&s, "/healthz").await.0, StatusCode::SERVICE_UNAVAILABLE);
}

#[sqlx::test]
async fn geojson_returns_public_points_of_published_posts(pool: SqlitePool) {
    let s = state(pool);
    let p = PostStatus::Published;
    seed(
        &s,
        vec![
            creation("Courses à Colmar", PostKind::Request, Category::Groceries, COLMAR, p),
            creation("Transport à Mulhouse", PostKind::Offer, Category::Transport, MULHOUSE, p),
            creation("Pas encore validée", PostKind::Request, Category::Groceries, COLMAR, PostStatus::Pending),
        ],
    )
    .await;
    let (status, ctype, body) = get(&s, "/api/v1/posts.geojson?bbox=6.8,47.4,7.7,48.4").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(ctype, "application/geo+json");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    assert_eq!(v["numberMatched"], 2);
    let features = v["features"].as_array().unwrap();
    assert_eq!(features.len(), 2);
    for f in features {
        assert_eq!(f["type"], "Feature");
        assert_eq!(f["geometry"]["type"], "Point");
        let c = f["geometry"]["coordinates"].as_array().unwrap();
        let (lon, lat) = (c[0].as_f64().unwrap(), c[1].as_f64().unwrap());
        // Never the exact point.
        assert!((lon, lat) != (COLMAR.lon, COLMAR.lat) && (lon, lat) != (MULHOUSE.lon, MULHOUSE.lat));
        let props = &f["properties"];
        for key in ["id", "kind", "category", "poster_kind", "title", "commune", "created_at"] {
            assert!(!props[key].is_null(), "missing {key}");
        }
        assert!(props["created_at"].as_str().unwrap().ends_with('Z'));
    }
    assert!(!body.contains("Pas encore validée"));
    assert!(!body.contains(&COLMAR.lat.to_string()));

    let (_, _, body) = get(&s, "/api/v1/posts.geojson?bbox=6.8,47.4,7.7,48.4&category=transport&kind=offer").await;
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["features"].as_array().unwrap().len(), 1);
    assert_eq!(v["features"][0]["properties"]["category"], "transport");
    assert_eq!(v["features"][0]["properties"]["commune"], "Mulhouse");

    // Without bbox: the whole département.
    let (status, _, body) = get(&s, "/api/v1/posts.geojson").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(serde_json::from_str::<serde_json::Value>(&body).unwrap()["numberMatched"], 2);
}

#[sqlx::test]
async fn geojson_bad_parameters_get_a_clear_400(pool: SqlitePool) {
    let s = state(pool);
    for (query, field) in [
        ("bbox=1,2,3", "bbox"),
        ("bbox=8,47,7,48", "bbox"),
        ("bbox=a,b,c,d", "bbox"),
        ("category=cooking", "category"),
        ("kind=both", "kind"),
        ("sort=random", "sort"),
        ("bbox=%FF%FE", "bbox"),
    ] {
        let (status, ctype, body) = get(&s, &format!("/api/v1/posts.geojson?{query}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query}: {body}");
        assert_eq!(ctype, "application/json");
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["error"], "bad_request");
        assert!(!v["message"].as_str().unwrap().is_empty());
        assert!(
            v["fields"].as_array().unwrap().iter().any(|f| f["field"] == field || f["field"] == "query"),
            "{query}: {body}"
        );
    }
}

#[sqlx::test]
async fn the_home_page_lists_posts_on_the_server(pool: SqlitePool) {
    let s = state(pool);
    let p = PostStatus::Published;
    seed(
        &s,
        vec![
            creation("Courses pour ma voisine", PostKind::Request, Category::Groceries, COLMAR, p),
            creation("Aide en maths <b>3e</b>", PostKind::Request, Category::Homework, MULHOUSE, p),
            creation("Annonce en attente", PostKind::Offer, Category::Diy, COLMAR, PostStatus::Pending),
        ],
    )
    .await;
    let (status, ctype, html) = get(&s, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(ctype.starts_with("text/html"));
    assert!(html.contains("<html lang=\"fr\""));
    assert!(html.contains("Courses pour ma voisine"));
    assert!(html.contains("2 annonces dans cette zone"));
    assert!(!html.contains("Annonce en attente"));
    // User text is escaped.
    assert!(html.contains("Aide en maths &lt;b&gt;3e&lt;/b&gt;"));
    assert!(html.contains("Aller à la liste des annonces"));

    let (_, _, html) = get(&s, "/?category=homework").await;
    assert!(html.contains("Aide en maths"));
    assert!(!html.contains("Courses pour ma voisine"));
    assert!(html.contains("1 annonce dans cette zone"));

    let (_, _, html) = get(&s, "/?category=cooking").await;
    assert!(html.contains("La catégorie « cooking » n'existe pas"));
}

#[sqlx::test]
async fn post_pages_and_real_404s(pool: SqlitePool) {
    let s = state(pool);
    let ids = seed(
        &s,
        vec![
            creation("Promenade au parc", PostKind::Offer, Category::Company, COLMAR, PostStatus::Published),
            creation("Encore en attente", PostKind::Offer, Category::Company, COLMAR, PostStatus::Pending),
        ],
    )
    .await;
    let (status, _, html) = get(&s, &format!("/posts/{}", ids[0])).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Promenade au parc"));
    assert!(html.contains("Colmar"));
    assert!(html.contains("Une description."));
    assert!(!html.contains(&COLMAR.lat.to_string()));

    for uri in [format!("/posts/{}", ids[1]), "/posts/999999".into(), "/posts/abc".into(), "/nowhere".into()] {
        let (status, _, html) = get(&s, &uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        assert!(html.contains("Page introuvable"), "{uri}");
        assert!(!html.contains("Encore en attente"));
    }
}

#[sqlx::test]
async fn the_list_server_function_answers_json(pool: SqlitePool) {
    let s = state(pool);
    seed(&s, vec![creation("Petits travaux", PostKind::Offer, Category::Diy, MULHOUSE, PostStatus::Published)]).await;
    let (status, _, body) = get(&s, "/api/list_posts?category=diy").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["posts"][0]["title"], "Petits travaux");
    assert_eq!(v["posts"][0]["category"], "diy");
    assert_eq!(v["total"], 1);

    let (status, _, body) = get(&s, "/api/list_posts?kind=everything").await;
    assert!(status.is_client_error() || status.is_server_error(), "{status}");
    assert!(body.contains("n'est pas un type d'annonce"), "{body}");
    assert!(!body.to_lowercase().contains("sqlite"));
}

#[tokio::test]
async fn a_failed_migration_stops_the_start_with_a_clear_message() {
    let dir = std::env::temp_dir().join(format!("entraide-migrate-{}", std::process::id()));
    let url = format!("sqlite://{}/x.db", dir.display());
    // First start: the folder and the file are created and migrated.
    let db = super::open_and_migrate(&url).await.unwrap();
    // An applied migration was changed afterwards: the start must refuse.
    sqlx::query("UPDATE _sqlx_migrations SET checksum = x'00'").execute(&db.write).await.unwrap();
    drop(db);
    let err = super::open_and_migrate(&url).await.unwrap_err();
    assert!(err.contains("database migration failed, the server will not start"), "{err}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_command_line_is_well_formed() {
    use clap::CommandFactory;
    super::cli::Cli::command().debug_assert();
    let cli = <super::cli::Cli as clap::Parser>::try_parse_from(["entraide", "seed", "--demo"]).unwrap();
    assert!(matches!(cli.command, Some(super::cli::Command::Seed(super::cli::SeedArgs { demo: true }))));
}

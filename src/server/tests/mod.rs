//! HTTP tests through `router(state)`: status codes, the GeoJSON API, server-rendered pages;
//! and the home page's searches checked against brute force (`search`).

use crate::server::db;

mod accounts;
mod alerts;
mod announcements;
mod assets;
mod buildings;
mod carers;
mod console;
mod conversations;
mod exports;
mod follow_ups;
mod hardening;
mod intakes;
mod languages;
mod layers;
mod map;
mod moderation;
mod notice;
mod observe;
mod page_cache;
mod pages;
mod people;
mod relative;
mod schedule;
mod search;
mod security;
mod stats;
mod territories;
mod triage;
mod vetting;

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
use crate::domain::user::{Role, SignUpForm};
use crate::domain::{Category, PostKind, PostStatus};
use crate::ui::map::TileSettings;

fn state(pool: impl Into<crate::server::db::Pool>) -> AppState {
    state_on(Db::single(pool))
}

/// The test settings over any database (a real file with the app's two pools, for instance).
fn state_on(db: Db) -> AppState {
    AppState {
        leptos_options: LeptosOptions::builder().output_name("entraide").build(),
        db,
        communes: Arc::new(Communes::haut_rhin().unwrap()),
        tiles: TileSettings { url: "/tiles/{z}/{x}/{y}.png".into(), attribution: "test".into() },
        login_throttle: Arc::default(),
        secure_cookies: false,
        report_threshold: 3,
        trusted_proxy: None,
        vetted: Arc::default(),
        bundle: Arc::new(super::assets::Bundle::plain("entraide", "pkg")),
        pages: Arc::default(),
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

/// The status and `Location` (empty when none) of a GET.
async fn router_get(s: &AppState, uri: &str) -> (StatusCode, String) {
    let res = router(s.clone()).oneshot(Request::get(uri).body(Body::empty()).unwrap()).await.unwrap();
    let location = res.headers().get(header::LOCATION).map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
    (res.status(), location)
}

#[tokio::test]
async fn healthz_answers_once_migrated() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let (status, _, body) = get(&s, "/healthz").await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "ok"));
}

#[sqlx::test(migrations = false)]
async fn livez_answers_without_touching_the_database(pool: SqlitePool) {
    let s = state(pool);
    let (status, _, body) = get(&s, "/livez").await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "ok"));
}

#[sqlx::test(migrations = false)]
async fn healthz_refuses_without_schema(pool: SqlitePool) {
    let s = state(pool);
    assert_eq!(get(&s, "/healthz").await.0, StatusCode::SERVICE_UNAVAILABLE);
}

#[tokio::test]
async fn geojson_returns_public_points_of_published_posts() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
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

#[tokio::test]
async fn geojson_bad_parameters_get_a_clear_400() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
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

#[tokio::test]
async fn the_home_page_lists_posts_on_the_server() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
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

#[tokio::test]
async fn post_pages_and_real_404s() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
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

#[tokio::test]
async fn the_list_server_function_answers_json() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    seed(&s, vec![creation("Petits travaux", PostKind::Offer, Category::Diy, MULHOUSE, PostStatus::Published)]).await;
    let (status, _, body) = get(&s, "/api/list_posts?category=diy").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["posts"][0]["title"], "Petits travaux");
    assert_eq!(v["posts"][0]["category"], "diy");
    assert_eq!(v["total"], 1);

    let (status, _, body) = get(&s, "/api/list_posts?kind=everything").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "server fn errors carry their own status");
    // The message travels as its id and arguments; the browser says it in the page's language.
    assert!(body.contains("\"id\":\"filter-kind-unknown\"") && body.contains("everything"), "{body}");
    assert!(!body.to_lowercase().contains("sqlite"));
}

#[tokio::test]
async fn a_failed_migration_stops_the_start_with_a_clear_message() {
    let dir = std::env::temp_dir().join(format!("entraide-migrate-{}", std::process::id()));
    let url = format!("sqlite://{}/x.db", dir.display());
    // First start: the folder and the file are created and migrated.
    let db = super::open_and_migrate(&url).await.unwrap();
    // An applied migration was changed afterwards: the start must refuse.
    db::query("UPDATE _sqlx_migrations SET checksum = x'00'").execute(&db.write).await.unwrap();
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
    assert!(matches!(
        cli.command,
        Some(super::cli::Command::Seed(super::cli::SeedArgs { demo: true, synthetic: None, .. }))
    ));
    let cli = <super::cli::Cli as clap::Parser>::try_parse_from([
        "entraide",
        "user",
        "create",
        "--email",
        "a@b.fr",
        "--name",
        "Agnès",
        "--role",
        "moderator",
        "--password-stdin",
    ])
    .unwrap();
    assert!(matches!(
        cli.command,
        Some(super::cli::Command::User(super::cli::UserCommand::Create { password_stdin: true, .. }))
    ));
    let wrong = <super::cli::Cli as clap::Parser>::try_parse_from([
        "entraide", "user", "create", "--email", "a@b.fr", "--name", "A", "--role", "king",
    ]);
    assert!(wrong.is_err(), "unknown roles are refused by the parser");
    let cli = <super::cli::Cli as clap::Parser>::try_parse_from(["entraide", "moderation", "stats"]).unwrap();
    assert!(matches!(
        cli.command,
        Some(super::cli::Command::Moderation(super::cli::ModerationCommand::Stats { days: 7 }))
    ));
}

// --- Accounts (plain form posts) ---

struct Res {
    status: StatusCode,
    location: Option<String>,
    cookie: Option<String>,
    retry_after: Option<String>,
    /// The request's id (`X-Request-Id`), also the reference of an error page.
    request_id: Option<String>,
    body: String,
}

async fn send(s: &AppState, method: &str, uri: &str, form: &str, cookie: Option<&str>) -> Res {
    let mut req = Request::builder().method(method).uri(uri);
    if method == "POST" {
        req = req.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    }
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    let res = router(s.clone()).oneshot(req.body(Body::from(form.to_owned())).unwrap()).await.unwrap();
    let h = |name: header::HeaderName| res.headers().get(name).map(|v| v.to_str().unwrap().to_owned());
    let (status, location, retry_after) = (res.status(), h(header::LOCATION), h(header::RETRY_AFTER));
    let cookie = h(header::SET_COOKIE);
    let request_id = h(header::HeaderName::from_static(crate::server::observe::REQUEST_ID_HEADER));
    let body = String::from_utf8_lossy(&res.into_body().collect().await.unwrap().to_bytes()).into_owned();
    Res { status, location, cookie, retry_after, request_id, body }
}

fn session_cookie(set_cookie: &str) -> String {
    set_cookie.split(';').next().unwrap().to_owned()
}

pub(super) const SIGN_UP: &str = "display_name=Claire&email=claire%40exemple.fr&poster_kind=individual&organisation=&password=le+chat+dort+sur+le+toit&charter=on";
pub(super) const LOG_IN: &str = "email=claire%40exemple.fr&password=le+chat+dort+sur+le+toit";

#[tokio::test]
async fn sign_up_logs_in_and_the_account_page_shows_it() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let r = send(&s, "POST", "/inscription", SIGN_UP, None).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location.as_deref(), Some("/compte?bienvenue=1"));
    let set = r.cookie.expect("a session cookie");
    assert!(set.contains("HttpOnly") && set.contains("SameSite=Lax"), "{set}");
    assert!(!set.contains("Secure"), "not over https in tests");
    let cookie = session_cookie(&set);

    let page = send(&s, "GET", "/compte?bienvenue=1", "", Some(&cookie)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("claire@exemple.fr") && page.body.contains("Bienvenue"));

    // Logged out: the same cookie no longer opens the account.
    let out = send(&s, "POST", "/deconnexion", "", Some(&cookie)).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    let page = send(&s, "GET", "/compte", "", Some(&cookie)).await;
    assert_eq!(page.status, StatusCode::UNAUTHORIZED);
    assert!(page.body.contains("Connectez-vous pour voir votre compte"));
    assert!(!page.body.contains("claire@exemple.fr"));
}

#[tokio::test]
async fn sign_up_mistakes_are_shown_next_to_the_fields_and_typing_is_kept() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let form = "display_name=Claire&email=claire%40exemple&poster_kind=association&organisation=&password=azertyuiop";
    let r = send(&s, "POST", "/inscription", form, None).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(
        r.body.contains("Cette adresse e-mail n&#x27;est pas valable")
            || r.body.contains("Cette adresse e-mail n'est pas valable"),
        "{}",
        r.body
    );
    assert!(r.body.contains("Indiquez le nom de votre organisation"));
    assert!(r.body.contains("parmi les plus utilisés"));
    assert!(
        r.body.contains("Pour créer un compte, acceptez la charte d&#x27;entraide.")
            || r.body.contains("Pour créer un compte, acceptez la charte d'entraide.")
    );
    // What was typed is kept (but never the password).
    assert!(r.body.contains("value=\"claire@exemple\""));
    assert!(r.body.contains("value=\"Claire\""));
    assert!(!r.body.contains("azertyuiop"));
    assert!(r.body.contains("aria-invalid=\"true\""));
    let users: i64 = db::query_scalar("SELECT count(*) FROM users").fetch_one(&s.db.read).await.unwrap();
    assert_eq!(users, 0);
    // Everything right but the charter: no account, and the rest kept.
    let r = send(&s, "POST", "/inscription", &SIGN_UP.replace("&charter=on", ""), None).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("value=\"claire@exemple.fr\""));
    let users: i64 = db::query_scalar("SELECT count(*) FROM users").fetch_one(&s.db.read).await.unwrap();
    assert_eq!(users, 0);
}

#[tokio::test]
async fn the_charter_accepted_at_sign_up_is_asked_again_once_it_changes() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let r = send(&s, "POST", "/inscription", SIGN_UP, None).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let version: i64 = db::query_scalar("SELECT charter_version FROM users").fetch_one(&s.db.read).await.unwrap();
    assert_eq!(version, 1, "the shipped charter, accepted at sign-up");
    let r = send(&s, "POST", "/connexion", &format!("{LOG_IN}&next=/messages"), None).await;
    assert_eq!(r.location.as_deref(), Some("/messages"), "nothing new to accept");
    // An admin publishes a new charter: the next log-in asks for it first, then goes on.
    let admin = logged_in_as(&s, "admin@departement.fr", Role::Admin).await;
    let r = send(&s, "POST", "/admin/pages/charte", "title=Charte&body=Nouvelle+version.", Some(&admin)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let id: i64 = db::query_scalar("SELECT id FROM page_revisions").fetch_one(&s.db.read).await.unwrap();
    send(&s, "POST", "/admin/pages/charte", &format!("action=publish&id={id}"), Some(&admin)).await;
    let r = send(&s, "POST", "/connexion", &format!("{LOG_IN}&next=/messages"), None).await;
    assert_eq!(r.location.as_deref(), Some("/charte/accepter?next=/messages"));
    let cookie = session_cookie(&r.cookie.unwrap());
    let page = send(&s, "GET", "/charte/accepter?next=/messages", "", Some(&cookie)).await;
    assert!(page.body.contains("Nouvelle version.") && page.body.contains("name=\"next\" value=\"/messages\""));
    // Not ticked: said, and still asked.
    let r = send(&s, "POST", "/charte/accepter", "next=%2Fmessages", Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("acceptez la charte"));
    let r = send(&s, "POST", "/charte/accepter", "next=%2F%2Fevil.example&charter=on", Some(&cookie)).await;
    assert_eq!(r.location.as_deref(), Some("/compte"), "never another site");
    let version: i64 = db::query_scalar("SELECT charter_version FROM users WHERE email = 'claire@exemple.fr'")
        .fetch_one(&s.db.read)
        .await
        .unwrap();
    assert_eq!(version, 2);
    let r = send(&s, "POST", "/connexion", &format!("{LOG_IN}&next=/messages"), None).await;
    assert_eq!(r.location.as_deref(), Some("/messages"));
    assert_eq!(
        send(&s, "POST", "/charte/accepter", "charter=on", None).await.status,
        StatusCode::SEE_OTHER,
        "log in first"
    );
}

#[tokio::test]
async fn log_in_answers_the_same_for_unknown_and_wrong_and_rotates_the_session() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    send(&s, "POST", "/inscription", SIGN_UP, None).await;
    let wrong = send(&s, "POST", "/connexion", "email=claire%40exemple.fr&password=pas+le+bon+mot", None).await;
    let unknown = send(&s, "POST", "/connexion", "email=nobody%40exemple.fr&password=pas+le+bon+mot", None).await;
    assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
    assert_eq!(wrong.status, unknown.status);
    assert!(wrong.body.contains("Adresse e-mail ou mot de passe incorrect."));
    assert!(unknown.body.contains("Adresse e-mail ou mot de passe incorrect."));

    // A session that existed before logging in gets a new id.
    let before = send(&s, "POST", "/connexion", "email=x%40exemple.fr&password=y", None).await;
    let old = before.cookie.map(|c| session_cookie(&c));
    let ok = send(
        &s,
        "POST",
        "/connexion",
        "email=Claire%40exemple.fr&password=le+chat+dort+sur+le+toit&next=%2Fposts%2F1",
        old.as_deref(),
    )
    .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    assert_eq!(ok.location.as_deref(), Some("/posts/1"));
    let new = session_cookie(&ok.cookie.unwrap());
    assert_ne!(Some(new.clone()), old);
    assert_eq!(send(&s, "GET", "/compte", "", Some(&new)).await.status, StatusCode::OK);

    // Never sent to another site afterwards.
    let r = send(
        &s,
        "POST",
        "/connexion",
        "email=claire%40exemple.fr&password=le+chat+dort+sur+le+toit&next=%2F%2Fevil.example",
        None,
    )
    .await;
    assert_eq!(r.location.as_deref(), Some("/compte"));
}

#[tokio::test]
async fn repeated_failures_are_throttled_with_retry_after() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    send(&s, "POST", "/inscription", SIGN_UP, None).await;
    let mut statuses = vec![];
    for _ in 0..6 {
        statuses.push(
            send(&s, "POST", "/connexion", "email=claire%40exemple.fr&password=mauvais+essai", None).await.status,
        );
    }
    assert_eq!(statuses[..5], [StatusCode::BAD_REQUEST; 5]);
    assert_eq!(statuses[5], StatusCode::TOO_MANY_REQUESTS);
    // Even the right password waits now, and is told for how long.
    let r = send(&s, "POST", "/connexion", "email=claire%40exemple.fr&password=le+chat+dort+sur+le+toit", None).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = r.retry_after.unwrap().parse().unwrap();
    assert!((1..=900).contains(&wait));
    assert!(r.body.contains("Trop d&#x27;essais") || r.body.contains("Trop d'essais"), "{}", r.body);
}

#[tokio::test]
async fn account_changes() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let cookie = session_cookie(&send(&s, "POST", "/inscription", SIGN_UP, None).await.cookie.unwrap());
    let r = send(&s, "POST", "/compte", "form=profile&display_name=Claire+M.", Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Votre nom a été changé."));
    assert!(r.body.contains("Claire M."));
    let r = send(
        &s,
        "POST",
        "/compte",
        "form=password&current_password=faux+mot+de+passe&new_password=une+nouvelle+phrase",
        Some(&cookie),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("Le mot de passe actuel est incorrect."));
    // Anonymous: sent to log in.
    let r = send(&s, "POST", "/compte", "form=profile&display_name=Pirate", None).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location.as_deref(), Some("/connexion?next=/compte"));
}

// --- Publishing and "Mes annonces" ---

/// A new account whose address is confirmed through the link of its e-mail; its session cookie.
async fn signed_up(s: &AppState, email: &str) -> String {
    let form = format!(
        "display_name=Claire&email={email}&poster_kind=individual&password=le+chat+dort+sur+le+toit&charter=on"
    );
    let r = send(s, "POST", "/inscription", &form, None).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let cookie = session_cookie(&r.cookie.unwrap());
    let address = email.replace("%40", "@");
    let token = accounts::link_in_mail(s, &address, "/verifier/").await;
    let r = send(s, "POST", &format!("/verifier/{token}"), "", None).await;
    assert_eq!(r.location.as_deref(), Some("/adresse-confirmee"), "{}", r.body);
    cookie
}

pub(super) const PUBLISH: &str = "kind=request&category=groceries&title=Courses+pour+ma+voisine&description=Une+fois+par+semaine.&lifetime_days=30&commune=colmar&private_note=B%C3%A2timent+B";

async fn published_id(s: &AppState, cookie: &str, form: &str) -> i64 {
    let r = send(s, "POST", "/publier", form, Some(cookie)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    r.location.unwrap().rsplit('=').next().unwrap().parse().unwrap()
}

#[tokio::test]
async fn a_new_post_is_pending_and_seen_only_by_its_author() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let author = signed_up(&s, "claire%40exemple.fr").await;
    let id = published_id(&s, &author, PUBLISH).await;
    let (status, author_id, note, commune): (String, Option<i64>, Option<String>, String) =
        db::query_as("SELECT status, author_id, private_note, commune_name FROM posts WHERE id = $1")
            .bind(id)
            .fetch_one(&s.db.read)
            .await
            .unwrap();
    assert_eq!((status.as_str(), note.as_deref(), commune.as_str()), ("pending", Some("Bâtiment B"), "Colmar"));
    assert!(author_id.is_some());

    // The author sees it, pending, in "Mes annonces" and on its page.
    let mine = send(&s, "GET", &format!("/mes-annonces?publiee={id}"), "", Some(&author)).await;
    assert!(mine.body.contains("Courses pour ma voisine") && mine.body.contains("En attente de validation"));
    let page = send(&s, "GET", &format!("/posts/{id}"), "", Some(&author)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("En attente de validation : seule vous voyez cette annonce."));
    // The private note is never on a page.
    assert!(!page.body.contains("Bâtiment B"));

    // Nobody else does: not on the list, the map API, nor by guessing its id.
    let other = signed_up(&s, "autre%40exemple.fr").await;
    for cookie in [None, Some(other.as_str())] {
        assert_eq!(send(&s, "GET", &format!("/posts/{id}"), "", cookie).await.status, StatusCode::NOT_FOUND);
        assert!(!send(&s, "GET", "/", "", cookie).await.body.contains("Courses pour ma voisine"));
        assert!(!send(&s, "GET", "/api/v1/posts.geojson", "", cookie).await.body.contains("Courses pour ma voisine"));
        let api = send(&s, "GET", &format!("/api/get_post?id={id}"), "", cookie).await;
        assert!(!api.status.is_success() && !api.body.contains("Courses pour ma voisine"));
    }
}

#[tokio::test]
async fn publishing_mistakes_keep_the_text_and_escape_it() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let author = signed_up(&s, "claire%40exemple.fr").await;
    let form =
        "kind=offer&category=&title=Aide&description=%3C%2Ftextarea%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E&commune=";
    let r = send(&s, "POST", "/publier", form, Some(&author)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("Choisissez une catégorie."));
    assert!(r.body.contains("Indiquez votre commune"));
    assert!(r.body.contains("value=\"Aide\""));
    assert!(!r.body.contains("<script>alert(1)"), "the description must be escaped inside <textarea>");
    assert!(r.body.contains("&lt;/textarea&gt;&lt;script&gt;alert(1)"));
    let n: i64 = db::query_scalar("SELECT count(*) FROM posts").fetch_one(&s.db.read).await.unwrap();
    assert_eq!(n, 0);

    // A pin outside the département is refused in words.
    let outside = format!("{PUBLISH}&lat=48.5734&lon=7.7521");
    let r = send(&s, "POST", "/publier", &outside, Some(&author)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("en dehors des communes desservies par Entraide"));
}

#[tokio::test]
async fn only_the_author_closes_or_extends_a_post() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let author = signed_up(&s, "claire%40exemple.fr").await;
    let other = signed_up(&s, "autre%40exemple.fr").await;
    let id = published_id(&s, &author, PUBLISH).await;
    let status = |s: AppState| async move {
        db::query_scalar::<String>("SELECT status FROM posts WHERE id = $1")
            .bind(id)
            .fetch_one(&s.db.read)
            .await
            .unwrap()
    };
    let expiry = |s: AppState| async move {
        db::query_scalar::<i64>("SELECT expires_at FROM posts WHERE id = $1")
            .bind(id)
            .fetch_one(&s.db.read)
            .await
            .unwrap()
    };
    let before = expiry(s.clone()).await;

    // The authorization matrix: anonymous and another user, each action: 0 successes.
    let actions = [
        ("/mes-annonces", format!("form=close&id={id}&outcome=closed")),
        ("/mes-annonces", format!("form=close&id={id}&outcome=fulfilled")),
        ("/mes-annonces", format!("form=extend&id={id}&days=90")),
    ];
    let mut successes = 0;
    for cookie in [None, Some(other.as_str())] {
        for (uri, form) in &actions {
            let r = send(&s, "POST", uri, form, cookie).await;
            if r.status.is_success() && r.body.contains("role=\"status\"") {
                successes += 1;
            }
        }
    }
    assert_eq!(successes, 0);
    assert_eq!(status(s.clone()).await, "pending");
    assert_eq!(expiry(s.clone()).await, before);
    let anon = send(&s, "GET", "/api/my_posts", "", None).await;
    assert!(!anon.status.is_success());

    // The author can: a pending post cannot be "réalisée", but it can be extended and withdrawn.
    let r = send(&s, "POST", "/mes-annonces", &format!("form=close&id={id}&outcome=fulfilled"), Some(&author)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = send(&s, "POST", "/mes-annonces", &format!("form=extend&id={id}&days=30"), Some(&author)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("reste en ligne jusqu"));
    let r = send(&s, "POST", "/mes-annonces", &format!("form=close&id={id}&outcome=closed"), Some(&author)).await;
    assert!(r.body.contains("L&#x27;annonce est retirée.") || r.body.contains("L'annonce est retirée."), "{}", r.body);
    assert_eq!(status(s.clone()).await, "closed");
}

#[tokio::test]
async fn expired_posts_leave_the_map_and_show_as_expired_to_their_author() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let author = signed_up(&s, "claire%40exemple.fr").await;
    let id = published_id(&s, &author, PUBLISH).await;
    // Validated, then its time runs out.
    db::query("UPDATE posts SET created_at = created_at - 100, expires_at = created_at - 50 WHERE id = $1")
        .bind(id)
        .execute(&s.db.write)
        .await
        .unwrap();
    super::services::posts::change_status(&s.db, id, PostStatus::Published, 0).await.unwrap();
    assert!(!send(&s, "GET", "/", "", None).await.body.contains("Courses pour ma voisine"));
    assert_eq!(send(&s, "GET", &format!("/posts/{id}"), "", None).await.status, StatusCode::NOT_FOUND);
    let mine = send(&s, "GET", "/mes-annonces", "", Some(&author)).await;
    assert!(mine.body.contains("Expirée"));
    // Extending brings it back.
    send(&s, "POST", "/mes-annonces", &format!("form=extend&id={id}&days=14"), Some(&author)).await;
    assert!(send(&s, "GET", "/", "", None).await.body.contains("Courses pour ma voisine"));
}

#[tokio::test]
async fn editing_sends_a_published_post_back_to_validation_and_only_the_author_may() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let author = signed_up(&s, "claire%40exemple.fr").await;
    let other = signed_up(&s, "autre%40exemple.fr").await;
    let id = published_id(&s, &author, PUBLISH).await;
    super::services::posts::change_status(&s.db, id, PostStatus::Published, 0).await.unwrap();
    let row = |s: AppState| async move {
        db::query_as::<(String, String, f64, String)>(
            "SELECT status, title, lat, commune_name FROM posts WHERE id = $1",
        )
        .bind(id)
        .fetch_one(&s.db.read)
        .await
        .unwrap()
    };
    let (_, _, lat_before, _) = row(s.clone()).await;
    let edit = "kind=request&category=groceries&title=Courses+le+samedi&description=Le+samedi+matin.&commune=Colmar+%2868000%29";

    // Others: no page, no change.
    for cookie in [None, Some(other.as_str())] {
        let page = send(&s, "GET", &format!("/mes-annonces/{id}/modifier"), "", cookie).await;
        assert!(!page.status.is_success());
        assert!(!page.body.contains("Courses pour ma voisine"));
        let r = send(&s, "POST", &format!("/mes-annonces/{id}/modifier"), edit, cookie).await;
        assert_ne!(r.location.as_deref(), Some(format!("/mes-annonces?modifiee={id}").as_str()));
        // The server functions behind the pages refuse too.
        let api = send(&s, "GET", &format!("/api/get_editable_post?id={id}"), "", cookie).await;
        assert!(!api.status.is_success() && !api.body.contains("Courses pour ma voisine"), "{}", api.body);
        let mine = send(&s, "GET", "/api/my_posts", "", cookie).await;
        assert!(!mine.body.contains("Courses pour ma voisine"));
    }
    assert_eq!(row(s.clone()).await.0, "published");

    // The author: the form shows the post as it stands.
    let page = send(&s, "GET", &format!("/mes-annonces/{id}/modifier"), "", Some(&author)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("value=\"Courses pour ma voisine\"") && page.body.contains("Colmar (68000)"));
    let r = send(&s, "POST", &format!("/mes-annonces/{id}/modifier"), edit, Some(&author)).await;
    assert_eq!(r.location.as_deref(), Some(format!("/mes-annonces?modifiee={id}").as_str()), "{}", r.body);
    let (status, title, lat, commune) = row(s.clone()).await;
    assert_eq!((status.as_str(), title.as_str(), commune.as_str()), ("pending", "Courses le samedi", "Colmar"));
    assert_eq!(lat, lat_before, "same commune: the place is kept");
    assert!(!send(&s, "GET", "/", "", None).await.body.contains("Courses le samedi"));

    // Another commune moves it.
    let moved = edit.replace("Colmar+%2868000%29", "68200");
    send(&s, "POST", &format!("/mes-annonces/{id}/modifier"), &moved, Some(&author)).await;
    assert_eq!(row(s.clone()).await.3, "Mulhouse");
}

const STAFF_PASSWORD: &str = "un jardin sous la pluie";

/// An account with `role`, logged in through the log-in form; returns its session cookie.
pub(super) async fn logged_in_as(s: &AppState, email: &str, role: Role) -> String {
    let form = SignUpForm {
        email: email.into(),
        display_name: "Agent".into(),
        poster_kind: "institution".into(),
        organisation: "Département du Haut-Rhin".into(),
        password: STAFF_PASSWORD.into(),
    };
    super::services::accounts::create(&s.db, form.parse().unwrap(), role, super::services::now()).await.unwrap();
    let r = send(s, "POST", "/connexion", &format!("email={email}&password=un+jardin+sous+la+pluie"), None).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    session_cookie(&r.cookie.unwrap())
}

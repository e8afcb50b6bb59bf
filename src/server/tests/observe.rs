//! What the operator sees of a request: its id on the answer and as the error page's reference,
//! one JSON log line without personal data, panics in a page caught, and the metrics.

use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use leptos::prelude::*;
use tower::ServiceExt;

use super::{published_id, send, signed_up, state, PUBLISH};
use crate::server::db;

fn is_request_id(id: &str) -> bool {
    id.len() == 8 && id.chars().all(|c| c.is_ascii_hexdigit())
}

/// The reference an error page gives (`référence 1a2b3c4d`).
fn reference_in(body: &str) -> Option<&str> {
    let start = body.find("référence ")? + "référence ".len();
    body.get(start..start + 8)
}

#[tokio::test]
async fn every_answer_names_its_request_and_an_error_gives_that_id_as_its_reference() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let cookie = signed_up(&s, "claire%40exemple.fr").await;
    let post = published_id(&s, &cookie, PUBLISH).await;
    let mut seen = std::collections::HashSet::new();
    for uri in ["/", "/livez", "/api/v1/posts.geojson", "/pkg/absent.js", &format!("/posts/{post}")] {
        let r = send(&s, "GET", uri, "", Some(&cookie)).await;
        let id = r.request_id.unwrap_or_else(|| panic!("{uri}: no request id"));
        assert!(is_request_id(&id), "{uri}: {id}");
        assert!(seen.insert(id), "one id per request");
    }
    // Reads fail: a page (its data fetched on a task of its own), the public API (a handler),
    // a form post (the session's account cannot be read): the reference is the request's id.
    db::query("ALTER TABLE posts RENAME TO gone_posts").execute(&s.db.write).await.unwrap();
    db::query("ALTER TABLE users RENAME TO gone_users").execute(&s.db.write).await.unwrap();
    let form = format!("form=extend&id={post}&days=30");
    for (method, uri, body) in [
        ("GET", format!("/posts/{post}"), ""),
        ("GET", "/api/v1/posts.geojson".to_owned(), ""),
        ("POST", "/mes-annonces".to_owned(), form.as_str()),
    ] {
        let r = send(&s, method, &uri, body, Some(&cookie)).await;
        let id = r.request_id.clone().unwrap();
        assert_eq!(reference_in(&r.body), Some(id.as_str()), "{method} {uri}: {} {}", r.status, r.body);
    }
}

/// Log lines written while `work` runs on this thread.
async fn logs_of<F: std::future::Future>(work: F) -> (F::Output, Vec<serde_json::Value>, String) {
    #[derive(Clone, Default)]
    struct Buffer(Arc<Mutex<Vec<u8>>>);
    impl std::io::Write for Buffer {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let buffer = Buffer::default();
    let writer = buffer.clone();
    let subscriber =
        crate::server::observe::json_logs(tracing_subscriber::EnvFilter::new("info,sqlx=warn"), move || writer.clone());
    let guard = tracing::subscriber::set_default(subscriber);
    let out = work.await;
    drop(guard);
    let text = String::from_utf8(buffer.0.lock().unwrap().clone()).unwrap();
    let lines = text.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"))).collect();
    (out, lines, text)
}

#[tokio::test]
async fn one_json_line_per_request_with_its_route_and_account_and_nothing_personal() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let cookie = signed_up(&s, "claire%40exemple.fr").await;
    let publish = format!("{PUBLISH}&shared_phone=06+12+34+56+78");
    let post = published_id(&s, &cookie, &publish).await;
    let account: i64 = db::query_scalar("SELECT id FROM users").fetch_one(&s.db.read).await.unwrap();
    let (answers, lines, text) = logs_of(async {
        let page = send(&s, "GET", &format!("/posts/{post}?q=Claire"), "", Some(&cookie)).await;
        let anonymous = send(&s, "GET", "/mot-de-passe/secret-token-123", "", None).await;
        let form = send(&s, "POST", "/connexion", "email=claire%40exemple.fr&password=faux+mot+de+passe", None).await;
        [page, anonymous, form]
    })
    .await;
    let requests: Vec<&serde_json::Value> = lines.iter().filter(|l| l["target"] == "entraide::request").collect();
    assert_eq!(requests.len(), 3, "{text}");
    let expected =
        [("GET", "/posts/{id}", Some(account)), ("GET", "/mot-de-passe/{token}", None), ("POST", "/connexion", None)];
    for ((line, answer), (method, route, account_id)) in requests.iter().zip(&answers).zip(expected) {
        assert_eq!(line["request_id"].as_str(), answer.request_id.as_deref(), "{line}");
        assert_eq!(line["method"], method);
        assert_eq!(line["route"], route);
        assert_eq!(line["status"].as_u64(), Some(u64::from(answer.status.as_u16())));
        assert!(line["duration_ms"].as_f64().is_some_and(|ms| ms >= 0.0), "{line}");
        assert!(line["timestamp"].is_string());
        assert_eq!(line["account_id"].as_i64(), account_id, "{line}");
    }
    // Nothing that names a person, their place, a token, or what they typed.
    for word in
        ["claire", "exemple.fr", "06 12", "0612", "timent", "secret-token", "faux", "q=", &format!("/posts/{post}")]
    {
        assert!(!text.to_lowercase().contains(word), "the logs hold {word:?}: {text}");
    }
}

/// A page that fails in its own code, and one whose data fails on a task of its own.
fn failing_pages() -> axum::Router<crate::server::state::AppState> {
    fn panics_in_view() -> impl IntoView {
        let secret = "SELECT * FROM users";
        view! { <p>{move || -> String { panic!("render failed: {secret}") }}</p> }
    }
    fn panics_in_data() -> impl IntoView {
        let data = Resource::new(
            || (),
            |_| async {
                if true {
                    panic!("data failed: SELECT * FROM posts");
                }
                String::new()
            },
        );
        view! { <Suspense fallback=|| ()>{move || Suspend::new(async move { data.await })}</Suspense> }
    }
    axum::Router::new()
        .route("/panique-page", axum::routing::get(leptos_axum::render_app_async_with_context(|| {}, panics_in_view)))
        .route(
            "/panique-donnees",
            axum::routing::get(leptos_axum::render_app_async_with_context(|| {}, panics_in_data)),
        )
}

#[tokio::test]
async fn a_panic_while_rendering_a_page_gives_the_error_page_with_the_request_id() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let app = crate::server::router_with(s.clone(), failing_pages());
    for uri in ["/panique-page", "/panique-donnees"] {
        let res = tokio::time::timeout(
            std::time::Duration::from_secs(10),
            app.clone().oneshot(Request::get(uri).body(Body::empty()).unwrap()),
        )
        .await
        .unwrap_or_else(|_| panic!("{uri}: no answer"))
        .unwrap();
        assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR, "{uri}");
        let id = res.headers()[crate::server::observe::REQUEST_ID_HEADER].to_str().unwrap().to_owned();
        let body = String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();
        assert_eq!(reference_in(&body), Some(id.as_str()), "{uri}: {body}");
        assert!(!body.contains("SELECT") && !body.contains("failed"), "{body}");
    }
    // And it keeps serving.
    assert_eq!(send(&s, "GET", "/", "", None).await.status, StatusCode::OK);
}

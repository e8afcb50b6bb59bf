//! The map page kept in memory for visitors without an account (`server/page_cache.rs`), on the
//! app's own pools (a file): served again with a nonce of its own, renewed by any visible write,
//! never for a member, nor in another language.

use super::*;
use crate::server::db;

/// Status, page and policy of `GET uri` with these request headers.
async fn page(s: &AppState, uri: &str, headers: &[(&str, &str)]) -> (StatusCode, String, String) {
    let mut req = Request::get(uri);
    for (name, value) in headers {
        req = req.header(*name, *value);
    }
    let res = router(s.clone()).oneshot(req.body(Body::empty()).unwrap()).await.unwrap();
    let status = res.status();
    let csp = res.headers().get(header::CONTENT_SECURITY_POLICY).map(|v| v.to_str().unwrap().to_owned());
    let body = res.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&body).into_owned(), csp.unwrap_or_default())
}

/// The page's nonce, checked against the one its policy allows.
fn nonce(html: &str, csp: &str) -> String {
    let n = crate::server::security::nonce_of(html.as_bytes()).expect("the page has a nonce");
    assert!(csp.contains(&format!("'nonce-{n}'")), "the policy names the page's own nonce: {csp}");
    n
}

async fn on_a_file(name: &str) -> (AppState, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("entraide-pages-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let db = db::connect(&format!("sqlite://{}", dir.join("p.db").display())).await.unwrap();
    db::migrate(&db).await.unwrap();
    (state_on(db), dir)
}

#[tokio::test]
async fn the_map_page_is_served_again_until_something_visible_changes() {
    let (s, dir) = on_a_file("again").await;
    let p = PostStatus::Published;
    seed(&s, vec![creation("Courses pour ma voisine", PostKind::Request, Category::Groceries, COLMAR, p)]).await;

    let (status, first, csp) = page(&s, "/", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(first.contains("Courses pour ma voisine"));
    let n1 = nonce(&first, &csp);
    assert_eq!(s.pages.hits(), 0);

    let (status, again, csp) = page(&s, "/", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(s.pages.hits(), 1, "served from memory");
    let n2 = nonce(&again, &csp);
    assert_ne!(n1, n2, "each answer has a nonce of its own");
    assert_eq!(again.replace(&n2, "N"), first.replace(&n1, "N"), "the same page otherwise");

    // A new public post shows at once.
    seed(&s, vec![creation("Aide en maths", PostKind::Request, Category::Homework, MULHOUSE, p)]).await;
    let (_, after, _) = page(&s, "/", &[]).await;
    assert!(after.contains("Aide en maths"), "a write renews the page");
    assert_eq!(s.pages.hits(), 1);

    // Not for a member, nor in another language, nor at another address.
    let member = format!("{}=abc", crate::server::SESSION_COOKIE);
    page(&s, "/", &[("cookie", &member)]).await;
    let (_, english, _) = page(&s, "/", &[("accept-language", "en")]).await;
    assert!(english.contains("<html lang=\"en\""));
    page(&s, "/?category=homework", &[]).await;
    assert_eq!(s.pages.hits(), 1);
    let (_, english, _) = page(&s, "/", &[("accept-language", "en")]).await;
    assert!(english.contains("<html lang=\"en\"") && s.pages.hits() == 2);
    let (_, french, _) = page(&s, "/", &[]).await;
    assert!(french.contains("<html lang=\"fr\"") && s.pages.hits() == 3);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn requests_in_parallel_each_get_their_own_nonce_and_policy() {
    let (s, dir) = on_a_file("parallel").await;
    page(&s, "/", &[]).await;
    let answers = futures_util::future::join_all((0..24).map(|_| {
        let s = s.clone();
        async move { page(&s, "/", &[]).await }
    }))
    .await;
    let mut seen = std::collections::HashSet::new();
    for (status, html, csp) in &answers {
        assert_eq!(*status, StatusCode::OK);
        assert!(seen.insert(nonce(html, csp)), "a nonce given twice");
    }
    assert!(s.pages.hits() >= 20, "{}", s.pages.hits());
    let _ = std::fs::remove_dir_all(&dir);
}

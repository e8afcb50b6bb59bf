//! The map page kept in memory for visitors without an account (`server/page_cache.rs`), on the
//! app's own pools (a file): served again byte for byte (compressed as asked) under a policy
//! naming its inline scripts' hashes, renewed by any visible write, never for a member, nor in
//! another language.

use super::*;
use crate::server::db;

struct Page {
    status: StatusCode,
    body: Vec<u8>,
    csp: String,
    encoding: Option<String>,
}

/// `GET uri` with these request headers.
async fn page(s: &AppState, uri: &str, headers: &[(&str, &str)]) -> Page {
    let mut req = Request::get(uri);
    for (name, value) in headers {
        req = req.header(*name, *value);
    }
    let res = router(s.clone()).oneshot(req.body(Body::empty()).unwrap()).await.unwrap();
    let h = |name| res.headers().get(name).map(|v: &header::HeaderValue| v.to_str().unwrap().to_owned());
    let (status, csp, encoding) = (res.status(), h(header::CONTENT_SECURITY_POLICY), h(header::CONTENT_ENCODING));
    let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    Page { status, body, csp: csp.unwrap_or_default(), encoding }
}

impl Page {
    fn html(&self) -> String {
        String::from_utf8(self.body.clone()).unwrap()
    }

    /// Whether the policy allows exactly this page's scripts: the page's nonce for a page just
    /// rendered, its inline scripts' hashes (and no nonce) for a page kept.
    fn kept(&self, html: &str) -> bool {
        let nonce = crate::server::security::nonce_of(html.as_bytes()).expect("the page has a nonce");
        if self.csp.contains(&format!("'nonce-{nonce}'")) {
            return false;
        }
        assert!(!self.csp.contains("'nonce-"), "{}", self.csp);
        // One inline script, hashed here on its own: the last of the page.
        let last = html.rsplit("<script").next().unwrap();
        let script = &last[last.find('>').unwrap() + 1..last.find("</script>").unwrap()];
        use base64ct::Encoding as _;
        use sha2::Digest as _;
        let hash = base64ct::Base64::encode_string(&sha2::Sha256::digest(script.as_bytes()));
        assert!(self.csp.contains(&format!("'sha256-{hash}'")), "{}", self.csp);
        true
    }
}

/// The page at `uri` once it is kept (it is kept after its first answer, once compressed).
async fn kept_page(s: &AppState, uri: &str) -> Page {
    for _ in 0..200 {
        let hits = s.pages.hits();
        let p = page(s, uri, &[]).await;
        if s.pages.hits() > hits {
            return p;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("{uri} was never kept");
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

    let first = page(&s, "/", &[]).await;
    assert_eq!(first.status, StatusCode::OK);
    assert!(!first.kept(&first.html()), "rendered, under its nonce");
    assert!(first.html().contains("Courses pour ma voisine"));
    let again = kept_page(&s, "/").await;
    assert!(again.kept(&again.html()));
    assert!(again.html().contains("Courses pour ma voisine"));

    // Compressed as asked, once.
    let br = page(&s, "/", &[("accept-encoding", "gzip, br")]).await;
    assert_eq!(br.encoding.as_deref(), Some("br"));
    let mut plain = vec![];
    brotli::BrotliDecompress(&mut &br.body[..], &mut plain).unwrap();
    assert_eq!(plain, again.body);
    let gz = page(&s, "/", &[("accept-encoding", "gzip")]).await;
    assert_eq!(gz.encoding.as_deref(), Some("gzip"));

    // A new public post shows at once.
    let hits = s.pages.hits();
    seed(&s, vec![creation("Aide en maths", PostKind::Request, Category::Homework, MULHOUSE, p)]).await;
    let after = page(&s, "/", &[]).await;
    assert!(after.html().contains("Aide en maths"), "a write renews the page");
    assert_eq!(s.pages.hits(), hits);

    // Not for a member, nor in another language, nor at another address.
    let member = format!("{}=abc", crate::server::SESSION_COOKIE);
    kept_page(&s, "/").await;
    let hits = s.pages.hits();
    let theirs = page(&s, "/", &[("cookie", &member)]).await;
    assert!(!theirs.kept(&theirs.html()));
    let english = page(&s, "/", &[("accept-language", "en")]).await;
    assert!(english.html().contains("<html lang=\"en\""));
    page(&s, "/?category=homework", &[]).await;
    assert_eq!(s.pages.hits(), hits);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn requests_in_parallel_each_get_a_policy_that_fits_their_page() {
    let (s, dir) = on_a_file("parallel").await;
    kept_page(&s, "/").await;
    let (mut kept, mut rendered) = (0, 0);
    let answers = futures_util::future::join_all((0..24).map(|i| {
        let s = s.clone();
        // Every third one to an address not kept yet.
        async move { page(&s, if i % 3 == 0 { "/?kind=offer" } else { "/" }, &[]).await }
    }))
    .await;
    for a in &answers {
        assert_eq!(a.status, StatusCode::OK);
        if a.kept(&a.html()) {
            kept += 1;
        } else {
            rendered += 1;
        }
    }
    assert!(kept >= 16 && rendered >= 1, "{kept} kept, {rendered} rendered");
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn a_page_only_too_old_is_served_while_one_request_renders_it_again() {
    let (s, dir) = on_a_file("renewed").await;
    let old = kept_page(&s, "/").await;
    s.pages.age(crate::server::page_cache::FRESH);

    // Answered at once with the copy kept, by each of these requests.
    let answers = futures_util::future::join_all((0..8).map(|_| page(&s, "/", &[]))).await;
    for a in &answers {
        assert!(a.kept(&a.html()), "the old copy, not a render");
        assert_eq!(a.body, old.body);
    }
    // Meanwhile one of them rendered it again: a new copy (its own nonce) is kept.
    for _ in 0..200 {
        let now = page(&s, "/", &[]).await;
        if now.body != old.body {
            assert!(now.kept(&now.html()), "the new copy is served from memory");
            let _ = std::fs::remove_dir_all(&dir);
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("the old page was never renewed");
}

#[tokio::test]
async fn a_page_too_old_after_a_write_is_rendered_with_it() {
    let (s, dir) = on_a_file("old-and-written").await;
    kept_page(&s, "/").await;
    s.pages.age(crate::server::page_cache::FRESH);
    let p = PostStatus::Published;
    seed(&s, vec![creation("Aide en maths", PostKind::Request, Category::Homework, MULHOUSE, p)]).await;
    let after = page(&s, "/", &[]).await;
    assert!(!after.kept(&after.html()), "rendered");
    assert!(after.html().contains("Aide en maths"));
    let _ = std::fs::remove_dir_all(&dir);
}

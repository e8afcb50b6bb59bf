//! Static files as a browser gets them: the bundle under its hashed names, sent as the
//! precompressed copy built (never compressed again), kept a year; other files asked again; the
//! page and the service worker naming this build's bundle.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use leptos::prelude::LeptosOptions;
use tower::ServiceExt;

use super::state;
use crate::server::assets::{Bundle, IMMUTABLE, REVALIDATE};
use crate::server::router;
use crate::server::state::AppState;

const HASHES: &str = "js: Js0hash_-1\nwasm: Wasm0hash\ncss: Css0hash\n";

/// A site folder holding a hashed bundle (with brotli and gzip copies that differ from what
/// compressing on the fly would give) and one unhashed file; the state serving it.
fn site(pool: crate::server::db::Pool, dir: &std::path::Path) -> AppState {
    let bundle = Bundle::from_hash_file(HASHES, "entraide", "pkg").unwrap();
    std::fs::create_dir_all(dir.join("pkg")).unwrap();
    for name in [&bundle.js, &bundle.wasm, &bundle.css] {
        let file = dir.join(name.trim_start_matches('/'));
        std::fs::write(&file, "x".repeat(4000)).unwrap();
        std::fs::write(format!("{}.br", file.display()), "BROTLI AS BUILT").unwrap();
        std::fs::write(format!("{}.gz", file.display()), "GZIP AS BUILT").unwrap();
    }
    std::fs::write(dir.join("manifest.webmanifest"), "{}").unwrap();
    bundle.check_site(dir).unwrap();
    let mut s = state(pool);
    s.leptos_options = LeptosOptions::builder().output_name("entraide").site_root(dir.display().to_string()).build();
    s.bundle = Arc::new(bundle);
    s
}

async fn get(s: &AppState, path: &str, encodings: &str) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let req = Request::get(path).header(header::ACCEPT_ENCODING, encodings).body(Body::empty()).unwrap();
    let res = router(s.clone()).oneshot(req).await.unwrap();
    let (status, headers) = (res.status(), res.headers().clone());
    (status, headers, res.into_body().collect().await.unwrap().to_bytes().to_vec())
}

#[tokio::test]
async fn the_bundle_is_sent_as_built_and_kept_a_year() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let dir = std::env::temp_dir().join(format!("entraide-site-{}", std::process::id()));
    let s = site(pool, &dir);
    let b = s.bundle.clone();
    for file in [&b.js, &b.wasm, &b.css] {
        let (status, h, body) = get(&s, file, "gzip, deflate, br, zstd").await;
        assert_eq!(status, StatusCode::OK, "{file}");
        assert_eq!(h[header::CONTENT_ENCODING], "br", "{file}");
        assert_eq!(body, b"BROTLI AS BUILT", "{file}: compressed again instead of the file built");
        assert_eq!(h[header::CACHE_CONTROL], IMMUTABLE, "{file}");
        assert_eq!(h[header::VARY], "accept-encoding", "{file}");
        // A browser without brotli gets the gzip copy.
        let (_, h, body) = get(&s, file, "gzip").await;
        assert_eq!((h[header::CONTENT_ENCODING].to_str().unwrap(), body.as_slice()), ("gzip", &b"GZIP AS BUILT"[..]));
    }
    // Anything else is asked again; a file that is not there is not cached.
    let (status, h, _) = get(&s, "/manifest.webmanifest", "br").await;
    assert_eq!((status, h[header::CACHE_CONTROL].to_str().unwrap()), (StatusCode::OK, REVALIDATE));
    let (status, h, _) = get(&s, "/pkg/entraide.Nothere0.wasm", "br").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(h.get(header::CACHE_CONTROL).is_none_or(|v| v != IMMUTABLE));

    // The page names this build's stylesheet; the service worker precaches its three files.
    let (_, _, page) = get(&s, "/connexion", "identity").await;
    let page = String::from_utf8(page).unwrap();
    assert!(page.contains(&format!("<link rel=\"stylesheet\" id=\"leptos\" href=\"{}\"", b.css)), "{page}");
    let (status, h, worker) = get(&s, "/sw.js", "identity").await;
    let worker = String::from_utf8(worker).unwrap();
    assert_eq!((status, h[header::CACHE_CONTROL].to_str().unwrap()), (StatusCode::OK, "no-cache"));
    assert!(h[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/javascript"));
    for file in [&b.js, &b.wasm, &b.css] {
        assert!(worker.contains(&format!("'{file}'")), "{file} not precached");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn the_page_names_and_preloads_the_catalogue_of_its_language() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    use crate::i18n::Lang;
    use crate::server::catalogues;
    let s = state(pool);
    for (cookie, lang) in [("entraide_lang=fr", Lang::Fr), ("entraide_lang=en", Lang::En)] {
        let req = Request::get("/connexion").header(header::COOKIE, cookie).body(Body::empty()).unwrap();
        let res = router(s.clone()).oneshot(req).await.unwrap();
        let page = String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();
        let address = catalogues::path(lang);
        let link =
            format!("<link rel=\"preload\" id=\"i18n\" href=\"{address}\" as=\"fetch\" crossorigin=\"anonymous\">");
        assert!(page.contains(&link), "{lang:?}: no {link} in {page}");
        assert_eq!(page.matches("/i18n/").count(), 1, "{lang:?}: one catalogue only");
        // Served as named, with the words the server rendered with.
        let (status, h, body) = get(&s, &address, "identity").await;
        assert_eq!((status, h[header::CACHE_CONTROL].to_str().unwrap()), (StatusCode::OK, IMMUTABLE));
        assert_eq!(body, lang.catalogue().as_bytes());
    }
}

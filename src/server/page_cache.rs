//! The map page as people without an account get it, kept in memory: rendering it costs about
//! a hundred times more than answering a request (`make bench`, G3), and the same few addresses
//! (`/`, a category, a town) are what most first visits open.
//!
//! A kept page is served again only
//! - to a request of the same address, language and reading mode, carrying no session cookie
//!   (a member's page is always rendered: it shows their name, badges and drafts);
//! - while nothing visitors may see has been written (`db::changes`: a post approved, closed,
//!   hidden or edited shows at once), and for `FRESH` at most (what time alone changes: a post
//!   that has just expired, "2 min ago");
//! - with a nonce of its own: the kept page's nonce is replaced by a new one, so that the policy
//!   of each answer (`security::headers`) still names a value nobody saw before.
//!
//! At most `ENTRIES` pages are kept (any address can be asked: the oldest goes first).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use argon2::password_hash::rand_core::{OsRng, RngCore};
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use base64ct::{Base64UrlUnpadded, Encoding};

use crate::server::state::AppState;

/// How long a kept page may be served when nothing has been written.
pub const FRESH: Duration = Duration::from_secs(5);
/// How many pages are kept at most (each about 60 KB).
const ENTRIES: usize = 128;
/// The largest page kept.
const LARGEST: usize = 1024 * 1024;

/// What a kept page is served for.
#[derive(Clone, Debug, Hash, PartialEq, Eq)]
struct Key {
    /// The path and query, as asked.
    address: String,
    /// The language and reading mode (`server/locale.rs`).
    locale: crate::i18n::Locale,
}

struct Kept {
    /// The count of changes (`db::changes`) when its render began.
    changes: u64,
    at: Instant,
    headers: HeaderMap,
    body: Bytes,
    /// The nonce the page was rendered with, replaced in every answer.
    nonce: Option<String>,
}

/// The pages kept, shared by every request of the server.
#[derive(Default)]
pub struct PageCache {
    kept: Mutex<HashMap<Key, Kept>>,
    hits: std::sync::atomic::AtomicU64,
}

impl std::fmt::Debug for PageCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PageCache").field("hits", &self.hits()).finish_non_exhaustive()
    }
}

impl PageCache {
    /// How many answers came from a kept page.
    pub fn hits(&self) -> u64 {
        self.hits.load(std::sync::atomic::Ordering::Relaxed)
    }

    fn get(&self, key: &Key, changes: u64, now: Instant) -> Option<(HeaderMap, Bytes, Option<String>)> {
        let kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        let k = kept.get(key).filter(|k| k.changes == changes && now.duration_since(k.at) < FRESH)?;
        self.hits.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Some((k.headers.clone(), k.body.clone(), k.nonce.clone()))
    }

    fn keep(&self, key: Key, page: Kept) {
        let mut kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        if kept.len() >= ENTRIES && !kept.contains_key(&key) {
            let now = page.at;
            kept.retain(|_, k| k.changes == page.changes && now.duration_since(k.at) < FRESH);
            if kept.len() >= ENTRIES {
                if let Some(oldest) = kept.iter().min_by_key(|(_, k)| k.at).map(|(key, _)| key.clone()) {
                    kept.remove(&oldest);
                }
            }
        }
        kept.insert(key, page);
    }
}

/// The key of a request whose page may be kept: a plain `GET /` (with any query) without a
/// session cookie.
fn key_of(req: &Request) -> Option<Key> {
    if req.method() != Method::GET || req.uri().path() != "/" {
        return None;
    }
    let member = req
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .any(|c| c.to_str().map_or(true, |c| c.contains(crate::server::SESSION_COOKIE)));
    if member {
        return None;
    }
    let address = req.uri().path_and_query().map_or("/", |p| p.as_str()).to_owned();
    Some(Key { address, locale: crate::server::locale::locale_of(req.headers()) })
}

/// Serves the map page from memory when it may (see the module), and keeps what it renders.
pub async fn serve(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let (Some(changes), Some(key)) = (state.db.changes.clone(), key_of(&req)) else {
        return next.run(req).await;
    };
    let before = changes.now();
    if let Some((headers, body, nonce)) = state.pages.get(&key, before, Instant::now()) {
        let body = match nonce {
            Some(old) => Bytes::from(replace(&body, old.as_bytes(), new_nonce().as_bytes())),
            None => body,
        };
        let mut res = Response::new(Body::from(body));
        *res.headers_mut() = headers;
        return res;
    }
    let res = next.run(req).await;
    let keepable = res.status() == StatusCode::OK
        && !res.headers().contains_key(header::SET_COOKIE)
        && res.headers().get(header::CONTENT_TYPE).is_some_and(|t| t.as_bytes().starts_with(b"text/html"));
    if !keepable {
        return res;
    }
    let (parts, body) = res.into_parts();
    let body = match axum::body::to_bytes(body, LARGEST).await {
        Ok(b) => b,
        // Too large to keep, or the render failed midway: answered as the layers outside would.
        Err(e) => {
            tracing::error!("page body: {e}");
            return Response::builder()
                .status(StatusCode::INTERNAL_SERVER_ERROR)
                .body(Body::empty())
                .unwrap_or_default();
        }
    };
    // A write during the render may or may not be in it: not kept.
    if changes.now() == before {
        let nonce = crate::server::security::nonce_of(&body);
        let page =
            Kept { changes: before, at: Instant::now(), headers: parts.headers.clone(), body: body.clone(), nonce };
        state.pages.keep(key, page);
    }
    Response::from_parts(parts, Body::from(body))
}

/// A nonce as Leptos makes them: 16 random bytes, base64url.
fn new_nonce() -> String {
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    Base64UrlUnpadded::encode_string(&bytes)
}

/// `body` with every `old` replaced by `new`.
fn replace(body: &[u8], old: &[u8], new: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() + 64);
    let mut rest = body;
    while let Some(at) = memchr::memmem::find(rest, old) {
        out.extend_from_slice(&rest[..at]);
        out.extend_from_slice(new);
        rest = &rest[at + old.len()..];
    }
    out.extend_from_slice(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(changes: u64, at: Instant) -> Kept {
        Kept { changes, at, headers: HeaderMap::new(), body: Bytes::from_static(b"<p>x</p>"), nonce: None }
    }

    fn key(address: &str) -> Key {
        Key { address: address.into(), locale: Default::default() }
    }

    #[test]
    fn a_kept_page_is_served_only_while_nothing_changed_and_for_a_few_seconds() {
        let cache = PageCache::default();
        let t = Instant::now();
        cache.keep(key("/"), page(3, t));
        assert!(cache.get(&key("/"), 3, t + Duration::from_secs(1)).is_some());
        assert!(cache.get(&key("/"), 4, t + Duration::from_secs(1)).is_none(), "a write since");
        assert!(cache.get(&key("/"), 3, t + FRESH).is_none(), "too old");
        assert!(cache.get(&key("/?category=groceries"), 3, t).is_none(), "another address");
        let english = Key { locale: crate::i18n::Locale { lang: crate::i18n::Lang::En, easy: false }, ..key("/") };
        assert!(cache.get(&english, 3, t).is_none(), "another language");
        assert_eq!(cache.hits(), 1);
    }

    #[test]
    fn no_more_than_so_many_pages_are_kept_the_oldest_going_first() {
        let cache = PageCache::default();
        let t = Instant::now();
        for i in 0..ENTRIES + 10 {
            cache.keep(key(&format!("/?q={i}")), page(1, t + Duration::from_millis(i as u64)));
        }
        let later = t + Duration::from_millis(ENTRIES as u64 + 10);
        assert_eq!(cache.kept.lock().unwrap().len(), ENTRIES);
        assert!(cache.get(&key("/?q=0"), 1, later).is_none());
        assert!(cache.get(&key(&format!("/?q={}", ENTRIES + 9)), 1, later).is_some());
    }

    #[test]
    fn every_nonce_of_the_page_is_replaced() {
        let out = replace(b"<script nonce=\"AAA\"></script><link crossorigin=\"AAA\">", b"AAA", b"BBBB");
        assert_eq!(out, b"<script nonce=\"BBBB\"></script><link crossorigin=\"BBBB\">");
        assert_eq!(new_nonce().len(), 22);
        assert_ne!(new_nonce(), new_nonce());
    }
}

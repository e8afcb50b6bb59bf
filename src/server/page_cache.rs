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
//! - byte for byte, compressed once (brotli, gzip) rather than for every answer: its policy
//!   allows its inline scripts by their SHA-256 (`security::page_csp_hashed`), not by the nonce
//!   of the answer it was rendered for, which grants nothing any more.
//!
//! A page is kept the second time its address is asked within `FRESH` (an address asked once,
//! such as a shared link to a place, costs no compression), once compressed on a blocking thread
//! after that answer has left. At most `ENTRIES` pages are kept (any address can be asked: the
//! oldest goes first).
//!
//! When a kept page is only too old (nothing written since), one request renders it again in the
//! background while it and the others are still answered with the kept copy, for `RENEWING` at
//! most: before, every request arriving until the new copy was kept rendered the page itself
//! (thousands a second at full load, each 100 times dearer than an answer from memory), which
//! made the tail of every 5 s (`make bench`, G3's p99). After a visible write, requests render.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use base64ct::{Base64, Encoding as _};
use sha2::{Digest, Sha256};

use crate::server::state::AppState;

/// How long a kept page may be served when nothing has been written.
pub const FRESH: Duration = Duration::from_secs(5);
/// How long past `FRESH` a kept page is still served while one request renders it again.
const RENEWING: Duration = Duration::from_secs(5);
/// After this, a renewal that has not ended (a render that failed or hung) is tried again.
const RENEWAL_GIVEN_UP: Duration = Duration::from_secs(2);
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
    /// The render's headers, with the policy allowing its inline scripts.
    headers: HeaderMap,
    plain: Bytes,
    brotli: Bytes,
    gzip: Bytes,
}

/// How a kept page is sent, by what the request accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Encoding {
    Brotli,
    Gzip,
    Plain,
}

impl Encoding {
    /// Brotli if accepted, else gzip, else as it is (`q=0` refuses one).
    pub(crate) fn accepted(headers: &HeaderMap) -> Self {
        let items = || {
            headers.get_all(header::ACCEPT_ENCODING).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(','))
        };
        let accepts = |name: &str| {
            items().any(|item| {
                let mut parts = item.split(';').map(str::trim);
                let named = parts.next().is_some_and(|n| n.eq_ignore_ascii_case(name));
                let refused = parts
                    .any(|p| p.strip_prefix("q=").is_some_and(|q| q.trim().parse::<f32>().map_or(true, |q| q <= 0.0)));
                named && !refused
            })
        };
        if accepts("br") {
            Encoding::Brotli
        } else if accepts("gzip") {
            Encoding::Gzip
        } else {
            Encoding::Plain
        }
    }
}

/// The pages kept, shared by every request of the server.
#[derive(Default)]
pub struct PageCache {
    kept: Mutex<HashMap<Key, Kept>>,
    /// The addresses rendered once lately, and when.
    asked: Mutex<HashMap<Key, Instant>>,
    /// The addresses being rendered again in the background, since when.
    renewing: Mutex<HashMap<Key, Instant>>,
    hits: std::sync::atomic::AtomicU64,
}

/// What the cache holds for a request.
enum Found {
    /// A copy within `FRESH`.
    Fresh(Response),
    /// A copy too old by time alone, within `RENEWING`: served while it is rendered again.
    Old(Response),
    Nothing,
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

    fn find(&self, key: &Key, changes: u64, now: Instant, encoding: Encoding) -> Found {
        let kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        let Some(k) = kept.get(key).filter(|k| k.changes == changes) else { return Found::Nothing };
        let age = now.duration_since(k.at);
        if age >= FRESH + RENEWING {
            return Found::Nothing;
        }
        self.hits.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let (body, name) = match encoding {
            Encoding::Brotli => (k.brotli.clone(), Some("br")),
            Encoding::Gzip => (k.gzip.clone(), Some("gzip")),
            Encoding::Plain => (k.plain.clone(), None),
        };
        let mut res = Response::new(Body::from(body));
        *res.headers_mut() = k.headers.clone();
        if let Some(name) = name {
            res.headers_mut().insert(header::CONTENT_ENCODING, HeaderValue::from_static(name));
        }
        res.headers_mut().insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        if age < FRESH {
            Found::Fresh(res)
        } else {
            Found::Old(res)
        }
    }

    /// Whether this request is to render `key` again (none is doing it already).
    fn start_renewal(&self, key: &Key, now: Instant) -> bool {
        let mut renewing = self.renewing.lock().unwrap_or_else(|e| e.into_inner());
        if renewing.get(key).is_some_and(|since| now.duration_since(*since) < RENEWAL_GIVEN_UP) {
            return false;
        }
        renewing.retain(|_, since| now.duration_since(*since) < RENEWAL_GIVEN_UP);
        renewing.insert(key.clone(), now);
        true
    }

    fn end_renewal(&self, key: &Key) {
        self.renewing.lock().unwrap_or_else(|e| e.into_inner()).remove(key);
    }

    /// Makes every kept page older by `by` (the tests' clock).
    #[cfg(test)]
    pub(crate) fn age(&self, by: Duration) {
        for page in self.kept.lock().unwrap().values_mut() {
            page.at -= by;
        }
    }

    /// Whether `key` was asked already within `FRESH` (and it is noted as asked now).
    fn asked_again(&self, key: &Key, now: Instant) -> bool {
        let mut asked = self.asked.lock().unwrap_or_else(|e| e.into_inner());
        if asked.len() >= 4 * ENTRIES && !asked.contains_key(key) {
            asked.retain(|_, at| now.duration_since(*at) < FRESH);
            if asked.len() >= 4 * ENTRIES {
                asked.clear();
            }
        }
        asked.insert(key.clone(), now).is_some_and(|before| now.duration_since(before) < FRESH)
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
    let now = Instant::now();
    match state.pages.find(&key, before, now, Encoding::accepted(req.headers())) {
        Found::Fresh(res) => return res,
        Found::Old(res) => {
            if state.pages.start_renewal(&key, now) {
                tokio::spawn(renew(state.clone(), key, before, next.run(req)));
            }
            return res;
        }
        Found::Nothing => {}
    }
    let (parts, body) = match whole(next.run(req).await).await {
        Ok(page) => page,
        Err(res) => return res,
    };
    // A write during the render may or may not be in it: not kept.
    if changes.now() == before && state.pages.asked_again(&key, Instant::now()) {
        let (pages, headers, plain) = (state.pages.clone(), parts.headers.clone(), body.clone());
        let tiles = state.tiles.url.clone();
        tokio::task::spawn_blocking(move || {
            if let Some(page) = kept(before, headers, plain, &tiles) {
                pages.keep(key, page);
            }
        });
    }
    Response::from_parts(parts, Body::from(body))
}

/// Renders `key` again for a request already answered with the old copy, and keeps it.
async fn renew(state: AppState, key: Key, before: u64, render: impl std::future::Future<Output = Response>) {
    if let Ok((parts, body)) = whole(render.await).await {
        if state.db.changes.as_ref().is_some_and(|c| c.now() == before) {
            let (pages, tiles, k) = (state.pages.clone(), state.tiles.url.clone(), key.clone());
            let _ = tokio::task::spawn_blocking(move || {
                if let Some(page) = kept(before, parts.headers, body, &tiles) {
                    pages.keep(k, page);
                }
            })
            .await;
        }
    }
    state.pages.end_renewal(&key);
}

/// An answer that may be kept, its body read whole; any other answer, to send as it is.
async fn whole(res: Response) -> Result<(axum::http::response::Parts, Bytes), Response> {
    let keepable = res.status() == StatusCode::OK
        && !res.headers().contains_key(header::SET_COOKIE)
        && res.headers().get(header::CONTENT_TYPE).is_some_and(|t| t.as_bytes().starts_with(b"text/html"));
    if !keepable {
        return Err(res);
    }
    let (parts, body) = res.into_parts();
    match axum::body::to_bytes(body, LARGEST).await {
        Ok(body) => Ok((parts, body)),
        // Too large to keep, or the render failed midway: answered as the layers outside would.
        Err(e) => {
            tracing::error!("page body: {e}");
            Err(Response::builder().status(StatusCode::INTERNAL_SERVER_ERROR).body(Body::empty()).unwrap_or_default())
        }
    }
}

/// The page to keep: compressed, with the policy of its inline scripts (none if it cannot be
/// compressed).
fn kept(changes: u64, mut headers: HeaderMap, plain: Bytes, tile_url: &str) -> Option<Kept> {
    let policy = crate::server::security::page_csp_hashed(&inline_script_hashes(&plain), tile_url);
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_str(&policy).ok()?);
    headers.remove(header::CONTENT_LENGTH);
    let mut brotli = Vec::with_capacity(plain.len() / 4);
    let params = brotli::enc::BrotliEncoderParams { quality: 6, lgwin: 20, ..Default::default() };
    brotli::BrotliCompress(&mut &plain[..], &mut brotli, &params).ok()?;
    let mut gzip = flate2::write::GzEncoder::new(Vec::with_capacity(plain.len() / 3), flate2::Compression::new(6));
    std::io::Write::write_all(&mut gzip, &plain).ok()?;
    let gzip = gzip.finish().ok()?;
    Some(Kept { changes, at: Instant::now(), headers, plain, brotli: brotli.into(), gzip: gzip.into() })
}

/// The SHA-256 (base64) of each inline script of `html` (a `<script>` without `src`), as a
/// policy names them.
fn inline_script_hashes(html: &[u8]) -> Vec<String> {
    let mut hashes = vec![];
    let mut rest = html;
    while let Some(at) = memchr::memmem::find(rest, b"<script") {
        rest = &rest[at + 7..];
        let Some(end_of_tag) = memchr::memchr(b'>', rest) else { break };
        let tag = &rest[..end_of_tag];
        rest = &rest[end_of_tag + 1..];
        let Some(close) = memchr::memmem::find(rest, b"</script") else { break };
        if memchr::memmem::find(tag, b" src=").is_none() {
            hashes.push(Base64::encode_string(&Sha256::digest(&rest[..close])));
        }
        rest = &rest[close..];
    }
    hashes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(changes: u64, at: Instant) -> Kept {
        let plain = Bytes::from_static(b"<p>x</p>");
        Kept { changes, at, headers: HeaderMap::new(), brotli: plain.clone(), gzip: plain.clone(), plain }
    }

    fn key(address: &str) -> Key {
        Key { address: address.into(), locale: Default::default() }
    }

    /// What `find` found: "fresh", "old" or "nothing".
    fn found(cache: &PageCache, key: &Key, changes: u64, now: Instant) -> &'static str {
        match cache.find(key, changes, now, Encoding::Plain) {
            Found::Fresh(_) => "fresh",
            Found::Old(_) => "old",
            Found::Nothing => "nothing",
        }
    }

    #[test]
    fn a_kept_page_is_served_only_while_nothing_changed_and_for_a_few_seconds() {
        let cache = PageCache::default();
        let t = Instant::now();
        cache.keep(key("/"), page(3, t));
        assert_eq!(found(&cache, &key("/"), 3, t + Duration::from_secs(1)), "fresh");
        assert_eq!(found(&cache, &key("/"), 4, t + Duration::from_secs(1)), "nothing", "a write since");
        assert_eq!(found(&cache, &key("/"), 3, t + FRESH), "old", "too old, served while renewed");
        assert_eq!(found(&cache, &key("/"), 4, t + FRESH), "nothing", "old, and a write since");
        assert_eq!(found(&cache, &key("/"), 3, t + FRESH + RENEWING), "nothing", "far too old");
        assert_eq!(found(&cache, &key("/?category=groceries"), 3, t), "nothing", "another address");
        let english = Key { locale: crate::i18n::Locale { lang: crate::i18n::Lang::En, easy: false }, ..key("/") };
        assert_eq!(found(&cache, &english, 3, t), "nothing", "another language");
        assert_eq!(cache.hits(), 2);
    }

    #[test]
    fn one_request_at_a_time_renews_an_old_page_and_a_stuck_renewal_is_tried_again() {
        let cache = PageCache::default();
        let t = Instant::now();
        assert!(cache.start_renewal(&key("/"), t));
        assert!(!cache.start_renewal(&key("/"), t + Duration::from_millis(500)), "one is under way");
        assert!(cache.start_renewal(&key("/?q=other"), t), "another address");
        cache.end_renewal(&key("/"));
        assert!(cache.start_renewal(&key("/"), t + Duration::from_millis(600)), "the last one ended");
        assert!(cache.start_renewal(&key("/"), t + Duration::from_millis(600) + RENEWAL_GIVEN_UP), "given up");
        assert!(cache.renewing.lock().unwrap().len() == 1, "the stuck ones are forgotten");
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
        assert_eq!(found(&cache, &key("/?q=0"), 1, later), "nothing");
        assert_eq!(found(&cache, &key(&format!("/?q={}", ENTRIES + 9)), 1, later), "fresh");
    }

    #[test]
    fn an_address_is_kept_only_when_asked_again_soon() {
        let cache = PageCache::default();
        let t = Instant::now();
        assert!(!cache.asked_again(&key("/?a"), t));
        assert!(cache.asked_again(&key("/?a"), t + Duration::from_secs(1)));
        assert!(!cache.asked_again(&key("/?b"), t + Duration::from_secs(1)));
        assert!(!cache.asked_again(&key("/?b"), t + Duration::from_secs(1) + FRESH), "too long after");
        for i in 0..10 * ENTRIES {
            cache.asked_again(&key(&format!("/?q={i}")), t);
        }
        assert!(cache.asked.lock().unwrap().len() <= 4 * ENTRIES);
    }

    #[test]
    fn the_encoding_is_the_best_the_request_accepts() {
        let of = |v: &str| {
            let mut h = HeaderMap::new();
            h.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(v).unwrap());
            Encoding::accepted(&h)
        };
        assert_eq!(of("gzip, deflate, br, zstd"), Encoding::Brotli);
        assert_eq!(of("gzip"), Encoding::Gzip);
        assert_eq!(of("br;q=0, gzip;q=0.8"), Encoding::Gzip);
        assert_eq!(of("BR ; q=0.5"), Encoding::Brotli);
        assert_eq!(of("br;q=0.0, gzip;q=0"), Encoding::Plain);
        assert_eq!(of("identity"), Encoding::Plain);
        assert_eq!(Encoding::accepted(&HeaderMap::new()), Encoding::Plain);
    }

    #[test]
    fn each_inline_script_is_named_by_its_hash_and_no_other() {
        let html = b"<script defer src=\"/l.js\"></script><script type=\"module\" nonce=\"n\">a()</script>\
                     <p>x</p><script nonce=\"n\">__X=[];</script>";
        let hash = |s: &str| Base64::encode_string(&Sha256::digest(s.as_bytes()));
        assert_eq!(inline_script_hashes(html), vec![hash("a()"), hash("__X=[];")]);
        let page = kept(1, HeaderMap::new(), Bytes::from_static(html), "/t/{z}/{x}/{y}.png").unwrap();
        let csp = page.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap().to_owned();
        assert!(
            csp.contains(&format!(
                "script-src 'self' 'sha256-{}' 'sha256-{}' 'wasm-unsafe-eval'",
                hash("a()"),
                hash("__X=[];")
            )),
            "{csp}"
        );
        assert!(!csp.contains("nonce"));
        let mut unbrotli = vec![];
        brotli::BrotliDecompress(&mut &page.brotli[..], &mut unbrotli).unwrap();
        assert_eq!(unbrotli, html);
        let mut ungzip = vec![];
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&page.gzip[..]), &mut ungzip).unwrap();
        assert_eq!(ungzip, html);
    }
}

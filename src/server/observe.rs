//! What each request did, for the operator: a request id (also the reference that an error page
//! shows, so a person's « référence 1a2b3c4d » leads to its log lines), one log line per request
//! (JSON by default: time, id, method, route, status, duration, account id — never an e-mail,
//! a name, a phone, a note, a place, a query string or a raw path), and the request metrics.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use tracing::Instrument;
use tracing_subscriber::EnvFilter;

use crate::server::metrics;

/// The response header that carries the request id (the reverse proxy can log it too).
pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// One request being served: its id and, once known, the account that made it.
#[derive(Debug)]
pub struct RequestInfo {
    pub id: String,
    account: AtomicI64,
}

impl RequestInfo {
    fn new() -> Arc<RequestInfo> {
        Arc::new(RequestInfo { id: new_id(), account: AtomicI64::new(0) })
    }

    /// The account id, once the session said who it is.
    pub fn account(&self) -> Option<i64> {
        Some(self.account.load(Ordering::Relaxed)).filter(|id| *id > 0)
    }
}

tokio::task_local! {
    static CURRENT: Arc<RequestInfo>;
}

/// The request being served here: from the request's own task, or from the page's context when
/// the page's data is fetched on a task of its own.
pub fn current() -> Option<Arc<RequestInfo>> {
    CURRENT.try_with(Arc::clone).ok().or_else(|| {
        leptos::prelude::use_context::<axum::http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<Arc<RequestInfo>>().cloned())
    })
}

/// The reference of an internal error: the id of the request it happened in, else a new one
/// (background work).
pub fn reference() -> String {
    current().map(|info| info.id.clone()).unwrap_or_else(new_id)
}

/// Records who is making the request (called where the session is read).
pub fn set_account(id: i64) {
    if let Some(info) = current() {
        info.account.store(id, Ordering::Relaxed);
    }
}

/// Eight hexadecimal digits, random (the order of requests is not told).
fn new_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::AtomicU64;
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    if let Ok(t) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        h.write_u128(t.as_nanos());
    }
    format!("{:08x}", h.finish() as u32)
}

/// The route a request took, as a pattern (`/posts/{id}`; each server function is a route of
/// its own), never the path itself: a bounded set of values for the metrics, and no token or
/// number of the request in the logs. Static files and unknown paths are `(fallback)`.
fn route_of(req: &Request) -> String {
    req.extensions().get::<MatchedPath>().map_or_else(|| "(fallback)".into(), |m| m.as_str().to_owned())
}

/// The method among the usual ones, else `OTHER`: a client cannot grow the metrics' labels
/// (or the log) with methods of its own invention.
fn method_of(method: &axum::http::Method) -> String {
    const KNOWN: [&str; 7] = ["GET", "POST", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS"];
    KNOWN.iter().find(|m| **m == method.as_str()).map_or("OTHER", |m| m).to_owned()
}

/// The outermost layer: gives the request its id, serves it inside a span carrying that id,
/// then writes the request's log line and counts it.
pub async fn requests(mut req: Request, next: Next) -> Response {
    let started = Instant::now();
    let info = RequestInfo::new();
    req.extensions_mut().insert(Arc::clone(&info));
    let method = method_of(req.method());
    let route = route_of(&req);
    let span = tracing::info_span!("request", request_id = %info.id);
    let mut res = CURRENT.scope(Arc::clone(&info), next.run(req).instrument(span)).await;
    let status = res.status().as_u16();
    let elapsed = started.elapsed().as_secs_f64();
    if let Ok(value) = HeaderValue::from_str(&info.id) {
        res.headers_mut().insert(REQUEST_ID_HEADER, value);
    }
    tracing::info!(
        target: "entraide::request",
        request_id = %info.id,
        method = %method,
        route = %route,
        status,
        duration_ms = (elapsed * 1e5).round() / 100.0,
        account_id = info.account(),
    );
    metrics::request(&method, &route, status, elapsed);
    res
}

/// Logs: one JSON object per line (`ENTRAIDE_LOG_FORMAT=json`, the default) or text for a
/// person at a terminal (`text`); levels by `RUST_LOG` (default: information and above).
pub fn init_tracing() -> Result<(), String> {
    use tracing_subscriber::util::SubscriberInitExt;
    let filter = match std::env::var("RUST_LOG") {
        Ok(spec) => EnvFilter::try_new(&spec).map_err(|e| format!("RUST_LOG (log): {e}"))?,
        Err(_) => EnvFilter::new("info,sqlx=warn"),
    };
    let text = match std::env::var("ENTRAIDE_LOG_FORMAT").unwrap_or_default().to_ascii_lowercase().as_str() {
        "" | "json" => false,
        "text" => true,
        other => return Err(format!("ENTRAIDE_LOG_FORMAT (log_format) is \"{other}\": say json or text")),
    };
    if text {
        // Colours only on a terminal.
        let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
        let _ =
            tracing_subscriber::fmt().with_env_filter(filter).with_ansi(ansi).with_writer(std::io::stderr).try_init();
    } else {
        let _ = json_logs(filter, std::io::stderr).try_init();
    }
    Ok(())
}

/// The JSON log lines: the event's fields at the top level, with the request's span (its id).
pub fn json_logs<W>(filter: EnvFilter, writer: W) -> impl tracing::Subscriber + Send + Sync
where
    W: for<'w> tracing_subscriber::fmt::MakeWriter<'w> + Send + Sync + 'static,
{
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .json()
        .flatten_event(true)
        .with_current_span(true)
        .with_span_list(false)
        .finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_eight_hex_digits_and_differ() {
        let ids: std::collections::HashSet<String> = (0..1000).map(|_| new_id()).collect();
        assert_eq!(ids.len(), 1000);
        assert!(ids.iter().all(|id| id.len() == 8 && id.chars().all(|c| c.is_ascii_hexdigit())));
    }

    #[test]
    fn invented_methods_are_one_label() {
        let invented = axum::http::Method::from_bytes(b"AAAA1").unwrap();
        assert_eq!(method_of(&invented), "OTHER");
        assert_eq!(method_of(&axum::http::Method::POST), "POST");
    }

    #[tokio::test]
    async fn the_reference_is_the_request_id_inside_a_request_and_fresh_outside() {
        let info = RequestInfo::new();
        let id = info.id.clone();
        let inside = CURRENT.scope(Arc::clone(&info), async { (reference(), reference()) }).await;
        assert_eq!(inside, (id.clone(), id.clone()));
        assert_ne!(reference(), id);
        CURRENT.scope(Arc::clone(&info), async { set_account(42) }).await;
        assert_eq!(info.account(), Some(42));
    }
}

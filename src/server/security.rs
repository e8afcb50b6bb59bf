//! HTTP hardening shared by every route: cross-site request forgery is refused, every response
//! carries the security headers, personal responses are never cached, request bodies are small
//! and requests end.

use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::i18n::Msg;

/// The largest request body (forms and messages are text).
pub const BODY_LIMIT: usize = 64 * 1024;
/// A request that takes longer is answered 408.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Refuses a state-changing request (anything but GET, HEAD, OPTIONS) that a browser says comes
/// from another site: `Sec-Fetch-Site` other than `same-origin`/`none`, or an `Origin` that is
/// neither this host nor the configured public address. Requests without either header do not
/// come from a browser's page and cannot ride on its cookies.
pub async fn same_origin(req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS)
        || from_this_site(req.headers())
        || one_click_unsubscribe(req.uri().path())
    {
        return next.run(req).await;
    }
    tracing::warn!(path = %req.uri().path(), "cross-site request refused");
    let lang = crate::server::locale::of_headers(req.headers());
    (StatusCode::FORBIDDEN, Msg::new("error-cross-site").say_in(lang)).into_response()
}

/// The one-click unsubscribe of the alerts' e-mails (RFC 8058) is posted by mail programs from
/// anywhere; it needs no cookie (the token in the address is its only authority) and can do
/// nothing but turn those e-mails off.
fn one_click_unsubscribe(path: &str) -> bool {
    path.strip_prefix("/alertes/desabonner/").is_some_and(|t| !t.is_empty() && !t.contains('/'))
}

fn from_this_site(h: &HeaderMap) -> bool {
    let text = |name: header::HeaderName| h.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = h.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        if !matches!(site, "same-origin" | "none") {
            return false;
        }
    }
    match text(header::ORIGIN) {
        None => true,
        Some(origin) => {
            let host_origin = |scheme: &str| text(header::HOST).map(|host| format!("{scheme}://{host}"));
            let public = crate::server::services::notifications::site_url();
            Some(origin.to_owned()) == host_origin("http")
                || Some(origin.to_owned()) == host_origin("https")
                || origin == public
        }
    }
}

/// The largest page whose policy is computed (pages are rendered whole before they are sent).
const PAGE_LIMIT: usize = 8 * 1024 * 1024;

/// The policy of a page: scripts only from this site or with this response's nonce (the
/// hydration and resource scripts), WebAssembly allowed, images from this site and the map
/// tiles' host, nothing embedded, no framing, forms only to this site.
pub fn page_csp(nonce: Option<&str>, tile_url: &str) -> String {
    policy_with(&nonce.map(|n| format!(" 'nonce-{n}'")).unwrap_or_default(), tile_url)
}

/// The same policy for a page kept in memory (`server/page_cache.rs`), sent again byte for byte:
/// its inline scripts are allowed by their SHA-256 (base64) instead of a nonce.
pub fn page_csp_hashed(hashes: &[String], tile_url: &str) -> String {
    policy_with(&hashes.iter().map(|h| format!(" 'sha256-{h}'")).collect::<String>(), tile_url)
}

fn policy_with(inline_scripts: &str, tile_url: &str) -> String {
    let tiles = tile_origin(tile_url).map(|o| format!(" {o}")).unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self'{inline_scripts} 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data:{tiles}; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; \
         frame-ancestors 'none'; form-action 'self'"
    )
}

/// `https://tile.example.org` of `https://tile.example.org/{z}/{x}/{y}.png`; `None` for a
/// relative template (tiles served by this site).
fn tile_origin(template: &str) -> Option<String> {
    let (scheme, rest) = template.split_once("://")?;
    let host = rest.split('/').next()?;
    let ok = matches!(scheme, "http" | "https")
        && !host.is_empty()
        && host.chars().all(|c| c.is_ascii_alphanumeric() || ".-:[]{}".contains(c));
    // `{s}` subdomains become a wildcard.
    ok.then(|| format!("{scheme}://{}", host.replace("{s}", "*")))
}

/// The nonce Leptos gave this page's inline scripts (the first `nonce="…"` of the document).
pub(crate) fn nonce_of(html: &[u8]) -> Option<String> {
    let at = html.windows(7).position(|w| w == b"nonce=\"")? + 7;
    let end = html[at..].iter().position(|b| *b == b'"')?;
    let n = std::str::from_utf8(&html[at..at + end]).ok()?;
    n.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_').then(|| n.to_owned())
}

/// Adds the security headers to every response: pages get their policy with the nonce found in
/// the page itself (read here rather than from the renderer's response options, which were seen
/// to cross over between concurrent requests), other responses a strict one;
/// `Cache-Control: no-store` on what is personal: server functions and anything answered to a
/// logged-in person.
pub async fn headers(State(state): State<crate::server::state::AppState>, req: Request, next: Next) -> Response {
    let personal = req
        .headers()
        .get(header::COOKIE)
        .is_some_and(|c| c.to_str().is_ok_and(|c| c.contains(crate::server::SESSION_COOKIE)))
        || (req.uri().path().starts_with("/api/") && !req.uri().path().starts_with("/api/v1/"));
    let static_file = is_static(req.uri().path());
    let hashed = state.bundle.is_hashed_file(req.uri().path());
    let lang = crate::server::locale::of_headers(req.headers());
    let worker = req.uri().path() == SERVICE_WORKER;
    let mut res = next.run(req).await;
    let status = res.status();
    let html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html"));
    // A page kept in memory comes with its policy (and maybe compressed): left as it is.
    if html && !res.headers().contains_key(header::CONTENT_SECURITY_POLICY) {
        let (parts, body) = res.into_parts();
        let bytes = match axum::body::to_bytes(body, PAGE_LIMIT).await {
            Ok(b) => b,
            Err(e) => {
                tracing::error!("page body: {e}");
                return (StatusCode::INTERNAL_SERVER_ERROR, Msg::new("error-internal-plain").say_in(lang))
                    .into_response();
            }
        };
        let policy = page_csp(nonce_of(&bytes).as_deref(), &state.tiles.url);
        res = Response::from_parts(parts, Body::from(bytes));
        if let Ok(v) = HeaderValue::from_str(&policy) {
            res.headers_mut().insert(header::CONTENT_SECURITY_POLICY, v);
        }
    }
    let h = res.headers_mut();
    let set = |h: &mut HeaderMap, name: &'static str, value: &'static str| {
        h.insert(header::HeaderName::from_static(name), HeaderValue::from_static(value));
    };
    set(h, "x-content-type-options", "nosniff");
    set(h, "referrer-policy", "same-origin");
    set(h, "permissions-policy", "geolocation=(self), camera=(), microphone=(), payment=()");
    set(h, "x-frame-options", "DENY");
    set(h, "cross-origin-opener-policy", "same-origin");
    // A redirect has nothing to protect, and some clients (Chromium under request interception)
    // carry its policy over to the page it leads to.
    if worker {
        // The service worker runs under its script's policy: it fetches this site, nothing else.
        // Always revalidated, so a new version reaches installed apps at once.
        set(
            h,
            "content-security-policy",
            "default-src 'none'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'",
        );
        set(h, "cache-control", "no-cache");
    } else if !h.contains_key(header::CONTENT_SECURITY_POLICY) && !status.is_redirection() {
        set(h, "content-security-policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
    }
    if personal && !static_file {
        set(h, "cache-control", "no-store");
    }
    if static_file && (status.is_success() || status == StatusCode::NOT_MODIFIED) {
        // A name with a content hash never changes: kept a year without asking again. Other
        // files are asked again each time (a 304 when unchanged).
        set(
            h,
            "cache-control",
            if hashed { crate::server::assets::IMMUTABLE } else { crate::server::assets::REVALIDATE },
        );
        // Files are sent precompressed (brotli or gzip) by what the browser accepts.
        set(h, "vary", "accept-encoding");
    }
    res
}

/// The service worker's script (`public/sw.js`, registered by `ui/pwa.rs`).
const SERVICE_WORKER: &str = crate::ui::pwa::SERVICE_WORKER;

fn is_static(path: &str) -> bool {
    path.starts_with("/pkg/")
        || path.starts_with("/leaflet/")
        || path.starts_with("/icons/")
        || matches!(path, "/favicon.svg" | "/manifest.webmanifest" | SERVICE_WORKER)
}

/// A 500 answered without a body (a layer failed, e.g. the session store) gets the same
/// generic French message and reference as every other internal error; the cause stays in the
/// log of the layer that failed.
pub async fn generic_errors(req: Request, next: Next) -> Response {
    let (method, path) = (req.method().clone(), req.uri().path().to_owned());
    let res = next.run(req).await;
    let empty = res.headers().get(header::CONTENT_TYPE).is_none();
    if res.status() != StatusCode::INTERNAL_SERVER_ERROR || !empty {
        return res;
    }
    let err = crate::server::db::internal("request failed in a layer", format!("{method} {path}"));
    (StatusCode::INTERNAL_SERVER_ERROR, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], err.to_string())
        .into_response()
}

/// A panic in a handler or a page: the log gets it (with a reference), the person the usual
/// message with that reference, in a page of its own; the panic ends this request only, the
/// server keeps serving (`CatchPanicLayer`, innermost, so the page still gets its headers).
pub fn panicked(err: Box<dyn std::any::Any + Send + 'static>) -> Response {
    use crate::i18n::{s, translate_for, Locale};
    let what = match (err.downcast_ref::<&str>(), err.downcast_ref::<String>()) {
        (Some(m), _) => (*m).to_owned(),
        (_, Some(m)) => m.clone(),
        _ => "a panic without a message".to_owned(),
    };
    crate::server::metrics::panicked();
    let reference = match crate::server::db::internal("panic", what) {
        crate::error::AppError::Internal { reference } => reference,
        _ => String::new(),
    };
    let fr = Locale::default();
    let said = translate_for(fr, "error-internal", &[("reference", s(reference))]);
    let home = translate_for(fr, "deleted-home", &[]);
    // Nothing from the request or the panic goes into the page: the texts are the catalogue's.
    let page = format!(
        "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Entraide</title></head>\
         <body><main><h1>Entraide</h1><p role=\"alert\">{said}</p><p><a href=\"/\">{home}</a></p></main></body></html>"
    );
    (StatusCode::INTERNAL_SERVER_ERROR, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(header::HeaderName::from_static(k), HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn page_policies() {
        assert_eq!(
            tile_origin("https://tile.openstreetmap.org/{z}/{x}/{y}.png").as_deref(),
            Some("https://tile.openstreetmap.org")
        );
        assert_eq!(
            tile_origin("https://{s}.tile.example.org/{z}/{x}/{y}.png").as_deref(),
            Some("https://*.tile.example.org")
        );
        assert_eq!(tile_origin("/tiles/{z}/{x}/{y}.png"), None);
        assert_eq!(tile_origin("https://evil.org; script-src *"), None);
        let csp = page_csp(Some("abc"), "http://tiles.invalid/{z}/{x}/{y}.png");
        assert!(csp.contains("script-src 'self' 'nonce-abc' 'wasm-unsafe-eval'"));
        assert!(csp.contains("img-src 'self' data: http://tiles.invalid;"));
        assert_eq!(nonce_of(b"<script nonce=\"a-b_C\">"), Some("a-b_C".into()));
        assert_eq!(nonce_of(b"<script nonce=\"x' *\">"), None, "nothing but a nonce goes into the header");
        assert!(!page_csp(None, "/t").contains("nonce"));
    }

    #[test]
    fn only_this_site_may_change_things() {
        assert!(from_this_site(&headers(&[("host", "entraide.fr")])), "no browser headers: not a page");
        assert!(from_this_site(&headers(&[("host", "entraide.fr"), ("origin", "https://entraide.fr")])));
        assert!(from_this_site(&headers(&[("host", "entraide.fr"), ("sec-fetch-site", "same-origin")])));
        assert!(!from_this_site(&headers(&[("host", "entraide.fr"), ("origin", "https://evil.example")])));
        assert!(!from_this_site(&headers(&[("host", "entraide.fr"), ("origin", "null")])));
        assert!(!from_this_site(&headers(&[("host", "entraide.fr"), ("sec-fetch-site", "cross-site")])));
        assert!(!from_this_site(&headers(&[("host", "entraide.fr"), ("sec-fetch-site", "same-site")])));
        assert!(!from_this_site(&headers(&[
            ("host", "entraide.fr"),
            ("sec-fetch-site", "same-origin"),
            ("origin", "https://evil.example")
        ])));
    }
}

//! The toolkit of the plain form posts: reading fields, rendering the page again with what was
//! typed and the errors, the logged-in check that sends to the log-in page, plain-text failures
//! in the request's language, the client's rate-limit key, safe return paths.

use std::collections::HashMap;
use std::net::SocketAddr;

use axum::extract::ConnectInfo;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, Request, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use leptos::prelude::provide_context;
use tower_sessions::Session;

use crate::app::shell;
use crate::domain::user::CurrentUser;
use crate::error::{AppError, FieldErrors};
use crate::server::auth;
use crate::server::locale::locale_of;
use crate::server::state::AppState;
use crate::wire::forms::{FormEcho, FormReply, IN_BACKGROUND};

pub(super) type Fields = HashMap<String, String>;

pub(super) fn get(f: &Fields, k: &str) -> String {
    f.get(k).cloned().unwrap_or_default()
}

/// Renders the page at the request's address again, with `echo`, under `status`; to a form
/// posted in the background, `echo` alone (the page shows it without a reload).
pub(super) async fn rerender(state: AppState, parts: Parts, echo: FormEcho, status: StatusCode) -> Response {
    if in_background(&parts.headers) {
        return (status, axum::Json(FormReply { location: None, echo: Some(echo) })).into_response();
    }
    let options = state.leptos_options.clone();
    let tiles = state.tiles.clone();
    let stylesheet = state.bundle.css.clone();
    let handler = leptos_axum::render_app_async_with_context(
        {
            let state = state.clone();
            move || {
                crate::server::request_owner::record();
                provide_context(state.clone());
                provide_context(echo.clone());
            }
        },
        move || shell(options.clone(), tiles.clone(), stylesheet.clone(), crate::server::locale::provide_for_request()),
    );
    let mut req = Request::new(axum::body::Body::empty());
    *req.uri_mut() = parts.uri;
    *req.headers_mut() = parts.headers;
    *req.extensions_mut() = parts.extensions;
    let mut res = handler(req).await;
    if res.status() == StatusCode::OK {
        *res.status_mut() = status;
    }
    res
}

/// Whether the form was posted in the background by a hydrated page (`ui/components/post_form.rs`).
fn in_background(headers: &HeaderMap) -> bool {
    headers.get(IN_BACKGROUND).is_some_and(|v| v == "1")
}

/// A form posted in the background gets where a plain post would be redirected as JSON
/// (`FormReply`), so the page moves there itself instead of loading it whole; its other headers
/// (cookies, `Clear-Site-Data`) stay. Every other request is left as it is.
pub async fn answer_in_background(req: Request<axum::body::Body>, next: axum::middleware::Next) -> Response {
    let background = req.method() == axum::http::Method::POST && in_background(req.headers());
    let res = next.run(req).await;
    if !background || !res.status().is_redirection() {
        return res;
    }
    let Some(location) = res.headers().get(header::LOCATION).and_then(|l| l.to_str().ok()).map(str::to_owned) else {
        return res;
    };
    let (mut parts, _) = res.into_parts();
    parts.headers.remove(header::LOCATION);
    parts.status = StatusCode::OK;
    let reply = axum::Json(FormReply { location: Some(location), echo: None }).into_response();
    let (reply_parts, body) = reply.into_parts();
    parts.headers.extend(reply_parts.headers);
    Response::from_parts(parts, body)
}

/// The request re-addressed to the page at `path` (a form posted elsewhere shows that page again
/// on a mistake).
pub(super) fn on_page(mut parts: Parts, path: &str) -> Parts {
    if let Ok(uri) = path.parse() {
        parts.uri = uri;
    }
    parts
}

/// The request re-addressed to the page of post `id` (forms posted to `/posts/:id/…`).
pub(super) fn on_post_page(parts: Parts, id: i64) -> Parts {
    on_page(parts, &format!("/posts/{id}"))
}

pub(super) fn echo(form: &str, fields: &Fields, keep: &[&str], errors: FieldErrors) -> FormEcho {
    FormEcho {
        form: form.to_owned(),
        values: keep.iter().map(|k| ((*k).to_owned(), get(fields, k))).collect(),
        errors,
        notice: None,
    }
}

pub(super) fn status_of(e: &AppError) -> StatusCode {
    StatusCode::from_u16(e.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// The logged-in account, or the response sending the person to log in (then back to `next`).
pub(super) async fn logged_in(
    state: &AppState,
    session: &Session,
    headers: &HeaderMap,
    next: &str,
    now: i64,
) -> Result<CurrentUser, Response> {
    match auth::current_user(session, &state.db, now).await {
        Ok(Some(u)) => Ok(u),
        Ok(None) => Err(Redirect::to(&format!("/connexion?next={next}")).into_response()),
        Err(e) => Err(plain(&e, headers)),
    }
}

/// `e` as a plain-text answer in the request's language, for a failure with no page to show
/// (the session store or the database failing under a form post that leads elsewhere).
pub(super) fn plain(e: &AppError, headers: &HeaderMap) -> Response {
    let lang = locale_of(headers).lang;
    let said: Vec<String> = e.messages().iter().map(|m| m.say_in(lang)).collect();
    (status_of(e), said.join(" ")).into_response()
}

/// The rate-limit key of the client's address (see `throttle::client_ip`).
pub(super) fn client_key(state: &AppState, parts: &Parts) -> String {
    let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
    let forwarded = crate::server::throttle::last_forwarded_line(&parts.headers);
    match crate::server::throttle::client_ip(peer, forwarded, state.trusted_proxy) {
        Some(ip) => crate::server::throttle::ip_key(ip),
        None => "ip:unknown".into(),
    }
}

/// A local path to go back to after logging in, never another site.
pub(super) fn safe_next(next: &str) -> &str {
    crate::domain::local_path::local_path_or(next, "/compte")
}

/// `res` with a `Retry-After` header when `e` says when to come back (429, 503).
pub(super) fn with_retry_after(mut res: Response, e: &AppError) -> Response {
    if let Some(secs) = e.retry_after() {
        res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(secs));
    }
    res
}

/// Tells the browser to forget what this site kept on the device: the offline copies of the
/// service worker and the unsent post (a shared phone must not show the last person's pages).
pub(super) fn forget_device() -> [(axum::http::HeaderName, &'static str); 1] {
    [(axum::http::HeaderName::from_static("clear-site-data"), "\"cache\", \"storage\"")]
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next("/posts/3"), "/posts/3");
        assert_eq!(safe_next("//evil.example"), "/compte");
        assert_eq!(safe_next("https://evil.example"), "/compte");
        assert_eq!(safe_next("/\\evil.example"), "/compte");
        assert_eq!(safe_next(""), "/compte");
    }
}

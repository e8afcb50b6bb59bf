//! The language of a request: the `entraide_lang` cookie (set by the switch, `/langue/:code`),
//! else the browser's `Accept-Language`, else French; and the easy-read mode, the
//! `entraide_lecture` cookie (set by `/lecture/facile`, unset by `/lecture/normale`).
//! See `crate::i18n`.

use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::http::request::Parts;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use leptos::prelude::{provide_context, use_context};
use serde::Deserialize;
use tower_sessions::Session;

use crate::domain::local_path::local_path;
use crate::i18n::{Lang, Locale, LANG_COOKIE, READING_COOKIE};
use crate::server::state::AppState;
use crate::server::{auth, services};

/// One year: the choice is remembered on this device.
const REMEMBER_SECS: u64 = 365 * 24 * 3600;

/// The value of cookie `name` in these headers.
fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| c.trim().strip_prefix(name)?.strip_prefix('='))
}

/// The language and reading mode asked for by these request headers.
pub fn locale_of(headers: &HeaderMap) -> Locale {
    Locale { lang: of_headers(headers), easy: cookie(headers, READING_COOKIE) == Some(EASY) }
}

/// The language asked for by these request headers.
pub fn of_headers(headers: &HeaderMap) -> Lang {
    cookie(headers, LANG_COOKIE).and_then(Lang::from_code).unwrap_or_else(|| {
        headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).map(Lang::negotiate).unwrap_or_default()
    })
}

/// Inside a page render: the request's language and mode, provided to the app as its `Locale`.
pub fn provide_for_request() -> Locale {
    let locale = use_context::<Parts>().map(|p| locale_of(&p.headers)).unwrap_or_default();
    provide_context(locale);
    locale
}

/// The cookie value of the easy-read mode.
const EASY: &str = "facile";

#[derive(Deserialize)]
pub struct Back {
    retour: Option<String>,
}

/// `GET /langue/:code?retour=/page`: remembers the language (on this device, and on the account
/// when logged in: notifications and e-mails follow it) and goes back to the page.
/// A plain link, so it works without JavaScript; an unknown code changes nothing.
pub async fn switch(
    State(state): State<AppState>,
    session: Session,
    Path(code): Path<String>,
    Query(back): Query<Back>,
) -> Response {
    let to = back_to(&back);
    match Lang::from_code(&code) {
        Some(lang) => {
            let now = services::now();
            if let Ok(Some(user)) = auth::current_user(&session, &state.db, now).await {
                // The page still changes language if this fails (logged by `db::internal`).
                let _ = services::accounts::remember_lang(&state.db, &user, lang).await;
            }
            remember(lang, &to)
        }
        None => Redirect::to(&to).into_response(),
    }
}

/// The cookie of `lang`, and back to `to`.
fn remember(lang: Lang, to: &str) -> Response {
    (
        [(header::SET_COOKIE, format!("{LANG_COOKIE}={}; Path=/; Max-Age={REMEMBER_SECS}; SameSite=Lax", lang.code()))],
        Redirect::to(to),
    )
        .into_response()
}

/// `GET /lecture/facile` or `/lecture/normale` `?retour=/page`: turns the easy-read mode on or off
/// on this device and goes back to the page.
pub async fn reading(Path(mode): Path<String>, Query(back): Query<Back>) -> Response {
    let to = back_to(&back);
    let cookie = match mode.as_str() {
        "facile" => format!("{READING_COOKIE}={EASY}; Path=/; Max-Age={REMEMBER_SECS}; SameSite=Lax"),
        _ => format!("{READING_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax"),
    };
    ([(header::SET_COOKIE, cookie)], Redirect::to(&to)).into_response()
}

/// Where a switch goes back to: a path of this site, else the home page.
fn back_to(back: &Back) -> String {
    back.retour.as_deref().and_then(local_path).unwrap_or("/").to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(cookie: Option<&str>, accept: Option<&str>) -> HeaderMap {
        let mut h = HeaderMap::new();
        if let Some(c) = cookie {
            h.insert(header::COOKIE, c.parse().unwrap());
        }
        if let Some(a) = accept {
            h.insert(header::ACCEPT_LANGUAGE, a.parse().unwrap());
        }
        h
    }

    #[test]
    fn the_cookie_wins_over_the_browser_which_wins_over_french() {
        assert_eq!(of_headers(&headers(None, None)), Lang::Fr);
        assert_eq!(of_headers(&headers(None, Some("en-US,en;q=0.9"))), Lang::En);
        assert_eq!(of_headers(&headers(Some("entraide_session=x; entraide_lang=fr"), Some("en-US"))), Lang::Fr);
        assert_eq!(of_headers(&headers(Some("entraide_lang=en"), Some("fr-FR"))), Lang::En);
        // A cookie with a language we do not have is ignored.
        assert_eq!(of_headers(&headers(Some("entraide_lang=de"), Some("en"))), Lang::En);
        // The easy-read mode is its own cookie.
        assert!(locale_of(&headers(Some("entraide_lecture=facile; entraide_lang=en"), None)).easy);
        assert!(!locale_of(&headers(Some("entraide_lecture=; entraide_lang=en"), None)).easy);
    }
}

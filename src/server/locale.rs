//! The language of a request: the `entraide_lang` cookie (set by the switch, `/langue/:code`),
//! else the browser's `Accept-Language`, else French. See `crate::i18n`.

use axum::extract::{Path, Query};
use axum::http::header;
use axum::http::request::Parts;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use leptos::prelude::{provide_context, use_context};
use serde::Deserialize;

use crate::i18n::{Lang, Locale, LANG_COOKIE};

/// One year: the choice is remembered on this device.
const REMEMBER_SECS: u64 = 365 * 24 * 3600;

/// The language asked for by these request headers.
pub fn of_headers(headers: &HeaderMap) -> Lang {
    let cookie = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| c.trim().strip_prefix(LANG_COOKIE)?.strip_prefix('=').and_then(Lang::from_code));
    cookie.unwrap_or_else(|| {
        headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).map(Lang::negotiate).unwrap_or_default()
    })
}

/// Inside a page render: the request's language, provided to the app as its `Locale`.
pub fn provide_for_request() -> Lang {
    let lang = use_context::<Parts>().map(|p| of_headers(&p.headers)).unwrap_or_default();
    provide_context(Locale(lang));
    lang
}

#[derive(Deserialize)]
pub struct Back {
    retour: Option<String>,
}

/// `GET /langue/:code?retour=/page`: remembers the language and goes back to the page.
/// A plain link, so it works without JavaScript; an unknown code changes nothing.
pub async fn switch(Path(code): Path<String>, Query(back): Query<Back>) -> Response {
    let to = back.retour.as_deref().filter(|r| r.starts_with('/') && !r.starts_with("//") && !r.contains('\\'));
    let to = to.unwrap_or("/").to_owned();
    match Lang::from_code(&code) {
        Some(lang) => (
            [(
                header::SET_COOKIE,
                format!("{LANG_COOKIE}={}; Path=/; Max-Age={REMEMBER_SECS}; SameSite=Lax", lang.code()),
            )],
            Redirect::to(&to),
        )
            .into_response(),
        None => Redirect::to(&to).into_response(),
    }
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
    }
}

//! The figures of « Pilotage » outside the page, for staff: `GET /api/v1/stats` (JSON, for the
//! département's own tools, with the session's cookie) and `GET /pilotage/carte.svg` (the
//! communes coloured by the requests nobody answered). Both take the page's query
//! (`from`, `to`, `commune`, `category`) and answer 401, 403 or 400 with what was wrong, in
//! the reader's language; never cached.

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

use crate::domain::stats::{Figures, Shown, StatsForm};
use crate::error::AppError;
use crate::i18n::{translate, Lang};
use crate::server::commune_map::{self, Words};
use crate::server::locale::of_headers;
use crate::server::state::AppState;
use crate::server::{auth, services};

/// The figures, or the error response (JSON).
async fn figures(state: &AppState, session: &Session, form: &StatsForm, now: i64) -> Result<Figures, AppError> {
    let me = auth::current_user(session, &state.db, now).await?.ok_or(AppError::Unauthenticated)?;
    services::stats::figures(&state.db, &state.communes, &me, form, now).await
}

fn status_of(e: &AppError) -> StatusCode {
    StatusCode::from_u16(e.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

fn error_json(e: &AppError, lang: Lang) -> Response {
    let errors: Vec<serde_json::Value> = match e {
        AppError::Validation(f) => {
            f.0.iter().map(|e| serde_json::json!({ "field": e.field, "message": e.message.say_in(lang) })).collect()
        }
        other => other.messages().iter().map(|m| serde_json::json!({ "message": m.say_in(lang) })).collect(),
    };
    let body = serde_json::json!({ "errors": errors });
    (status_of(e), [(header::CACHE_CONTROL, "no-store")], axum::Json(body)).into_response()
}

/// `GET /api/v1/stats?from=&to=&commune=&category=`
pub async fn stats_json(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    Query(form): Query<StatsForm>,
) -> Response {
    match figures(&state, &session, &form, services::now()).await {
        Ok(f) => ([(header::CACHE_CONTROL, "no-store")], axum::Json(f)).into_response(),
        Err(e) => error_json(&e, of_headers(&headers)),
    }
}

/// `GET /pilotage/carte.svg?from=&to=&commune=&category=`
pub async fn commune_map(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    Query(form): Query<StatsForm>,
) -> Response {
    let lang = of_headers(&headers);
    let f = match figures(&state, &session, &form, services::now()).await {
        Ok(f) => f,
        Err(e) => {
            let said: Vec<String> = e.messages().iter().map(|m| m.say_in(lang)).collect();
            return (status_of(&e), [(header::CACHE_CONTROL, "no-store")], said.join(" ")).into_response();
        }
    };
    // A hidden count (1 to 4) is coloured and said as "< 5".
    let counts: HashMap<String, i64> = f
        .by_commune
        .iter()
        .map(|b| {
            (
                b.key.clone(),
                match b.unanswered {
                    Shown::Exact(n) => n,
                    Shown::Few => 1,
                },
            )
        })
        .collect();
    let say = |id: &str| translate(lang, id, &[]);
    let words = Words {
        title: translate(
            lang,
            "stats-map-title",
            &[("from", crate::i18n::s(f.from.clone())), ("to", crate::i18n::s(f.to.clone()))],
        ),
        legend: [say("stats-map-none"), say("stats-map-few"), say("stats-map-some"), say("stats-map-many")],
    };
    let svg = commune_map::draw(&state.communes, &counts, &words);
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "image/svg+xml; charset=utf-8"), (header::CACHE_CONTROL, "private, no-store")],
        svg,
    )
        .into_response()
}

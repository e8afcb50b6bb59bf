//! "Mes données" (`GET /compte/mes-donnees.json`, a download) and "Supprimer mon compte"
//! (`POST /compte/supprimer`, confirmed by the password; the session ends with it).

use axum::extract::{Form, State};
use axum::http::header;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

use super::kit::{echo, get, logged_in, on_page, plain, rerender, status_of, Fields};
use crate::server::state::AppState;
use crate::server::{auth, services};
use crate::wire::forms::field_errors;

/// `GET /compte/mes-donnees.json`
pub async fn export(State(state): State<AppState>, session: Session, parts: Parts) -> Response {
    let now = services::now();
    let user = match logged_in(&state, &session, &parts.headers, "/compte", now).await {
        Ok(u) => u,
        Err(to_log_in) => return to_log_in,
    };
    let lang = crate::server::locale::of_headers(&parts.headers);
    match services::privacy::export(&state.db, &user, lang, now).await {
        Ok(json) => (
            [
                (header::CONTENT_TYPE, "application/json; charset=utf-8"),
                (header::CONTENT_DISPOSITION, "attachment; filename=\"mes-donnees-entraide.json\""),
            ],
            json,
        )
            .into_response(),
        Err(e) => plain(&e, &parts.headers),
    }
}

/// `POST /compte/supprimer`
pub async fn delete(State(state): State<AppState>, session: Session, parts: Parts, Form(f): Form<Fields>) -> Response {
    let now = services::now();
    let user = match logged_in(&state, &session, &parts.headers, "/compte", now).await {
        Ok(u) => u,
        Err(to_log_in) => return to_log_in,
    };
    match services::privacy::delete_account(&state.db, &user, &get(&f, "password"), now).await {
        Ok(()) => {
            if let Err(e) = auth::log_out(&session).await {
                tracing::warn!("account erased, session not ended: {e}");
            }
            (super::kit::forget_device(), Redirect::to("/compte-supprime")).into_response()
        }
        Err(e) => {
            let echo = echo("delete", &f, &[], field_errors(&e));
            rerender(state, on_page(parts, "/compte"), echo, status_of(&e)).await
        }
    }
}

//! The form posts of follow-ups: staff mark a line of « Suivi » as dealt with (`POST /suivi`,
//! `id`), an author answers "Avez-vous reçu l'aide ?" (`POST /suivi/{id}`, `answer` = `yes` or
//! `no`).

use axum::extract::{Form, Path, State};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

use super::kit::{echo, get, logged_in, rerender, status_of, Fields};
use crate::domain::follow_up::HelpAnswer;
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::server::services::{self, follow_ups};
use crate::server::state::AppState;
use crate::wire::forms::field_errors;

/// `POST /suivi`: staff dealt with follow-up `id`.
pub async fn resolve(State(state): State<AppState>, session: Session, parts: Parts, Form(f): Form<Fields>) -> Response {
    let now = services::now();
    let user = match logged_in(&state, &session, &parts.headers, "/suivi", now).await {
        Ok(u) => u,
        Err(to_log_in) => return to_log_in,
    };
    let id = get(&f, "id").parse::<i64>().unwrap_or(0);
    match follow_ups::resolve(&state.db, &user, id, now).await {
        Ok(()) => Redirect::to("/suivi?fait=1").into_response(),
        Err(e) => {
            rerender(state, parts, echo(&format!("follow-up-{id}"), &f, &[], field_errors(&e)), status_of(&e)).await
        }
    }
}

/// `POST /suivi/{id}`: the author's answer.
pub async fn answer(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    session: Session,
    parts: Parts,
    Form(f): Form<Fields>,
) -> Response {
    let now = services::now();
    let page = format!("/suivi/{id}");
    let user = match logged_in(&state, &session, &parts.headers, &page, now).await {
        Ok(u) => u,
        Err(to_log_in) => return to_log_in,
    };
    let result = match get(&f, "answer").parse::<HelpAnswer>() {
        Ok(a) => follow_ups::answer(&state.db, &user, id, a, now).await,
        Err(_) => Err(AppError::Validation(FieldErrors::single("answer", Msg::new("follow-up-answer-missing")))),
    };
    // Staff answering for a person who called go back to « Mes saisies ».
    let back = if get(&f, "back") == "/saisies" { "/saisies?fait=aide".to_owned() } else { page };
    match result {
        Ok(()) => Redirect::to(&back).into_response(),
        Err(e) => rerender(state, parts, echo("help", &f, &[], field_errors(&e)), status_of(&e)).await,
    }
}

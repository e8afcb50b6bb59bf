//! The form posts of phone intake: filing a request or an offer for a person who called
//! (`/saisie`), and saying the person was called back (`/saisies`).

use axum::extract::{Form, State};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

use super::kit::{echo, get, logged_in, rerender, status_of, Fields};
use super::posts::{post_fields, post_form};
use crate::domain::intake::IntakeForm;
use crate::server::services;
use crate::server::state::AppState;
use crate::wire::forms::field_errors;

/// The intake form's own fields, beside the post's.
pub const CALLER_FIELDS: [&str; 6] = ["person_name", "person_phone", "street", "call_times", "share_phone", "consent"];

fn intake_form(f: &Fields) -> IntakeForm {
    IntakeForm {
        person_name: get(f, "person_name"),
        person_phone: get(f, "person_phone"),
        street: get(f, "street"),
        call_times: get(f, "call_times"),
        share_phone: get(f, "share_phone"),
        consent: get(f, "consent"),
        post: post_form(f),
    }
}

/// `POST /saisie`: staff file a request or an offer for a person who called; it is published
/// at once. On a mistake the form comes back with what was typed and each error.
pub async fn file(State(state): State<AppState>, session: Session, parts: Parts, Form(f): Form<Fields>) -> Response {
    let now = services::now();
    let user = match logged_in(&state, &session, &parts.headers, "/saisie", now).await {
        Ok(u) => u,
        Err(to_log_in) => return to_log_in,
    };
    let result = async {
        let draft = intake_form(&f).parse(&state.communes.refs(), now)?;
        services::intakes::file(&state.db, &state.communes, &user, draft, now).await
    }
    .await;
    match result {
        Ok(id) => Redirect::to(&format!("/saisies?deposee={id}")).into_response(),
        Err(e) => {
            let keep: Vec<&str> = post_fields().into_iter().chain(CALLER_FIELDS.iter().copied()).collect();
            rerender(state, parts, echo("publish", &f, &keep, field_errors(&e)), status_of(&e)).await
        }
    }
}

/// `POST /saisies`: `action=called-back` with the post's `id`: staff called the person back.
pub async fn list(State(state): State<AppState>, session: Session, parts: Parts, Form(f): Form<Fields>) -> Response {
    let now = services::now();
    let user = match logged_in(&state, &session, &parts.headers, "/saisies", now).await {
        Ok(u) => u,
        Err(to_log_in) => return to_log_in,
    };
    let id = get(&f, "id").parse::<i64>().unwrap_or(0);
    let all = get(&f, "tous") == "1";
    let back = if all { "/saisies?tous=1&fait=rappel" } else { "/saisies?fait=rappel" };
    let result = match get(&f, "action").as_str() {
        "called-back" => services::intakes::called_back(&state.db, &user, id, now).await,
        _ => Err(crate::error::AppError::NotFound),
    };
    match result {
        Ok(()) => Redirect::to(back).into_response(),
        Err(e) => rerender(state, parts, echo(&format!("called-{id}"), &f, &[], field_errors(&e)), status_of(&e)).await,
    }
}

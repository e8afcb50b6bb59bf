//! The form posts of vetted helpers. `POST /compte/verification`: the volunteer asks
//! (`action=ask`, `note`) or withdraws the request (`action=cancel`). `POST /verifications`:
//! staff record a check (`action=record`, `user`, `identity_seen`, `association`,
//! `checked_on`, `checked_by`) or withdraw one (`action=withdraw`, `user`, `reason`).

use axum::extract::{Form, State};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

use super::kit::{echo, get, logged_in, rerender, status_of, Fields};
use crate::domain::vetting::CheckForm;
use crate::error::AppError;
use crate::server::services::{self, vetting};
use crate::server::state::AppState;
use crate::wire::forms::field_errors;

/// Staff's page.
pub const DESK: &str = "/verifications";

/// The volunteer's handler.
pub async fn mine(State(state): State<AppState>, session: Session, parts: Parts, Form(f): Form<Fields>) -> Response {
    let now = services::now();
    let user = match logged_in(&state, &session, &parts.headers, vetting::PAGE, now).await {
        Ok(u) => u,
        Err(to_log_in) => return to_log_in,
    };
    let action = get(&f, "action");
    let result = match action.as_str() {
        "ask" => vetting::ask(&state.db, &user, &get(&f, "note"), now).await,
        "cancel" => vetting::cancel(&state.db, &user).await,
        _ => Err(AppError::NotFound),
    };
    match result {
        Ok(()) => Redirect::to(&format!("{}?fait={action}", vetting::PAGE)).into_response(),
        Err(e) => rerender(state, parts, echo("vetting-ask", &f, &["note"], field_errors(&e)), status_of(&e)).await,
    }
}

/// Staff's handler. A mistake shows the page again with the errors next to that person's form.
pub async fn desk(State(state): State<AppState>, session: Session, parts: Parts, Form(f): Form<Fields>) -> Response {
    let now = services::now();
    let user = match logged_in(&state, &session, &parts.headers, DESK, now).await {
        Ok(u) => u,
        Err(to_log_in) => return to_log_in,
    };
    let action = get(&f, "action");
    let who = get(&f, "user").parse::<i64>().unwrap_or(0);
    let result = match action.as_str() {
        "record" => {
            let form = CheckForm {
                identity_seen: get(&f, "identity_seen"),
                association: get(&f, "association"),
                checked_on: get(&f, "checked_on"),
                checked_by: get(&f, "checked_by"),
            };
            async {
                let check = form.parse(now).map_err(AppError::Validation)?;
                vetting::record(&state.db, &user, who, &check, now).await
            }
            .await
        }
        "withdraw" => vetting::withdraw(&state.db, &user, who, &get(&f, "reason"), now).await,
        _ => Err(AppError::NotFound),
    };
    match result {
        Ok(()) => Redirect::to(&format!("{DESK}?fait={action}")).into_response(),
        Err(e) => {
            // Each person has their own form: the errors go to that one.
            let form = format!("vetting-{action}-{who}");
            let keep = ["identity_seen", "association", "checked_on", "checked_by", "reason"];
            rerender(state, parts, echo(&form, &f, &keep, field_errors(&e)), status_of(&e)).await
        }
    }
}

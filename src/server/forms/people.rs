//! `POST /admin/personnes/{id}`: what admins change on an account — `action` = `role` (with
//! `role`), `disable`, `enable`, `reset-link` or `territories` (with `national=on` or
//! `territory-CODE=on` for each one ticked). Back to the person's page with a word for its
//! notice, or the page again with the error.

use axum::extract::{Form, Path, State};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

use super::kit::{echo, get, logged_in, rerender, status_of, Fields};
use crate::domain::user::Role;
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::server::services::people::Change;
use crate::server::services::{self, people};
use crate::server::state::AppState;
use crate::wire::forms::field_errors;

/// The handler.
pub async fn person(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    session: Session,
    parts: Parts,
    Form(f): Form<Fields>,
) -> Response {
    let now = services::now();
    let page = format!("/admin/personnes/{id}");
    let user = match logged_in(&state, &session, &parts.headers, &page, now).await {
        Ok(u) => u,
        Err(to_log_in) => return to_log_in,
    };
    let action = get(&f, "action");
    let result = match action.as_str() {
        "role" => match get(&f, "role").parse::<Role>() {
            Ok(role) => people::change(&state.db, &user, id, Change::Role(role), now).await,
            Err(_) => Err(AppError::Validation(FieldErrors::single("role", Msg::new("people-role-missing")))),
        },
        "disable" => people::change(&state.db, &user, id, Change::Disable, now).await,
        "enable" => people::change(&state.db, &user, id, Change::Enable, now).await,
        "reset-link" => people::send_reset_link(&state.db, &user, id, now).await,
        "territories" => {
            let codes: Vec<String> = f
                .iter()
                .filter(|(_, v)| v.as_str() == "on")
                .filter_map(|(k, _)| k.strip_prefix("territory-"))
                .map(str::to_owned)
                .collect();
            people::set_territories(&state.db, &user, id, get(&f, "national") == "on", &codes, now).await
        }
        _ => Err(AppError::NotFound),
    };
    match result {
        Ok(()) => Redirect::to(&format!("{page}?fait={action}")).into_response(),
        Err(e) => rerender(state, parts, echo("person", &f, &["role"], field_errors(&e)), status_of(&e)).await,
    }
}

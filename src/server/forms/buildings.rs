//! « Mon immeuble »'s forms, all posted to `/immeuble`: create the group of my building
//! (`form=create`, `street`, `commune`), join one with its code (`form=join`, `code`), leave one
//! (`form=leave`, `id`). A mistake shows the page again with what was typed and the error next
//! to its field.

use axum::extract::{Form, State};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

use super::kit::{echo, get, logged_in, on_page, rerender, status_of, with_retry_after, Fields};
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::server::services;
use crate::server::state::AppState;
use crate::wire::forms::field_errors;

/// `POST /immeuble`.
pub async fn building(
    State(state): State<AppState>,
    session: Session,
    parts: Parts,
    Form(f): Form<Fields>,
) -> Response {
    let now = services::now();
    let user = match logged_in(&state, &session, &parts.headers, "/immeuble", now).await {
        Ok(u) => u,
        Err(to_log_in) => return to_log_in,
    };
    let which = get(&f, "form");
    let (form, keep, result): (&str, &[&str], Result<String, AppError>) = match which.as_str() {
        "create" => {
            let (street, commune) = (get(&f, "street"), get(&f, "commune"));
            let r = services::buildings::create(&state.db, &state.communes, &user, &street, &commune, now).await;
            ("building_create", &["street", "commune"], r.map(|id| format!("/immeuble?cree={id}#immeuble-{id}")))
        }
        "join" => {
            let r = services::buildings::join(&state.db, &user, &get(&f, "code"), now).await;
            ("building_join", &["code"], r.map(|id| format!("/immeuble?rejoint={id}#immeuble-{id}")))
        }
        "leave" => {
            let id = get(&f, "id").parse::<i64>().unwrap_or(0);
            let r = services::buildings::leave(&state.db, &user, id).await;
            ("building_leave", &[], r.map(|()| "/immeuble?quitte=1".to_owned()))
        }
        _ => ("building", &[], Err(AppError::Validation(FieldErrors::single("form", Msg::new("form-unknown"))))),
    };
    match result {
        Ok(to) => Redirect::to(&to).into_response(),
        Err(e) => {
            let res =
                rerender(state, on_page(parts, "/immeuble"), echo(form, &f, keep, field_errors(&e)), status_of(&e))
                    .await;
            with_retry_after(res, &e)
        }
    }
}

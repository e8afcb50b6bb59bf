//! The relatives' forms: on « Mes annonces » the author invites a relative to follow a post
//! (`form=invite-carer`, `id`, `email`) or removes one (`form=remove-carer`, `carer`), and a
//! relative stops following (the same); `POST /proche/{token}` accepts an invitation.

use axum::extract::{Path, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

use super::kit::{echo, get, logged_in, rerender, status_of, with_retry_after, Fields};
use crate::domain::user::CurrentUser;
use crate::i18n::Msg;
use crate::server::services;
use crate::server::state::AppState;
use crate::wire::forms::{field_errors, FormEcho};

/// The name of the invitation form of post `id` on « Mes annonces ».
pub fn invite_form(id: i64) -> String {
    format!("carer-{id}")
}

/// The relatives' forms of `POST /mes-annonces` (the page is shown again, with what was typed
/// and the mistake next to its field, or with what was done).
pub async fn on_my_posts(state: AppState, user: CurrentUser, parts: Parts, f: Fields, now: i64) -> Response {
    let (form, result) = match get(&f, "form").as_str() {
        "invite-carer" => {
            let id = get(&f, "id").parse::<i64>().unwrap_or(0);
            let email = get(&f, "email");
            let done = services::carers::invite(&state.db, &user, id, &email, now).await;
            (invite_form(id), done.map(|()| Msg::new("carer-invited").text("email", email.trim())))
        }
        _ => {
            let id = get(&f, "carer").parse::<i64>().unwrap_or(0);
            let done = services::carers::remove(&state.db, &user, id, now).await;
            ("my_posts".to_owned(), done.map(|()| Msg::new("carer-removed")))
        }
    };
    match result {
        Ok(notice) => {
            let echo = FormEcho { form: "my_posts".into(), notice: Some(notice), ..Default::default() };
            rerender(state, parts, echo, StatusCode::OK).await
        }
        Err(e) => {
            let mut errors = field_errors(&e);
            if form == "my_posts" {
                for err in &mut errors.0 {
                    err.field = "form".into();
                }
            }
            let res = rerender(state, parts, echo(&form, &f, &["email"], errors), status_of(&e)).await;
            with_retry_after(res, &e)
        }
    }
}

/// `POST /proche/{token}`: the person logged in accepts the invitation and follows the post.
pub async fn accept(
    State(state): State<AppState>,
    Path(token): Path<String>,
    session: Session,
    parts: Parts,
) -> Response {
    let now = services::now();
    let here = format!("/proche/{token}");
    let user = match logged_in(&state, &session, &parts.headers, &here, now).await {
        Ok(u) => u,
        Err(to_log_in) => return to_log_in,
    };
    match services::carers::accept(&state.db, &user, &token, now).await {
        Ok(post) => Redirect::to(&format!("/mes-annonces?suivie={post}#proches")).into_response(),
        Err(e) => {
            let echo = FormEcho { form: "carer_accept".into(), errors: field_errors(&e), ..Default::default() };
            rerender(state, parts, echo, status_of(&e)).await
        }
    }
}

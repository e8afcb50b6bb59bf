//! `POST /admin/annonces`: admins write an announcement (`message`, `from`, `to`) or remove one
//! (`action=delete`, `id`).

use axum::extract::{Form, State};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

use super::kit::{echo, get, logged_in, rerender, status_of, Fields};
use crate::domain::announcement::AnnouncementForm;
use crate::server::services::{self, announcements};
use crate::server::state::AppState;
use crate::wire::forms::field_errors;

const PAGE: &str = "/admin/annonces";

/// The handler.
pub async fn announcements(
    State(state): State<AppState>,
    session: Session,
    parts: Parts,
    Form(f): Form<Fields>,
) -> Response {
    let now = services::now();
    let user = match logged_in(&state, &session, &parts.headers, PAGE, now).await {
        Ok(u) => u,
        Err(to_log_in) => return to_log_in,
    };
    let result = if get(&f, "action") == "delete" {
        let id = get(&f, "id").parse::<i64>().unwrap_or(0);
        announcements::delete(&state.db, &user, id).await.map(|()| "retiree")
    } else {
        let form = AnnouncementForm { message: get(&f, "message"), from: get(&f, "from"), to: get(&f, "to") };
        async {
            let a = form.parse(now)?;
            announcements::create(&state.db, &user, a, now).await
        }
        .await
        .map(|_| "publiee")
    };
    match result {
        Ok(done) => Redirect::to(&format!("{PAGE}?fait={done}")).into_response(),
        Err(e) => {
            let kept = echo("announcement", &f, &["message", "from", "to"], field_errors(&e));
            rerender(state, parts, kept, status_of(&e)).await
        }
    }
}

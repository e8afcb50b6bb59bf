//! `POST /admin/pages/{slug}`: an editor or an admin saves a draft (`title`, `body`), an admin
//! publishes one (`action=publish`, `id`). A mistake shows the editor again with what was typed.

use axum::extract::{Form, Path, State};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

use super::kit::{echo, get, logged_in, rerender, status_of, Fields};
use crate::domain::site_page::{PageForm, SitePage};
use crate::error::AppError;
use crate::server::services::{self, pages};
use crate::server::state::AppState;
use crate::wire::forms::field_errors;

/// The handler.
pub async fn page(
    State(state): State<AppState>,
    session: Session,
    Path(slug): Path<String>,
    parts: Parts,
    Form(f): Form<Fields>,
) -> Response {
    let now = services::now();
    let Ok(page) = slug.parse::<SitePage>() else {
        return rerender(state, parts, Default::default(), status_of(&AppError::NotFound)).await;
    };
    let here = format!("/admin/pages/{}", page.slug());
    let user = match logged_in(&state, &session, &parts.headers, &here, now).await {
        Ok(u) => u,
        Err(to_log_in) => return to_log_in,
    };
    let result = if get(&f, "action") == "publish" {
        let id = get(&f, "id").parse::<i64>().unwrap_or(0);
        pages::publish(&state.db, &user, page, id, now).await.map(|()| "publiee")
    } else {
        let form = PageForm { title: get(&f, "title"), body: get(&f, "body") };
        async {
            let text = form.parse().map_err(AppError::Validation)?;
            pages::save(&state.db, &user, page, text, now).await
        }
        .await
        .map(|_| "enregistree")
    };
    match result {
        Ok(done) => Redirect::to(&format!("{here}?fait={done}")).into_response(),
        Err(e) => {
            let kept = echo("page", &f, &["title", "body"], field_errors(&e));
            rerender(state, parts, kept, status_of(&e)).await
        }
    }
}

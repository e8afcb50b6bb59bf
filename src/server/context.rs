//! Reaching server state from inside server functions and components, as `Result`s.

use leptos::prelude::use_context;

use crate::domain::user::CurrentUser;
use crate::error::AppError;
use crate::server::db;
use crate::server::state::AppState;

/// The application state, provided to every route and server function by the router.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| db::internal("context", "AppState was not provided"))
}

/// The session of the current request.
pub async fn session() -> Result<tower_sessions::Session, AppError> {
    leptos_axum::extract::<tower_sessions::Session>().await.map_err(|e| db::internal("context: session", e))
}

/// The logged-in account, if any.
pub async fn current_user() -> Result<Option<CurrentUser>, AppError> {
    let state = app_state()?;
    let session = session().await?;
    crate::server::auth::current_user(&session, &state.db, crate::server::services::now()).await
}

/// The logged-in account, or `Unauthenticated`.
pub async fn require_user() -> Result<CurrentUser, AppError> {
    current_user().await?.ok_or(AppError::Unauthenticated)
}

/// A server function's result, with its error's HTTP status (400, 401, 403, 404, 429...) set
/// on the response instead of the default 500. Wrap every server function's body in it.
pub fn answer<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(e) = &result {
        if let (Some(res), Ok(status)) =
            (use_context::<leptos_axum::ResponseOptions>(), axum::http::StatusCode::from_u16(e.status_code()))
        {
            res.set_status(status);
        }
    }
    result
}

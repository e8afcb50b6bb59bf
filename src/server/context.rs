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

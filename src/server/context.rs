//! Reaching server state from inside server functions and components, as `Result`s.

use leptos::prelude::use_context;

use crate::error::AppError;
use crate::server::db;
use crate::server::state::AppState;

/// The application state, provided to every route and server function by the router.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| db::internal("context", "AppState was not provided"))
}

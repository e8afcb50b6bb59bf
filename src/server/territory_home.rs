//! `/68`, `/67/`, `/2a`: the map opened on a territory served by this instance (the box around
//! its communes, as a `bbox=` of the home page: shareable, and the map then crosses borders
//! like any other view). Any other address goes on to the routes (a file, a page, the 404).

use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

use crate::server::services::territories;
use crate::server::state::AppState;

/// The redirect to the home page on the territory named by `path`, if it names one.
pub fn home_of(state: &AppState, path: &str) -> Option<String> {
    let code = path.strip_prefix('/')?;
    let code = code.strip_suffix('/').unwrap_or(code);
    if code.is_empty() || code.contains('/') {
        return None;
    }
    let bounds = territories::bounds(&state.communes, code)?;
    Some(format!("/?bbox={}", bounds.to_query()))
}

/// The middleware: answers the addresses of territories, passes everything else on.
pub async fn open(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD) {
        if let Some(to) = home_of(&state, req.uri().path()) {
            return Redirect::to(&to).into_response();
        }
    }
    next.run(req).await
}

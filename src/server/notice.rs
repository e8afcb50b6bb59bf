//! The printed notice of a post (« Imprimer une affichette », #18 §3): its QR code, drawn on the
//! server as SVG (`GET /posts/{id}/qr.svg`), leading to the post's page at the site's public
//! address. Only public posts have one; anything else is the usual 404.

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};
use tower_sessions::Session;

use crate::server::services::{self, notifications::site_url};
use crate::server::state::AppState;

/// The address a notice leads to: the post's page at the site's public address.
pub fn post_url(id: i64) -> String {
    format!("{}/posts/{id}", site_url())
}

/// A QR code of `text` as SVG: error correction M (a smudged or folded notice still reads), the
/// quiet zone the standard asks for, black on white, at least 240 px.
pub fn qr_svg(text: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    Some(
        code.render::<svg::Color>()
            .min_dimensions(240, 240)
            .dark_color(svg::Color("#000000"))
            .light_color(svg::Color("#ffffff"))
            .quiet_zone(true)
            .build(),
    )
}

/// `GET /immeuble/{id}/qr.svg`: the QR code of a building's notice, leading to the page that
/// joins it; for its members only (others: 404, as for a building that does not exist).
pub async fn qr_of_building(State(state): State<AppState>, Path(id): Path<i64>, session: Session) -> Response {
    let now = services::now();
    let me = match crate::server::auth::current_user(&session, &state.db, now).await {
        Ok(Some(me)) => me,
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    let url = match services::buildings::join_url_of(&state.db, &me, id).await {
        Ok(url) => url,
        Err(_) => return StatusCode::NOT_FOUND.into_response(),
    };
    match qr_svg(&url) {
        Some(svg) => ([(header::CONTENT_TYPE, "image/svg+xml"), (header::CACHE_CONTROL, "private, no-store")], svg)
            .into_response(),
        None => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// `GET /posts/{id}/qr.svg`.
pub async fn qr_of_post(State(state): State<AppState>, Path(id): Path<i64>) -> Response {
    let public = services::posts::get_public(&state.db, id).await;
    let open = public.as_ref().is_ok_and(|p| p.summary.status.is_public() && p.expires_at > p.now);
    match (open, qr_svg(&post_url(id))) {
        (true, Some(svg)) => {
            ([(header::CONTENT_TYPE, "image/svg+xml"), (header::CACHE_CONTROL, "public, max-age=3600")], svg)
                .into_response()
        }
        (true, None) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        (false, _) => StatusCode::NOT_FOUND.into_response(),
    }
}

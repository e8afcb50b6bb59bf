//! `GET /api/v1/posts.geojson`: the open-data read API. A GeoJSON FeatureCollection (RFC 7946)
//! of the public posts of an area, at their public points. Same filter parameters and slugs as
//! the home page. Bad parameters get a 400 with a JSON body naming each problem. An area holding
//! more than 200 posts gets one feature per cell of the map's grid with its count instead
//! (`"cluster": true`), like the map's bubbles.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use crate::domain::grid::Grid;
use crate::domain::schedule::{format_day, format_time, Schedule};
use crate::domain::time::rfc3339;
use crate::domain::{PostFilter, PostQuery};
use crate::error::AppError;
use crate::server::services;
use crate::server::state::AppState;
use crate::wire::posts::{CellCount, PostPage, PostSummary};

/// The handler.
pub async fn posts(State(state): State<AppState>, query: Result<Query<PostQuery>, QueryRejection>) -> Response {
    let result = async {
        let Query(q) = query.map_err(|_| {
            let mut e = crate::error::FieldErrors::new();
            e.push("query", crate::i18n::Msg::new("error-bad-request"));
            AppError::Validation(e)
        })?;
        let filter = PostFilter::parse(&q)?;
        let (filter, _) = services::posts::locate_place(&state.communes, &filter)?;
        services::posts::list_public(&state.db, &filter).await
    }
    .await;
    match result {
        Ok(page) => (
            [(header::CONTENT_TYPE, "application/geo+json"), (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*")],
            feature_collection(&page).to_string(),
        )
            .into_response(),
        Err(e) => error_response(&e),
    }
}

/// A JSON error body: `{"error": "...", "message": "...", "fields": [...]}`.
pub fn error_response(e: &AppError) -> Response {
    let status = StatusCode::from_u16(e.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = match e {
        AppError::Validation(fields) => json!({
            "error": "bad_request",
            "message": fields.to_string(),
            "fields": fields.0,
        }),
        AppError::NotFound => json!({ "error": "not_found", "message": e.to_string() }),
        _ => json!({ "error": "internal", "message": e.to_string() }),
    };
    (status, [(header::CONTENT_TYPE, "application/json")], body.to_string()).into_response()
}

/// The page as a FeatureCollection: every post, or, when the area holds more than 200, the
/// counts per cell (`numberReturned` is then 0 and `grid` says which grid).
pub fn feature_collection(page: &PostPage) -> Value {
    match page.grid {
        None => json!({
            "type": "FeatureCollection",
            "numberMatched": page.total,
            "numberReturned": page.posts.len(),
            "features": page.posts.iter().map(feature).collect::<Vec<_>>(),
        }),
        Some(grid) => json!({
            "type": "FeatureCollection",
            "numberMatched": page.total,
            "numberReturned": 0,
            "grid": { "level": grid.level, "cell_degrees": 1.0 / grid.scale() },
            "features": page.cells.iter().map(|c| cell_feature(c, grid)).collect::<Vec<_>>(),
        }),
    }
}

fn cell_feature(c: &CellCount, grid: Grid) -> Value {
    let b = grid.cell_bounds(c.cx, c.cy);
    json!({
        "type": "Feature",
        "geometry": { "type": "Point", "coordinates": [round5(c.centre.lon), round5(c.centre.lat)] },
        "bbox": [b.west, b.south, b.east, b.north],
        "properties": { "cluster": true, "count": c.count, "cell": [c.cx, c.cy] },
    })
}

fn round5(x: f64) -> f64 {
    (x * 1e5).round() / 1e5
}

fn feature(p: &PostSummary) -> Value {
    json!({
        "type": "Feature",
        "id": p.id,
        "geometry": { "type": "Point", "coordinates": [round5(p.point.lon), round5(p.point.lat)] },
        "properties": {
            "id": p.id,
            "kind": p.kind.slug(),
            "category": p.category.slug(),
            "poster_kind": p.poster_kind.slug(),
            "status": p.status.slug(),
            "title": p.title,
            "commune": p.commune,
            "created_at": rfc3339(p.created_at),
            "url": format!("/posts/{}", p.id),
            "when": p.when.as_ref().map(when),
            "for_relative": p.for_relative,
        }
    })
}

/// When a post happens, for the API: `once` with its `date`, or `weekly` with ISO `weekdays`
/// (1 is Monday), or `monthly` with its `days`; hours as `HH:MM` (Paris time) and the last day
/// of a recurrence, when it says.
pub fn when(s: &Schedule) -> Value {
    let mut v = match s {
        Schedule::Once { day, .. } => json!({ "kind": "once", "date": format_day(*day) }),
        Schedule::Weekly { .. } => json!({ "kind": "weekly", "weekdays": s.days() }),
        Schedule::Monthly { .. } => json!({ "kind": "monthly", "days": s.days() }),
    };
    if let Some(w) = s.window() {
        v["from"] = json!(format_time(w.from));
        v["to"] = json!(format_time(w.to));
    }
    if let (true, Some(last)) = (s.is_recurring(), s.last_day()) {
        v["until"] = json!(format_day(last));
    }
    v
}

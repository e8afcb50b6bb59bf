//! `GET /api/v1/posts.csv`: the open data as CSV, beside the GeoJSON (`geojson.rs`). Every post
//! on the map now, at its public point: stable column names and slugs (the README documents
//! them), `;`-separated UTF-8 with a BOM, the licence (Licence Ouverte 2.0) named in the first
//! line, a comment. Streamed page by page.

use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;

use crate::domain::export::csv_line;
use crate::domain::time::rfc3339;
use crate::server::db::exports::OpenRow;
use crate::server::forms::exports::to_body;
use crate::server::services::{self, exports};
use crate::server::state::AppState;

/// The first line: what the file is and under which licence.
pub const LICENCE_LINE: &str = "# Entraide Haut-Rhin — annonces publiques (points approximatifs). \
    Licence Ouverte / Open Licence version 2.0 (Etalab) : https://www.etalab.gouv.fr/licence-ouverte-open-licence";

/// The columns, in order.
pub const COLUMNS: [&str; 12] = [
    "id",
    "type",
    "categorie",
    "publie_par",
    "statut",
    "titre",
    "commune",
    "code_insee",
    "latitude",
    "longitude",
    "cree_le",
    "expire_le",
];

fn line(r: &OpenRow) -> String {
    csv_line(&[
        r.id.to_string(),
        r.kind.clone(),
        r.category.clone(),
        r.poster_kind.clone(),
        r.status.clone(),
        r.title.clone(),
        r.commune_name.clone(),
        r.commune_insee.clone(),
        format!("{:.5}", r.public_lat),
        format!("{:.5}", r.public_lon),
        rfc3339(r.created_at),
        rfc3339(r.expires_at),
    ])
}

/// The handler: anyone may read it.
pub async fn posts_csv(State(state): State<AppState>) -> Response {
    let head = format!("\u{feff}{LICENCE_LINE}\r\n{}", csv_line(&COLUMNS));
    let rows = exports::public_rows(state.db.clone(), services::now())
        .map(|page| page.map(|rows| rows.iter().map(line).collect::<String>()));
    let body = futures_util::stream::once(async move { Ok(head) }).chain(rows);
    let mut res = to_body(body).into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    h.insert(header::CONTENT_DISPOSITION, HeaderValue::from_static("inline; filename=\"entraide-annonces.csv\""));
    res
}

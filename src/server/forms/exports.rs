//! `POST /pilotage/exports`: the staff's exports of the posts, asked from the form of that page
//! (a plain form post, so that a mistake shows the page again where it was). A CSV for a French spreadsheet (UTF-8 with a BOM, `;`,
//! one column per field, labels in the request's language), the same posts as GeoJSON, or for
//! admins the full CSV with the phone-intake records. Public points and communes only: never an
//! exact place, an author's name, e-mail or phone. On a mistake the form comes back with what
//! was typed and each error.

use axum::body::Body;
use axum::extract::{Form, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use tower_sessions::Session;

use super::kit::{echo, logged_in, rerender, status_of, Fields};
use crate::domain::export::{csv_line, ExportForm, ExportFormat};
use crate::domain::time::{paris_civil, rfc3339};
use crate::i18n::{schedule_for, translate, Lang, Locale};
use crate::server::db::exports::ExportRow;
use crate::server::locale::locale_of;
use crate::server::services::{self, exports};
use crate::server::state::AppState;
use crate::wire::forms::field_errors;

/// The page of the export form.
pub const PAGE: &str = "/pilotage/exports";
const FIELDS: [&str; 5] = ["from", "to", "commune", "category", "format"];

/// The columns of the staff CSV (`export-col-<name>` in the catalogues), then the full export's.
const COLUMNS: [&str; 21] = [
    "id",
    "kind",
    "category",
    "poster",
    "status",
    "title",
    "description",
    "commune",
    "insee",
    "lat",
    "lon",
    "by-phone",
    "created",
    "updated",
    "expires",
    "hidden",
    "answers",
    "first-answer",
    "accepted",
    "when",
    "for-relative",
];
const PEOPLE_COLUMNS: [&str; 7] =
    ["person-name", "person-phone", "street", "call-times", "share-phone", "consent-at", "consent-by"];

/// A date and time in Paris, as a spreadsheet reads it: `2026-12-02 19:05`.
pub fn local_time(ts: i64) -> String {
    let (y, m, d, h, min) = paris_civil(ts);
    format!("{y:04}-{m:02}-{d:02} {h:02}:{min:02}")
}

fn label(lang: Lang, prefix: &str, slug: &str) -> String {
    translate(lang, &format!("{prefix}-{slug}"), &[])
}

fn yes_no(lang: Lang, b: bool) -> String {
    translate(lang, if b { "export-yes" } else { "export-no" }, &[])
}

fn csv_row(locale: Locale, r: &ExportRow, people: bool) -> String {
    let lang = locale.lang;
    let schedule = r.schedule.clone().columns().schedule();
    let when = |t: Option<i64>| t.map(local_time).unwrap_or_default();
    let mut f = vec![
        r.id.to_string(),
        label(lang, "kind", &r.kind),
        label(lang, "category", &r.category),
        label(lang, "poster", &r.poster_kind),
        label(lang, "status", &r.status),
        r.title.clone(),
        r.description.clone(),
        r.commune_name.clone(),
        r.commune_insee.clone(),
        format!("{:.5}", r.public_lat),
        format!("{:.5}", r.public_lon),
        yes_no(lang, r.by_phone),
        local_time(r.created_at),
        local_time(r.updated_at),
        local_time(r.expires_at),
        yes_no(lang, r.hidden),
        r.answers.to_string(),
        when(r.first_answer_at),
        when(r.accepted_at),
        schedule.map(|s| schedule_for(locale, &s)).unwrap_or_default(),
        yes_no(lang, r.for_relative),
    ];
    if people {
        f.extend([
            r.person_name.clone().unwrap_or_default(),
            r.person_phone.clone().unwrap_or_default(),
            r.street.clone().unwrap_or_default(),
            r.call_times.clone().unwrap_or_default(),
            r.share_phone.map(|b| yes_no(lang, b)).unwrap_or_default(),
            when(r.consent_at),
            r.consent_by.clone().unwrap_or_default(),
        ]);
    }
    csv_line(&f)
}

fn feature(r: &ExportRow) -> String {
    let at = |t: Option<i64>| t.map(rfc3339);
    serde_json::json!({
        "type": "Feature",
        "geometry": { "type": "Point", "coordinates": [r.public_lon, r.public_lat] },
        "properties": {
            "id": r.id, "kind": r.kind, "category": r.category, "poster_kind": r.poster_kind,
            "status": r.status, "title": r.title, "description": r.description,
            "commune": r.commune_name, "insee": r.commune_insee, "by_phone": r.by_phone,
            "created_at": rfc3339(r.created_at), "updated_at": rfc3339(r.updated_at),
            "expires_at": rfc3339(r.expires_at), "hidden": r.hidden, "answers": r.answers,
            "first_answer_at": at(r.first_answer_at), "accepted_at": at(r.accepted_at),
            "when": r.schedule.clone().columns().schedule().as_ref().map(crate::server::geojson::when),
            "for_relative": r.for_relative,
        },
    })
    .to_string()
}

/// `POST /pilotage/exports`: `from`, `to`, `commune`, `category`, `format` (`csv`, `geojson`, `full`).
pub async fn export(State(state): State<AppState>, session: Session, parts: Parts, Form(f): Form<Fields>) -> Response {
    let now = services::now();
    let user = match logged_in(&state, &session, &parts.headers, PAGE, now).await {
        Ok(u) => u,
        Err(to_log_in) => return to_log_in,
    };
    let form = ExportForm {
        from: f.get("from").cloned().unwrap_or_default(),
        to: f.get("to").cloned().unwrap_or_default(),
        commune: f.get("commune").cloned().unwrap_or_default(),
        category: f.get("category").cloned().unwrap_or_default(),
        format: f.get("format").cloned().unwrap_or_default(),
    };
    let started = async {
        let request = form.parse(&state.communes.refs(), now)?;
        let selection = exports::start(&state.db, &user, &request, now).await?;
        Ok::<_, crate::error::AppError>((request, selection))
    }
    .await;
    let (request, selection) = match started {
        Ok(r) => r,
        Err(e) => {
            let status = status_of(&e);
            return rerender(state, parts, echo("export", &f, &FIELDS, field_errors(&e)), status).await;
        }
    };
    let locale = locale_of(&parts.headers);
    let lang = locale.lang;
    let (first, last) = request.period.days();
    let people = request.format == ExportFormat::Full;
    let rows = exports::rows(state.db.clone(), selection);
    let (body, content_type, name) = match request.format {
        ExportFormat::Csv | ExportFormat::Full => {
            let mut header: Vec<String> =
                COLUMNS.iter().map(|c| translate(lang, &format!("export-col-{c}"), &[])).collect();
            if people {
                header.extend(PEOPLE_COLUMNS.iter().map(|c| translate(lang, &format!("export-col-{c}"), &[])));
            }
            // The BOM tells a spreadsheet the file is UTF-8.
            let head = format!("\u{feff}{}", csv_line(&header));
            let lines = rows
                .map(move |page| page.map(|rows| rows.iter().map(|r| csv_row(locale, r, people)).collect::<String>()));
            let body = futures_util::stream::once(async move { Ok(head) }).chain(lines);
            let kind = if people { "complet" } else { "annonces" };
            (to_body(body), "text/csv; charset=utf-8", format!("entraide-{kind}-{first}-{last}.csv"))
        }
        ExportFormat::GeoJson => {
            let mut first_feature = true;
            let features = rows.map(move |page| {
                page.map(|rows| {
                    let mut out = String::new();
                    for r in &rows {
                        if !std::mem::take(&mut first_feature) {
                            out.push(',');
                        }
                        out.push_str(&feature(r));
                    }
                    out
                })
            });
            let body =
                futures_util::stream::once(async { Ok(r#"{"type":"FeatureCollection","features":["#.to_owned()) })
                    .chain(features)
                    .chain(futures_util::stream::once(async { Ok("]}".to_owned()) }));
            (to_body(body), "application/geo+json", format!("entraide-annonces-{first}-{last}.geojson"))
        }
    };
    let mut res = body.into_response();
    let headers = res.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// A streamed body; a failure half-way is logged (with its reference) and cuts the download
/// short, so that a partial file is never taken for a whole one.
pub fn to_body(s: impl futures_util::Stream<Item = Result<String, crate::error::AppError>> + Send + 'static) -> Body {
    // Fused: the server may ask a finished body for more.
    Body::from_stream(s.fuse().map(|chunk| chunk.map_err(|e| std::io::Error::other(format!("export cut short: {e}")))))
}

//! Exports of the posts: who may take which (staff: the posts; admins: the full export with the
//! people who called), the audit of each, and the rows read page by page as a stream, so that a
//! year of a whole département never sits in memory at once.

use std::future::Future;

use futures_util::stream::{self, Stream};

use crate::domain::export::{ExportFormat, ExportRequest};
use crate::domain::user::{CurrentUser, Role};
use crate::error::AppError;
use crate::server::db::exports::{self as sql, ExportRow, OpenRow, Selection};
use crate::server::db::{self, Db};

/// Rows read at once.
pub const PAGE: i64 = 1000;

/// Staff only; the full export for admins only. Records the export (who, which, for what) and
/// returns what to read.
pub async fn start(db: &Db, me: &CurrentUser, r: &ExportRequest, now: i64) -> Result<Selection, AppError> {
    let allowed = match r.format {
        ExportFormat::Csv | ExportFormat::GeoJson => me.role.is_staff(),
        ExportFormat::Full => me.role == Role::Admin,
    };
    if !allowed {
        return Err(AppError::Forbidden);
    }
    let selection = Selection {
        from: r.period.from,
        to: r.period.to,
        commune: r.commune.clone(),
        category: r.category.map(|c| c.slug().to_owned()),
        people: r.format == ExportFormat::Full,
        staff: me.id,
    };
    let mut conn = db.write.acquire().await.map_err(|e| db::internal("export: acquire", e))?;
    sql::audit(&mut conn, me.id, r.format.slug(), &selection, now)
        .await
        .map_err(|e| db::internal("export: audit", e))?;
    tracing::info!(user = me.id, format = r.format.slug(), "export");
    Ok(selection)
}

/// Pages read by `fetch(after)` (rows after id `after`), until a short or empty page or the
/// first error.
fn paged<T, F, Fut>(fetch: F, id_of: fn(&T) -> i64) -> impl Stream<Item = Result<Vec<T>, AppError>>
where
    F: Fn(i64) -> Fut + Clone,
    Fut: Future<Output = Result<Vec<T>, AppError>>,
{
    stream::unfold(Some(0i64), move |after| {
        let fetch = fetch.clone();
        async move {
            let after = after?;
            match fetch(after).await {
                Ok(rows) if rows.is_empty() => None,
                Ok(rows) => {
                    let next = if (rows.len() as i64) < PAGE { None } else { rows.last().map(id_of) };
                    Some((Ok(rows), next))
                }
                Err(e) => Some((Err(e), None)),
            }
        }
    })
}

/// The selected posts, a page at a time, by id.
pub fn rows(db: Db, selection: Selection) -> impl Stream<Item = Result<Vec<ExportRow>, AppError>> {
    let fetch = move |after: i64| {
        let (db, s) = (db.clone(), selection.clone());
        async move {
            let mut conn = db.read.acquire().await.map_err(|e| db::internal("export: acquire", e))?;
            sql::page(&mut conn, &s, after, PAGE).await.map_err(|e| db::internal("export: page", e))
        }
    };
    paged(fetch, |r| r.id)
}

/// The public posts at `now` (the open data), a page at a time, by id.
pub fn public_rows(db: Db, now: i64) -> impl Stream<Item = Result<Vec<OpenRow>, AppError>> {
    let fetch = move |after: i64| {
        let db = db.clone();
        async move {
            let mut conn = db.read.acquire().await.map_err(|e| db::internal("open data: acquire", e))?;
            sql::public_page(&mut conn, now, after, PAGE).await.map_err(|e| db::internal("open data: page", e))
        }
    };
    paged(fetch, |r| r.id)
}

//! The map's reads, the hottest path of the product: the pins of an area, the counts per cell
//! of the grid, and the most relevant posts of a wide area. On SQLite they run on a small pool of
//! rusqlite connections on Tokio's blocking threads and hand their whole result over at once.
//! Through sqlx each row crosses a channel, which costs 3–7× on 200-row reads
//! (`research/perf.md`; `make bench` prints the ratio as G1). Everything else goes through sqlx.
//! On PostgreSQL they run through the app's pool (the network costs more than the channel),
//! driven from the same blocking thread, so one piece of code decides what to read on both.
//!
//! The SQL is built here only, in each engine's terms ([`MapConn::engine`]): SQLite's R*Trees
//! and FTS5, PostGIS's GiST index (`&&` on the point, with the category) and a `tsvector`.
//! `make bench` runs the very same text on a bare connection.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rusqlite::types::Value;
use rusqlite::{Connection, OpenFlags};
use sqlx::PgPool;

use super::posts::{CorruptRow, SummaryRow};
use super::sql::Engine;
use crate::domain::grid::{Grid, LIST_WHEN_AGGREGATED};
use crate::domain::{BBox, LatLng, PostFilter, PostStatus, SortOrder};
use crate::wire::posts::{CellCount, PostSummary};

/// Map reads running at once (more wait their turn): also the most connections ever open.
const CONCURRENT_READS: usize = 8;

/// A failure of a map read.
#[derive(Debug, thiserror::Error)]
pub enum MapError {
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    #[error(transparent)]
    Postgres(#[from] sqlx::Error),
    #[error(transparent)]
    Corrupt(#[from] CorruptRow),
    #[error("map read task: {0}")]
    Task(String),
}

/// The map's readers: read-only rusqlite connections to the SQLite file, or the PostgreSQL
/// pool; at most `CONCURRENT_READS` reads at once.
#[derive(Debug)]
pub struct MapReader {
    source: Source,
    turns: tokio::sync::Semaphore,
}

#[derive(Debug)]
enum Source {
    Sqlite { path: PathBuf, idle: Mutex<Vec<Connection>> },
    Postgres(PgPool),
}

impl MapReader {
    /// Readers of the SQLite database file at `path` (opened on first use).
    pub fn new(path: impl Into<PathBuf>) -> Arc<MapReader> {
        let source = Source::Sqlite { path: path.into(), idle: Mutex::new(Vec::new()) };
        Arc::new(MapReader { source, turns: tokio::sync::Semaphore::new(CONCURRENT_READS) })
    }

    /// Readers through the PostgreSQL pool.
    pub fn postgres(pool: PgPool) -> Arc<MapReader> {
        Arc::new(MapReader { source: Source::Postgres(pool), turns: tokio::sync::Semaphore::new(CONCURRENT_READS) })
    }

    /// The SQLite file it reads (`None` on PostgreSQL).
    pub fn path(&self) -> Option<&Path> {
        match &self.source {
            Source::Sqlite { path, .. } => Some(path),
            Source::Postgres(_) => None,
        }
    }

    /// Runs `read` on a connection, on a blocking thread, once one of the `CONCURRENT_READS`
    /// turns is free (a spike of requests waits instead of opening ever more connections).
    pub async fn run<T: Send + 'static>(
        self: &Arc<Self>,
        read: impl FnOnce(&dyn MapConn) -> Result<T, MapError> + Send + 'static,
    ) -> Result<T, MapError> {
        let _turn = self.turns.acquire().await.map_err(|e| MapError::Task(e.to_string()))?;
        let me = Arc::clone(self);
        let runtime = tokio::runtime::Handle::current();
        tokio::task::spawn_blocking(move || match &me.source {
            Source::Sqlite { path, idle } => {
                let conn = match idle.lock().ok().and_then(|mut idle| idle.pop()) {
                    Some(c) => c,
                    None => open(path)?,
                };
                let out = read(&conn);
                if let Ok(mut idle) = idle.lock() {
                    if idle.len() < CONCURRENT_READS {
                        idle.push(conn);
                    }
                }
                out
            }
            Source::Postgres(pool) => read(&PgMap { pool: pool.clone(), runtime }),
        })
        .await
        .map_err(|e| MapError::Task(e.to_string()))?
    }
}

/// A row of counts per cell: `cx, cy, n, sum_lat, sum_lon`.
pub type CellRow = (i64, i64, i64, f64, f64);

/// A connection the map's reads run on, one statement after the other, from a blocking thread.
pub trait MapConn {
    fn engine(&self) -> Engine;
    /// Runs a summary query.
    fn summaries(&self, q: &Sql) -> Result<Vec<PostSummary>, MapError>;
    /// Runs a count query.
    fn count(&self, q: &Sql) -> Result<i64, MapError>;
    /// Runs a query of counts per cell: `cx, cy, n, sum_lat, sum_lon` per row.
    fn cell_rows(&self, q: &Sql) -> Result<Vec<CellRow>, MapError>;
}

impl MapConn for Connection {
    fn engine(&self) -> Engine {
        Engine::Sqlite
    }

    fn summaries(&self, q: &Sql) -> Result<Vec<PostSummary>, MapError> {
        let mut stmt = self.prepare_cached(&q.text)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(q.params.iter()), |r| {
            Ok(SummaryRow {
                id: r.get(0)?,
                kind: r.get(1)?,
                category: r.get(2)?,
                poster_kind: r.get(3)?,
                status: r.get(4)?,
                title: r.get(5)?,
                commune_name: r.get(6)?,
                public_lat: r.get(7)?,
                public_lon: r.get(8)?,
                created_at: r.get(9)?,
                schedule: super::posts::ScheduleRow {
                    when_kind: r.get(10)?,
                    when_day: r.get(11)?,
                    when_days: r.get(12)?,
                    when_from: r.get(13)?,
                    when_to: r.get(14)?,
                    when_until: r.get(15)?,
                },
                for_relative: r.get(16)?,
            })
        })?;
        let mut out = Vec::new();
        for row in rows {
            out.push(PostSummary::try_from(row?)?);
        }
        Ok(out)
    }

    fn count(&self, q: &Sql) -> Result<i64, MapError> {
        Ok(self.prepare_cached(&q.text)?.query_row(rusqlite::params_from_iter(q.params.iter()), |r| r.get(0))?)
    }

    fn cell_rows(&self, q: &Sql) -> Result<Vec<CellRow>, MapError> {
        let mut stmt = self.prepare_cached(&q.text)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(q.params.iter()), |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// The PostgreSQL pool, driven from a blocking thread: each statement runs on the runtime and
/// the thread waits for its rows.
pub(crate) struct PgMap {
    pool: PgPool,
    runtime: tokio::runtime::Handle,
}

impl PgMap {
    /// `q`'s parameters as PostgreSQL arguments (`make bench` binds the bare floor's the same way).
    pub(crate) fn args(q: &Sql) -> Result<sqlx::postgres::PgArguments, MapError> {
        use sqlx::Arguments;
        let mut args = sqlx::postgres::PgArguments::default();
        for v in &q.params {
            match v {
                Value::Null => args.add(Option::<i64>::None),
                Value::Integer(i) => args.add(*i),
                Value::Real(r) => args.add(*r),
                Value::Text(t) => args.add(t.clone()),
                Value::Blob(b) => args.add(b.clone()),
            }
            .map_err(|e| MapError::Postgres(sqlx::Error::Encode(e)))?;
        }
        Ok(args)
    }
}

impl MapConn for PgMap {
    fn engine(&self) -> Engine {
        Engine::Postgres
    }

    fn summaries(&self, q: &Sql) -> Result<Vec<PostSummary>, MapError> {
        let args = Self::args(q)?;
        let rows: Vec<SummaryRow> = self.runtime.block_on(sqlx::query_as_with(&q.text, args).fetch_all(&self.pool))?;
        Ok(rows.into_iter().map(PostSummary::try_from).collect::<Result<_, _>>()?)
    }

    fn count(&self, q: &Sql) -> Result<i64, MapError> {
        let args = Self::args(q)?;
        Ok(self.runtime.block_on(sqlx::query_scalar_with(&q.text, args).fetch_one(&self.pool))?)
    }

    fn cell_rows(&self, q: &Sql) -> Result<Vec<CellRow>, MapError> {
        let args = Self::args(q)?;
        Ok(self.runtime.block_on(sqlx::query_as_with(&q.text, args).fetch_all(&self.pool))?)
    }
}

/// A read-only connection with a statement cache (the map's queries differ only by filter),
/// reading the file through a memory map: the posts of a viewport lie on as many pages as
/// posts, and a read through the map costs no system call (measured at 1M posts: viewport
/// p50 4.5 ms with the default 2 MB page cache and read calls).
pub fn open(path: &Path) -> Result<Connection, rusqlite::Error> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.set_prepared_statement_cache_capacity(64);
    conn.pragma_update(None, "mmap_size", 4_i64 << 30)?;
    conn.pragma_update(None, "cache_size", -16_384)?;
    Ok(conn)
}

/// SQL text of one engine with its parameters, in order.
#[derive(Clone, Debug)]
pub struct Sql {
    pub engine: Engine,
    pub text: String,
    pub params: Vec<Value>,
}

impl Sql {
    fn new(engine: Engine, text: &str) -> Sql {
        Sql { engine, text: text.to_owned(), params: Vec::new() }
    }
    fn push(&mut self, text: &str) -> &mut Sql {
        self.text.push_str(text);
        self
    }
    /// A parameter: `?` on SQLite, `$n` on PostgreSQL.
    fn bind(&mut self, v: impl Into<Value>) -> &mut Sql {
        self.params.push(v.into());
        match self.engine {
            Engine::Sqlite => self.text.push('?'),
            Engine::Postgres => self.text.push_str(&format!("${}", self.params.len())),
        }
        self
    }
    fn pg(&self) -> bool {
        self.engine == Engine::Postgres
    }
    /// `a, b, c` of bound values.
    fn bind_list<V: Into<Value>>(&mut self, values: impl IntoIterator<Item = V>) -> &mut Sql {
        for (i, v) in values.into_iter().enumerate() {
            if i > 0 {
                self.text.push_str(", ");
            }
            self.bind(v);
        }
        self
    }
}

use super::posts::SUMMARY_COLUMNS;

fn public_slugs() -> impl Iterator<Item = String> {
    PostStatus::ALL.into_iter().filter(|s| s.is_public()).map(|s| s.slug().to_owned())
}

/// The conditions on `p` shared by every list: public (never for one building only), shown,
/// unexpired, the kind and categories.
fn push_post_conditions(q: &mut Sql, f: &PostFilter, now: i64) {
    q.push(" AND p.building_id IS NULL");
    if !f.categories.is_empty() {
        q.push(" AND p.category IN (").bind_list(f.categories.iter().map(|c| c.slug().to_owned())).push(")");
    }
    q.push(" AND p.status IN (").bind_list(public_slugs()).push(") AND p.hidden_at IS NULL AND p.expires_at > ");
    q.bind(now);
    if let Some(k) = f.kind {
        q.push(" AND p.kind = ").bind(k.slug().to_owned());
    }
    push_when_condition(q, f, now);
}

/// With days asked for (today, tomorrow, this week): only the posts happening on one of them —
/// that day, or a weekday or a day of the month of theirs, before their last day.
fn push_when_condition(q: &mut Sql, f: &PostFilter, now: i64) {
    use crate::domain::schedule::{monthday, weekday};
    let Some(w) = f.when else { return };
    let (first, last) = w.days(now);
    q.push(" AND ((p.when_kind = 'once' AND p.when_day BETWEEN ").bind(first).push(" AND ").bind(last).push(")");
    for day in first..=last {
        for (kind, bit) in [("weekly", weekday(day)), ("monthly", monthday(day))] {
            q.push(" OR (p.when_kind = ").bind(kind.to_owned()).push(" AND p.when_days & ").bind(1i64 << (bit - 1));
            q.push(" != 0 AND coalesce(p.when_until, ").bind(day).push(") >= ").bind(day).push(")");
        }
    }
    q.push(")");
}

/// The posts that say when they happen, whose public point is in `area`: few, read through
/// their own index (`posts_scheduled`) rather than the whole area's.
fn push_schedule_source(q: &mut Sql, area: BBox) {
    let source = if q.pg() { " FROM posts p" } else { " FROM posts p INDEXED BY posts_scheduled" };
    q.push(source).push(" WHERE p.when_kind IS NOT NULL");
    q.push(" AND p.public_lat BETWEEN ").bind(area.south).push(" AND ").bind(area.north);
    q.push(" AND p.public_lon BETWEEN ").bind(area.west).push(" AND ").bind(area.east);
    q.push(" AND NOT (p.status = 'in-progress' AND p.off_map_in_progress = TRUE)");
}

/// How much more a word found in a title weighs than one found in a description, in the
/// ranking of a word search (FTS5's `bm25` on SQLite; on PostgreSQL, the sum over the terms of
/// this weight when found in the title and 1 when found in the description).
pub const TITLE_WEIGHT: f64 = 4.0;

/// The `tsquery` of `terms` on PostgreSQL: every term as a prefix (`epicerie:* & aide:*`). The
/// terms are letters and digits only; `posts.search` is built without accents or ligatures
/// (`unaccent` turns « œ » into « oe »), as the terms are folded.
fn ts_query(terms: &[String]) -> String {
    terms.iter().map(|t| format!("{t}:*")).collect::<Vec<_>>().join(" & ")
}

/// The public posts of `area` matching `f`, in `f`'s order, at most `limit`: an R*Tree drives
/// (`CROSS JOIN` fixes the order), `posts` is reached by primary key. Without a category filter
/// the 2-D `posts_geo`; with one, the 3-D `posts_geo_cat`, whose third dimension is the category
/// code, restricted to the codes' range. With words, the word index drives instead.
///
/// On PostgreSQL, the GiST index of `posts_geo` (the point, with the category code) drives both.
pub fn pins_sql(engine: Engine, f: &PostFilter, area: BBox, now: i64, limit: i64) -> Sql {
    pins_page_sql(engine, f, area, now, limit, 0)
}

/// `pins_sql` after skipping the first `offset` posts (the pages of a long list).
pub fn pins_page_sql(engine: Engine, f: &PostFilter, area: BBox, now: i64, limit: i64, offset: i64) -> Sql {
    let mut q = Sql::new(engine, SUMMARY_COLUMNS);
    let terms = f.terms();
    let codes = f.categories.iter().map(|c| c.code());
    let (lo, hi) = (codes.clone().min().unwrap_or(0), codes.max().unwrap_or(0));
    if !terms.is_empty() {
        push_words_source(&mut q, &terms, area);
    } else if f.when.is_some() {
        push_schedule_source(&mut q, area);
    } else if f.categories.is_empty() {
        q.push(" FROM posts_geo g");
        push_area(&mut q, area);
    } else if q.pg() {
        q.push(" FROM posts_geo g");
        push_area(&mut q, area);
        q.push(" AND g.cat BETWEEN ").bind(lo).push(" AND ").bind(hi);
    } else {
        q.push(" FROM posts_geo_cat g");
        push_area(&mut q, area);
        q.push(" AND g.min_cat >= ").bind(lo).push(" AND g.max_cat <= ").bind(hi);
    }
    push_post_conditions(&mut q, f, now);
    push_radius_condition(&mut q, f);
    match f.sort {
        SortOrder::Relevance if !terms.is_empty() && q.pg() => {
            // Each term found in the title weighs TITLE_WEIGHT, in the description 1 (the
            // title's words are weight A of `posts.search`, the description's B).
            q.push(" ORDER BY (0");
            for t in &terms {
                q.push(" + CASE WHEN p.search @@ to_tsquery('simple', ").bind(format!("{t}:*A"));
                q.push(") THEN ").push(&format!("{TITLE_WEIGHT:.1}")).push(" ELSE 0 END");
                q.push(" + CASE WHEN p.search @@ to_tsquery('simple', ")
                    .bind(format!("{t}:*B"))
                    .push(") THEN 1 ELSE 0 END");
            }
            q.push(") DESC, p.created_at DESC, p.id DESC");
        }
        SortOrder::Relevance if !terms.is_empty() => {
            q.push(" ORDER BY bm25(posts_fts, ").bind(TITLE_WEIGHT).push(", 1.0), p.created_at DESC, p.id DESC");
        }
        SortOrder::Recent | SortOrder::Relevance => {
            q.push(" ORDER BY p.created_at DESC, p.id DESC");
        }
        SortOrder::Nearest => {
            let c = f.near.unwrap_or_else(|| f.area().centre());
            // Equirectangular distance: exact enough to order the points of one area.
            let k = c.lat.to_radians().cos();
            q.push(" ORDER BY (p.public_lat - ").bind(c.lat).push(") * (p.public_lat - ").bind(c.lat);
            q.push(") + (p.public_lon - ").bind(c.lon).push(") * (p.public_lon - ").bind(c.lon);
            q.push(") * ").bind(k * k).push(", p.id DESC");
        }
    }
    q.push(" LIMIT ").bind(limit);
    if offset > 0 {
        q.push(" OFFSET ").bind(offset);
    }
    q
}

/// The posts whose title or description holds every term (as a prefix), whose public point is
/// in `area`: the word index drives, `posts` is reached by primary key. The index holds every
/// post, so what keeps a post off the map is checked here and by `push_post_conditions`.
fn push_words_source(q: &mut Sql, terms: &[String], area: BBox) {
    if q.pg() {
        q.push(" FROM posts p WHERE p.search @@ to_tsquery('simple', ").bind(ts_query(terms)).push(")");
    } else {
        q.push(" FROM posts_fts CROSS JOIN posts p ON p.id = posts_fts.rowid WHERE posts_fts MATCH ");
        q.bind(crate::domain::search::fts_query(terms));
    }
    q.push(" AND p.public_lat BETWEEN ").bind(area.south).push(" AND ").bind(area.north);
    q.push(" AND p.public_lon BETWEEN ").bind(area.west).push(" AND ").bind(area.east);
    q.push(" AND NOT (p.status = 'in-progress' AND p.off_map_in_progress = TRUE)");
}

/// With a place and a radius: only the posts whose public point is within the radius of the
/// place (the plane tangent at the place; under 20 km, within 0.1 % of the great circle).
fn push_radius_condition(q: &mut Sql, f: &PostFilter) {
    if let (Some(c), Some(r)) = (f.near, f.radius_km) {
        let kx = 111.32 * c.lat.to_radians().cos();
        q.push(" AND ((p.public_lat - ").bind(c.lat).push(") * 111.32) * ((p.public_lat - ").bind(c.lat);
        q.push(") * 111.32) + ((p.public_lon - ").bind(c.lon).push(") * ").bind(kx);
        q.push(") * ((p.public_lon - ").bind(c.lon).push(") * ").bind(kx).push(") <= ").bind(f64::from(r * r));
    }
}

/// The join of an R*Tree `g` (named before) with `posts p`, restricted to the entries inside `area`
/// (on PostgreSQL, the points of `posts_geo` in the box, through its GiST index).
fn push_area(q: &mut Sql, area: BBox) {
    if q.pg() {
        q.push(" JOIN posts p ON p.id = g.id WHERE g.pt && ST_MakeEnvelope(").bind(area.west).push(", ");
        q.bind(area.south).push(", ").bind(area.east).push(", ").bind(area.north).push(", 4326)");
        return;
    }
    q.push(" CROSS JOIN posts p ON p.id = g.id WHERE g.min_lat >= ")
        .bind(area.south)
        .push(" AND g.max_lat <= ")
        .bind(area.north)
        .push(" AND g.min_lon >= ")
        .bind(area.west)
        .push(" AND g.max_lon <= ")
        .bind(area.east);
}

/// How many public posts of `area` match `f` (its radius and words included).
pub fn count_sql(engine: Engine, f: &PostFilter, area: BBox, now: i64) -> Sql {
    let mut q = Sql::new(engine, "SELECT count(*)");
    let terms = f.terms();
    if !terms.is_empty() {
        push_words_source(&mut q, &terms, area);
    } else if f.when.is_some() {
        push_schedule_source(&mut q, area);
    } else {
        q.push(" FROM posts_geo g");
        push_area(&mut q, area);
    }
    push_post_conditions(&mut q, f, now);
    push_radius_condition(&mut q, f);
    q
}

/// Runs a count query.
pub fn count(conn: &dyn MapConn, q: &Sql) -> Result<i64, MapError> {
    conn.count(q)
}

/// The newest public posts of `area` matching `f` created since `since`, walking posts newest
/// first (those of the category, when the filter names one): fast when the area holds a large
/// share of the posts walked.
fn newest_walk_sql(engine: Engine, f: &PostFilter, area: BBox, now: i64, since: i64, limit: i64) -> Sql {
    let mut q = Sql::new(engine, SUMMARY_COLUMNS);
    let pg = q.pg();
    if let [one] = f.categories[..] {
        q.push(if pg { " FROM posts p" } else { " FROM posts p INDEXED BY posts_category_created" });
        q.push(" WHERE p.category = ").bind(one.slug().to_owned());
        q.push(" AND p.created_at >= ").bind(since);
    } else {
        q.push(if pg { " FROM posts p" } else { " FROM posts p INDEXED BY posts_created" });
        q.push(" WHERE p.created_at >= ").bind(since);
    }
    q.push(" AND p.public_lat BETWEEN ").bind(area.south).push(" AND ").bind(area.north);
    q.push(" AND p.public_lon BETWEEN ").bind(area.west).push(" AND ").bind(area.east);
    // What `posts_geo` leaves out: a post its author took off the map while a helper is at work.
    q.push(" AND NOT (p.status = 'in-progress' AND p.off_map_in_progress = TRUE)");
    push_post_conditions(&mut q, f, now);
    q.push(" ORDER BY p.created_at DESC, p.id DESC LIMIT ").bind(limit);
    q
}

/// Counts per cell of `grid` over the cells meeting `area`, for `f`'s categories and kind.
pub fn cells_sql(engine: Engine, f: &PostFilter, grid: Grid, area: BBox) -> Sql {
    // PostgreSQL sums integers as `numeric`: brought back to a 64-bit integer.
    let mut q = Sql::new(
        engine,
        "SELECT cx, cy, CAST(sum(n) AS BIGINT), sum(sum_lat), sum(sum_lon) FROM map_cells WHERE level = ",
    );
    q.bind(i64::from(grid.level));
    q.push(" AND cx BETWEEN ").bind(grid.index(area.west)).push(" AND ").bind(grid.index(area.east));
    q.push(" AND cy BETWEEN ").bind(grid.index(area.south)).push(" AND ").bind(grid.index(area.north));
    if !f.categories.is_empty() {
        q.push(" AND cat IN (").bind_list(f.categories.iter().map(|c| c.code())).push(")");
    }
    if let Some(k) = f.kind {
        q.push(" AND kind = ").bind(k.slug().to_owned());
    }
    q.push(" GROUP BY cx, cy HAVING sum(n) > 0");
    q
}

/// Runs a summary query.
pub fn summaries(conn: &dyn MapConn, q: &Sql) -> Result<Vec<PostSummary>, MapError> {
    conn.summaries(q)
}

/// The counts per cell (`cells_sql`), with each cell's centre of mass to 5 decimals.
pub fn cells(conn: &dyn MapConn, f: &PostFilter, grid: Grid, area: BBox) -> Result<Vec<CellCount>, MapError> {
    let q = cells_sql(conn.engine(), f, grid, area);
    let round = |v: f64| (v * 1e5).round() / 1e5;
    Ok(conn
        .cell_rows(&q)?
        .into_iter()
        .map(|(cx, cy, n, lat, lon)| CellCount {
            cx,
            cy,
            count: n,
            centre: LatLng { lat: round(lat / n as f64), lon: round(lon / n as f64) },
        })
        .collect())
}

/// The `LIST_WHEN_AGGREGATED` most relevant posts of a wide `area` holding about `count`
/// matching posts, on `f`'s page: the newest, or the nearest to the place (else to the centre of
/// the requested area), without sorting every post of the area.
pub fn most_relevant(
    conn: &dyn MapConn,
    f: &PostFilter,
    area: BBox,
    count: i64,
    now: i64,
) -> Result<Vec<PostSummary>, MapError> {
    let skipped = LIST_WHEN_AGGREGATED * i64::from(f.page_index);
    let mut first = most_relevant_first(conn, f, area, count, now, skipped + LIST_WHEN_AGGREGATED)?;
    Ok(first.split_off((skipped as usize).min(first.len())))
}

/// The `limit` most relevant posts of a wide `area` (see `most_relevant`).
fn most_relevant_first(
    conn: &dyn MapConn,
    f: &PostFilter,
    area: BBox,
    count: i64,
    now: i64,
    limit: i64,
) -> Result<Vec<PostSummary>, MapError> {
    match f.sort {
        SortOrder::Recent | SortOrder::Relevance => {
            // Walking the posts newest first (those of the category with a one-category filter)
            // finds `limit` of the area after reading about limit × walked / count of them;
            // sorting the area reads `count`. Walk only when that is cheaper, through the last
            // month (an area with fewer than `limit` of them then is sorted whole).
            let world = BBox { west: -180.0, south: -90.0, east: 180.0, north: 90.0 };
            let walked = match f.categories[..] {
                [one] => PostFilter { categories: vec![one], ..Default::default() },
                _ => PostFilter::default(),
            };
            let coarsest = Grid { level: crate::domain::grid::COARSEST };
            let everywhere: i64 = cells(conn, &walked, coarsest, world)?.iter().map(|c| c.count).sum();
            if count * count > limit * everywhere {
                let month = 30 * 86_400;
                let found = summaries(conn, &newest_walk_sql(conn.engine(), f, area, now, now - month, limit))?;
                if found.len() as i64 == limit {
                    return Ok(found);
                }
            }
            summaries(conn, &pins_sql(conn.engine(), f, area, now, limit))
        }
        SortOrder::Nearest => {
            // Boxes around the centre, sized to hold about 2 × limit posts, doubled until the
            // `limit`-th nearest is inside the circle the box surrounds (then no post outside the
            // box can be nearer), or the box holds the whole area.
            let c = f.near.unwrap_or_else(|| f.area().centre());
            let k = c.lat.to_radians().cos().max(0.01);
            let span = (area.north - area.south).max((area.east - area.west) * k);
            let share = ((2 * limit) as f64 / count.max(1) as f64).min(1.0);
            let mut half = (span / 2.0 * share.sqrt()).max(1.0 / 512.0);
            loop {
                let b = BBox {
                    west: (c.lon - half / k).max(area.west),
                    east: (c.lon + half / k).min(area.east),
                    south: (c.lat - half).max(area.south),
                    north: (c.lat + half).min(area.north),
                };
                let whole = b == area;
                let found = summaries(conn, &pins_sql(conn.engine(), f, b, now, limit))?;
                let far = found.last().map(|p| {
                    let (dy, dx) = (p.point.lat - c.lat, (p.point.lon - c.lon) * k);
                    (dy * dy + dx * dx).sqrt()
                });
                if whole || (found.len() as i64 == limit && far.is_some_and(|d| d <= half)) {
                    return Ok(found);
                }
                half *= 2.0;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlx::SqlitePool;

    fn conn_of(pool: &SqlitePool) -> Connection {
        open(pool.connect_options().get_filename()).unwrap()
    }

    fn plan(conn: &Connection, q: &Sql) -> String {
        let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {}", q.text)).unwrap();
        let rows = stmt.query_map(rusqlite::params_from_iter(q.params.iter()), |r| r.get::<_, String>(3)).unwrap();
        rows.map(Result::unwrap).collect::<Vec<_>>().join("\n")
    }

    #[tokio::test]
    async fn a_spike_of_reads_shares_a_bounded_set_of_connections() {
        let (pool, _db) = crate::server::db::testing::fresh_sqlite().await;
        use std::sync::atomic::{AtomicUsize, Ordering};
        let reader = MapReader::new(pool.connect_options().get_filename());
        let (running, most) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        let reads = (0..64).map(|_| {
            let (reader, running, most) = (Arc::clone(&reader), Arc::clone(&running), Arc::clone(&most));
            tokio::spawn(async move {
                reader
                    .run(move |c| {
                        let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(now, Ordering::SeqCst);
                        std::thread::sleep(Duration::from_millis(5));
                        let n = c.count(&Sql::new(Engine::Sqlite, "SELECT count(*) FROM posts"));
                        running.fetch_sub(1, Ordering::SeqCst);
                        n
                    })
                    .await
            })
        });
        for r in reads.collect::<Vec<_>>() {
            assert_eq!(r.await.unwrap().unwrap(), 0);
        }
        let most = most.load(Ordering::SeqCst);
        assert!((2..=CONCURRENT_READS).contains(&most), "{most} reads at once");
        let Source::Sqlite { idle, .. } = &reader.source else { panic!("a SQLite reader") };
        let open = idle.lock().unwrap().len();
        assert!((1..=CONCURRENT_READS).contains(&open), "{open} connections");
    }

    #[tokio::test]
    async fn the_map_queries_use_their_indexes() {
        let (pool, _db) = crate::server::db::testing::fresh_sqlite().await;
        let conn = conn_of(&pool);
        let area = BBox { west: 7.2, south: 47.6, east: 7.5, north: 47.9 };
        for f in [
            PostFilter { bbox: Some(area), ..Default::default() },
            PostFilter {
                bbox: Some(area),
                categories: vec![crate::domain::Category::Groceries, crate::domain::Category::Diy],
                sort: SortOrder::Nearest,
                ..Default::default()
            },
        ] {
            let p = plan(&conn, &pins_sql(Engine::Sqlite, &f, area, 0, 200));
            assert!(p.contains("VIRTUAL TABLE INDEX 2:"), "{p}");
            // posts is reached by primary key, never scanned.
            assert!(!p.contains("SCAN p"), "{p}");
            let p = plan(&conn, &cells_sql(Engine::Sqlite, &f, Grid::for_area(area), area));
            assert!(p.contains("SEARCH map_cells USING PRIMARY KEY (level=? AND cx>? AND cx<?)"), "{p}");
            let p = plan(&conn, &newest_walk_sql(Engine::Sqlite, &f, area, 0, 0, 50));
            assert!(p.contains("USING INDEX posts_created"), "{p}");
            let one = PostFilter { categories: vec![crate::domain::Category::Diy], ..f.clone() };
            let p = plan(&conn, &newest_walk_sql(Engine::Sqlite, &one, area, 0, 0, 50));
            assert!(p.contains("USING INDEX posts_category_created (category=? AND created_at>?)"), "{p}");
            assert!(!p.contains("TEMP B-TREE"), "{p}");
            // With days, the index of the dated posts drives (they are few).
            let days = PostFilter { when: Some(crate::domain::schedule::WhenFilter::Week), ..f.clone() };
            for q in [pins_sql(Engine::Sqlite, &days, area, 0, 200), count_sql(Engine::Sqlite, &days, area, 0)] {
                let p = plan(&conn, &q);
                assert!(p.contains("SEARCH p USING INDEX posts_scheduled") && !p.contains("SCAN p"), "{p}");
            }
            // With words, the word index drives, and posts is still reached by primary key.
            let words = PostFilter { words: Some("épicerie solidaire".into()), ..f.clone() };
            for q in [pins_sql(Engine::Sqlite, &words, area, 0, 200), count_sql(Engine::Sqlite, &words, area, 0)] {
                let p = plan(&conn, &q);
                assert!(p.starts_with("SCAN posts_fts VIRTUAL TABLE INDEX"), "{p}");
                assert!(p.contains("SEARCH p USING INTEGER PRIMARY KEY"), "{p}");
            }
        }
    }
}

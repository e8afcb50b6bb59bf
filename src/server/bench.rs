//! `entraide bench`: the map's reads through the app's path against the floor, on a database
//! filled by `entraide seed --synthetic` (`make bench` runs it on SQLite and on PostgreSQL). For
//! each sampled place the same SQL runs through the app's path (the map's readers on a blocking
//! thread, rows into the shared types) and on a bare connection of that engine (rusqlite on the
//! same file, or one `PgConnection`), interleaved in random order; and, every 20th place, as a
//! full scan without the index (a sanity ratio). Then, on SQLite, it times the creation of posts
//! (insert, map index and counts in one transaction). It prints `NAME VALUE` lines.

use std::time::Instant;

use rusqlite::Connection;
use sqlx::{Connection as _, PgConnection, Row as _};

use crate::domain::{BBox, Category, LatLng, PostFilter, PostKind, PostStatus, SortOrder};
use crate::server::communes::Communes;
use crate::server::db::map::{self, Sql};
use crate::server::db::Db;
use crate::server::db::Engine;
use crate::server::services;

/// A deterministic generator (xorshift*), so two runs sample the same places.
pub(crate) struct Rng(pub(crate) u64);
impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// The three read shapes of G1.
#[derive(Clone, Copy, Debug)]
enum Shape {
    /// The pins of a box holding at most 200 posts, newest first.
    Viewport,
    /// The 50 nearest posts of one category around a point.
    Knn,
    /// The 50 newest posts of one category within a radius.
    Newest,
}

fn box_around(c: LatLng, half_lat: f64) -> BBox {
    let k = c.lat.to_radians().cos().max(0.01);
    BBox { west: c.lon - half_lat / k, east: c.lon + half_lat / k, south: c.lat - half_lat, north: c.lat + half_lat }
}

/// A summary row as plain values.
type RawRow = (i64, String, String, String, String, String, String, f64, f64, i64);

/// The floor: a bare connection of the database's engine, with no pool, no blocking thread and
/// no conversion into the app's types; it also samples the places and runs the full scans.
enum Floor {
    Sqlite(Connection),
    /// The bare connection, and one with index scans turned off (the full scans).
    Postgres {
        bare: Box<PgConnection>,
        scans: Box<PgConnection>,
    },
}

impl Floor {
    async fn open(db: &Db, url: &str) -> Result<Floor, String> {
        if let Some(path) = db.map.path() {
            return map::open(path).map(Floor::Sqlite).map_err(|e| e.to_string());
        }
        let bare = PgConnection::connect(url).await.map_err(|e| e.to_string())?;
        let mut scans = PgConnection::connect(url).await.map_err(|e| e.to_string())?;
        sqlx::raw_sql("SET enable_indexscan = off; SET enable_bitmapscan = off; SET enable_indexonlyscan = off")
            .execute(&mut scans)
            .await
            .map_err(|e| e.to_string())?;
        Ok(Floor::Postgres { bare: Box::new(bare), scans: Box::new(scans) })
    }

    fn engine(&self) -> Engine {
        match self {
            Floor::Sqlite(_) => Engine::Sqlite,
            Floor::Postgres { .. } => Engine::Postgres,
        }
    }

    /// A statement returning one integer.
    async fn integer(
        &mut self,
        sqlite: &str,
        postgres: &str,
        params: Vec<rusqlite::types::Value>,
    ) -> Result<i64, String> {
        match self {
            Floor::Sqlite(conn) => conn
                .prepare_cached(sqlite)
                .and_then(|mut s| s.query_row(rusqlite::params_from_iter(params.iter()), |r| r.get(0)))
                .map_err(|e| e.to_string()),
            Floor::Postgres { bare, .. } => {
                let q = Sql { engine: Engine::Postgres, text: postgres.to_owned(), params };
                let args = map::PgMap::args(&q).map_err(|e| e.to_string())?;
                sqlx::query_scalar_with(postgres, args).fetch_one(&mut **bare).await.map_err(|e| e.to_string())
            }
        }
    }

    /// How many posts the map shows (the index's rows).
    async fn posts_on_map(&mut self) -> Result<i64, String> {
        self.integer("SELECT count(*) FROM posts_geo", "SELECT count(*) FROM posts_geo", vec![]).await
    }

    /// The highest post id.
    async fn max_id(&mut self) -> Result<i64, String> {
        self.integer("SELECT max(id) FROM posts", "SELECT max(id) FROM posts", vec![]).await
    }

    /// The public point of post `id`, if there is one.
    async fn point(&mut self, id: i64) -> Result<Option<LatLng>, String> {
        let lat_lon = |conn: &Connection| {
            conn.prepare_cached("SELECT public_lat, public_lon FROM posts WHERE id = ?")?
                .query_row([id], |r| Ok(LatLng { lat: r.get(0)?, lon: r.get(1)? }))
        };
        match self {
            Floor::Sqlite(conn) => match lat_lon(conn) {
                Ok(p) => Ok(Some(p)),
                Err(rusqlite::Error::QueryReturnedNoRows) => Ok(None),
                Err(e) => Err(e.to_string()),
            },
            Floor::Postgres { bare, .. } => {
                let row = sqlx::query("SELECT public_lat, public_lon FROM posts WHERE id = $1")
                    .bind(id)
                    .fetch_optional(&mut **bare)
                    .await
                    .map_err(|e| e.to_string())?;
                Ok(row.map(|r| LatLng { lat: r.get(0), lon: r.get(1) }))
            }
        }
    }

    /// About how many posts of `category` (all with `None`) the map index holds in `area`.
    async fn count(&mut self, category: Option<Category>, area: BBox) -> Result<i64, String> {
        let (lo, hi) = category.map_or((0, 99), |c| (c.code(), c.code()));
        self.integer(
            "SELECT count(*) FROM posts_geo WHERE min_lat >= ? AND max_lat <= ? AND min_lon >= ? AND max_lon <= ? \
             AND cat BETWEEN ? AND ?",
            "SELECT count(*) FROM posts_geo WHERE pt && ST_MakeEnvelope($3, $1, $4, $2, 4326) AND cat BETWEEN $5 AND $6",
            vec![area.south.into(), area.north.into(), area.west.into(), area.east.into(), lo.into(), hi.into()],
        )
        .await
    }

    /// The same statement on the bare connection, rows read into plain tuples; with `scan`, the
    /// query without its indexes (every post read).
    async fn run(&mut self, q: &Sql, scan: bool) -> Result<usize, String> {
        match self {
            Floor::Sqlite(conn) => {
                let q = if scan { scan_sql(q) } else { q.clone() };
                bare_sqlite(conn, &q).map_err(|e| e.to_string())
            }
            Floor::Postgres { bare, scans } => {
                let conn = if scan { scans } else { bare };
                let args = map::PgMap::args(q).map_err(|e| e.to_string())?;
                let rows = sqlx::query_with(&q.text, args).fetch_all(&mut **conn).await.map_err(|e| e.to_string())?;
                let mut out: Vec<RawRow> = Vec::with_capacity(rows.len());
                for r in &rows {
                    let get = |e: sqlx::Error| e.to_string();
                    out.push((
                        r.try_get(0).map_err(get)?,
                        r.try_get(1).map_err(get)?,
                        r.try_get(2).map_err(get)?,
                        r.try_get(3).map_err(get)?,
                        r.try_get(4).map_err(get)?,
                        r.try_get(5).map_err(get)?,
                        r.try_get(6).map_err(get)?,
                        r.try_get(7).map_err(get)?,
                        r.try_get(8).map_err(get)?,
                        r.try_get(9).map_err(get)?,
                    ));
                }
                Ok(out.len())
            }
        }
    }
}

/// The floor on SQLite: the statement on a bare rusqlite connection, rows into plain tuples.
fn bare_sqlite(conn: &Connection, q: &Sql) -> rusqlite::Result<usize> {
    let mut stmt = conn.prepare_cached(&q.text)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(q.params.iter()))?;
    let mut out: Vec<RawRow> = Vec::with_capacity(200);
    while let Some(r) = rows.next()? {
        out.push((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
            r.get(6)?,
            r.get(7)?,
            r.get(8)?,
            r.get(9)?,
        ));
    }
    Ok(out.len())
}

/// The same query without the spatial index on SQLite: every post is read (on PostgreSQL, the
/// same text on a connection that may not use indexes).
fn scan_sql(q: &Sql) -> Sql {
    let text = q
        .text
        .replace("FROM posts_geo g CROSS JOIN posts p ON p.id = g.id WHERE", "FROM posts p NOT INDEXED WHERE")
        .replace("FROM posts_geo_cat g CROSS JOIN posts p ON p.id = g.id WHERE", "FROM posts p NOT INDEXED WHERE")
        .replace("g.min_cat >= ? AND g.max_cat <= ?", "? IS NOT NULL AND ? IS NOT NULL")
        .replace("g.min_lat", "p.public_lat")
        .replace("g.max_lat", "p.public_lat")
        .replace("g.min_lon", "p.public_lon")
        .replace("g.max_lon", "p.public_lon");
    Sql { engine: q.engine, text, params: q.params.clone() }
}

pub(crate) fn percentile(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    if v.is_empty() {
        return f64::NAN;
    }
    v[((v.len() - 1) as f64 * p).round() as usize]
}

/// Builds `n` queries of `shape` around places drawn from the posts themselves (so they follow
/// the population), each sized like the research's: about 200 pins, 50 nearest, 20 km radius.
async fn queries(floor: &mut Floor, shape: Shape, n: usize, radius_km: f64, now: i64) -> Result<Vec<Sql>, String> {
    let max_id = floor.max_id().await?;
    let engine = floor.engine();
    let mut rng = Rng(0x5EED ^ shape as u64);
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let id = 1 + rng.below(max_id as u64) as i64;
        let Some(c) = floor.point(id).await? else { continue };
        let category = Category::ALL[rng.below(Category::ALL.len() as u64) as usize];
        let q = match shape {
            Shape::Viewport => {
                let f = PostFilter::default();
                let mut half = 0.2;
                // The largest box (halving from 0.4°) with at most 200 posts: a zoomed-in map.
                while floor.count(None, box_around(c, half)).await? > 200 && half > 0.0005 {
                    half /= 2.0;
                }
                map::pins_sql(engine, &f, box_around(c, half), now, 200)
            }
            Shape::Knn => {
                let f = PostFilter { categories: vec![category], sort: SortOrder::Nearest, ..Default::default() };
                // The smallest box (doubling) with at least 50 of the category: what the
                // expanding search of the list ends with.
                let mut half = 0.005;
                while floor.count(Some(category), box_around(c, half)).await? < 50 && half < 4.0 {
                    half *= 2.0;
                }
                let f = PostFilter { bbox: Some(box_around(c, half)), ..f };
                map::pins_sql(engine, &f, box_around(c, half), now, 50)
            }
            Shape::Newest => {
                let f = PostFilter { categories: vec![category], ..Default::default() };
                map::pins_sql(engine, &f, box_around(c, radius_km / 111.32), now, 50)
            }
        };
        out.push(q);
    }
    Ok(out)
}

/// The floor's time for `q` in ms, and its rows.
async fn time_floor(floor: &mut Floor, q: &Sql) -> Result<(f64, usize), String> {
    let t = Instant::now();
    let n = floor.run(q, false).await?;
    Ok((t.elapsed().as_secs_f64() * 1e3, n))
}

/// Times `shape`: app path and bare path interleaved in random order, the scan every 20th.
async fn time_shape(db: &Db, floor: &mut Floor, name: &str, qs: Vec<Sql>) -> Result<(f64, f64), String> {
    let mut rng = Rng(0xBEEF);
    let (mut app, mut bare, mut scan, mut scan_app) = (vec![], vec![], vec![], vec![]);
    // Warm both paths: statement caches, and every page these queries read mapped into the
    // process (a server that has run a while has its working set mapped; the first touch of
    // a page is a page fault, not a read).
    for q in &qs {
        let q2 = q.clone();
        db.map.run(move |c| map::summaries(c, &q2)).await.map_err(|e| e.to_string())?;
        floor.run(q, false).await?;
    }
    for (i, q) in qs.iter().enumerate() {
        let run_app = || async {
            let q2 = q.clone();
            let t = Instant::now();
            let rows = db.map.run(move |c| map::summaries(c, &q2)).await.map_err(|e| e.to_string())?;
            Ok::<_, String>((t.elapsed().as_secs_f64() * 1e3, rows.len()))
        };
        let ((a, na), (b, nb)) = if rng.below(2) == 0 {
            let a = run_app().await?;
            (a, time_floor(floor, q).await?)
        } else {
            let b = time_floor(floor, q).await?;
            (run_app().await?, b)
        };
        if na != nb {
            return Err(format!("{name}: the app read {na} rows, the bare connection {nb}"));
        }
        app.push(a);
        bare.push(b);
        if i % 20 == 0 {
            let t = Instant::now();
            let ns = floor.run(q, true).await?;
            scan.push(t.elapsed().as_secs_f64() * 1e3);
            scan_app.push(a);
            // The R*Tree keeps 32-bit coordinates rounded outwards: a point within a few
            // centimetres of the box's edge may fall on either side of it.
            if ns.abs_diff(na) > 2 {
                return Err(format!("{name}: the scan read {ns} rows, the index {na}"));
            }
        }
    }
    let (a50, a99) = (percentile(&mut app, 0.5), percentile(&mut app, 0.99));
    let (b50, b99) = (percentile(&mut bare, 0.5), percentile(&mut bare, 0.99));
    let s50 = percentile(&mut scan, 0.5);
    let sa50 = percentile(&mut scan_app, 0.5);
    println!("{name}.app_p50_ms {a50:.3}\n{name}.app_p99_ms {a99:.3}\n{name}.bare_p50_ms {b50:.3}\n{name}.bare_p99_ms {b99:.3}");
    println!("{name}.p50_ratio {:.2}\n{name}.p99_ratio {:.2}\n{name}.scan_p50_ms {s50:.1}", a50 / b50, a99 / b99);
    Ok((a50, s50 / sa50))
}

/// Runs G1 (and G4 with `creates`) on `db` and prints the figures under `prefix`.
///
/// `url` is the database's: on PostgreSQL the floor opens its own connections there.
pub async fn queries_bench(
    db: &Db,
    url: &str,
    prefix: &str,
    n: usize,
    radius_km: f64,
    creates: usize,
) -> Result<(), String> {
    let now = services::now();
    let mut floor = Floor::open(db, url).await?;
    println!("{prefix}.posts_on_map {}", floor.posts_on_map().await?);
    eprintln!("{prefix}: sampling {n} places per query shape…");
    let mut sanity = vec![];
    for (shape, name) in [(Shape::Viewport, "viewport"), (Shape::Knn, "knn"), (Shape::Newest, "newest")] {
        let qs = queries(&mut floor, shape, n, radius_km, now).await?;
        let (_, scan_ratio) = time_shape(db, &mut floor, &format!("{prefix}.{name}"), qs).await?;
        sanity.push(scan_ratio);
    }
    println!("{prefix}.scan_over_app_ratio {:.0}", percentile(&mut sanity, 0.5));
    if creates > 0 {
        if db.engine() != Engine::Sqlite {
            return Err("--creates times SQLite's writer against a bare rusqlite connection".into());
        }
        creates_bench(db, prefix, creates, now).await?;
    }
    Ok(())
}

/// G4: creating posts through the app's path (the service: its commune and public point, then
/// one transaction through the pool) against the floor, the same statements in one transaction
/// on a bare rusqlite connection with the app's pragmas, interleaved in random order.
async fn creates_bench(db: &Db, prefix: &str, creates: usize, now: i64) -> Result<(), String> {
    let communes = Communes::haut_rhin()?;
    let mut bare = bare_writer(db.map.path().ok_or("G4 writes a SQLite file")?).map_err(|e| e.to_string())?;
    let (mut app, mut floor) = (vec![], vec![]);
    let mut rng = Rng(7);
    for i in 0..creates {
        let at = LatLng { lat: 47.70 + rng.below(1000) as f64 * 1e-4, lon: 7.25 + rng.below(1000) as f64 * 1e-4 };
        let creation = |i: usize| -> Result<services::posts::Creation, String> {
            Ok(services::posts::Creation {
                post: crate::domain::post::NewPost {
                    kind: PostKind::Request,
                    category: Category::Groceries,
                    poster_kind: crate::domain::PosterKind::Individual,
                    title: crate::domain::post::Title::parse(&format!("Banc d'essai {i}"))
                        .map_err(|e| e.to_string())?,
                    description: crate::domain::post::Description::parse("Annonce de mesure.")
                        .map_err(|e| e.to_string())?,
                    location: at,
                    lifetime_days: 30,
                    schedule: None,
                },
                status: PostStatus::Published,
                created_at: now,
                jitter: (0.0, 0.0),
                author_id: None,
                private_note: None,
            })
        };
        let app_first = rng.below(2) == 0;
        for turn in 0..2 {
            if (turn == 0) == app_first {
                let c = creation(i)?;
                let t = Instant::now();
                services::posts::create(db, &communes, c).await.map_err(|e| e.to_string())?;
                app.push(t.elapsed().as_secs_f64() * 1e3);
            } else {
                let row = services::posts::row_of(&communes, creation(i)?).map_err(|e| e.to_string())?;
                let t = Instant::now();
                create_bare(&mut bare, &row).map_err(|e| e.to_string())?;
                floor.push(t.elapsed().as_secs_f64() * 1e3);
            }
        }
    }
    let (a50, a99) = (percentile(&mut app, 0.5), percentile(&mut app, 0.99));
    let b50 = percentile(&mut floor, 0.5);
    println!("{prefix}.create_p50_ms {a50:.3}\n{prefix}.create_p99_ms {a99:.3}\n{prefix}.create_bare_p50_ms {b50:.3}");
    println!("{prefix}.create_p50_ratio {:.2}", a50 / b50);
    Ok(())
}

/// A writing rusqlite connection on the app's file, with the app's pragmas (`db::options`).
fn bare_writer(path: &std::path::Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "secure_delete", "ON")?;
    // As the app's writer: the WAL is copied back beside the writes (`db::checkpoints`).
    conn.pragma_update(None, "wal_autocheckpoint", 0)?;
    Ok(conn)
}

/// `db::posts::insert` (its two statements and the index's) on a bare connection.
fn create_bare(conn: &mut Connection, p: &crate::server::db::posts::NewPostRow) -> rusqlite::Result<()> {
    use crate::server::db::posts::{sync_sql, INSERT_SQL};
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let when = p.schedule.as_ref().map(crate::domain::schedule::Schedule::to_columns).unwrap_or_default();
    let id: i64 = tx.prepare_cached(INSERT_SQL)?.query_row(
        rusqlite::params![
            p.kind.slug(),
            p.category.slug(),
            p.poster_kind.slug(),
            p.status.slug(),
            p.title.as_str(),
            p.description.as_str(),
            p.exact.lat,
            p.exact.lon,
            p.public.lat,
            p.public.lon,
            p.commune_insee,
            p.commune_name,
            p.created_at,
            p.expires_at,
            p.author_id,
            p.private_note,
            p.privacy_area_m,
            p.urgent_signs,
            when.kind,
            when.day,
            when.days,
            when.from,
            when.to,
            when.until,
        ],
        |r| r.get(0),
    )?;
    for statement in sync_sql(Engine::Sqlite).split(";\n") {
        tx.prepare_cached(statement)?.execute([id])?;
    }
    tx.commit()
}

//! The database: SQLite (the embedded default) or PostgreSQL with PostGIS, through sqlx, chosen by
//! the URL (`sqlite://…`, `postgres://…`) in the same binary. Connection options, migrations (one
//! folder per engine), and the mapping of database failures to `AppError::Internal`. SQL lives in
//! the submodules, run by `sql` on either engine; no authorization here.
//!
//! On PostgreSQL, one pool serves reads and writes (the engine has many writers).
//!
//! On SQLite, two pools: one writer connection (SQLite has one writer; `BEGIN IMMEDIATE` avoids busy
//! upgrades) and a pool of read-only readers, all in WAL mode. The WAL is copied back into the
//! database by a connection of its own (`checkpoints`), beside the writes: by default SQLite
//! does it inside the commit that fills it past 1,000 pages, which then took 5 to 28 ms instead
//! of one (G4.create.p99_ms).

pub mod alerts;
pub mod announcements;
pub mod buildings;
pub mod carers;
pub mod changes;
pub mod conversations;
pub mod copy;
pub mod exports;
pub mod follow_ups;
pub mod intakes;
pub mod leases;
pub mod limits;
pub mod map;
pub mod moderation;
pub mod notifications;
pub mod operations;
pub mod pages;
pub mod people;
pub mod posts;
pub mod privacy;
pub mod push;
pub mod retention;
pub mod sql;
pub mod stats;
pub mod territories;
#[cfg(test)]
pub mod testing;
pub mod tokens;
pub mod users;
pub mod vetting;

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;

use crate::error::AppError;
pub use sql::{query, query_as, query_scalar, Conn, Engine, Pool, QueryBuilder, Tx};

/// The embedded migrations of `migrations/` (SQLite).
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// The embedded migrations of `migrations/postgres/`: the same schema in PostgreSQL's terms.
pub static PG_MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// Connections to PostgreSQL per app server (the engine's own default allows 100 in all).
const PG_CONNECTIONS: u32 = 16;

/// Whether `url` names a PostgreSQL database.
pub fn is_postgres_url(url: &str) -> bool {
    url.starts_with("postgres://") || url.starts_with("postgresql://")
}

/// `url` as it may be shown or logged: a password in it is replaced by `***`
/// (`postgres://entraide:***@db/entraide`).
pub fn shown_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_owned() };
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let (authority, path) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:***@{host}{path}"),
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

/// The migrations of an engine.
pub fn migrator(engine: Engine) -> &'static sqlx::migrate::Migrator {
    match engine {
        Engine::Sqlite => &MIGRATOR,
        Engine::Postgres => &PG_MIGRATOR,
    }
}

/// The pools of the application.
#[derive(Clone, Debug)]
pub struct Db {
    /// Read-only connections for queries.
    pub read: Pool,
    /// The single writer connection.
    pub write: Pool,
    /// The map's hot reads (on blocking threads: rusqlite on SQLite, the pool on PostgreSQL).
    pub map: Arc<map::MapReader>,
    /// The writes to what visitors see, counted on the writer connection; `None` on pools made
    /// elsewhere (tests), where no page is kept in memory (`server/page_cache.rs`).
    pub changes: Option<Arc<changes::Changes>>,
}

impl Db {
    /// Both roles on one pool (tests: one database per test, `db::testing`).
    pub fn single(pool: impl Into<Pool>) -> Db {
        let pool = pool.into();
        let map = match &pool {
            Pool::Sqlite(p) => map::MapReader::new(p.connect_options().get_filename()),
            Pool::Postgres(p) => map::MapReader::postgres(p.clone()),
        };
        Db { read: pool.clone(), write: pool, map, changes: None }
    }

    /// The engine the database runs on.
    pub fn engine(&self) -> Engine {
        self.write.engine()
    }

    /// Starts a write transaction (on SQLite, one that takes the write lock at once).
    pub async fn begin_write(&self) -> Result<Tx<'static>, sqlx::Error> {
        let asked = std::time::Instant::now();
        let tx = self.write.begin_write().await;
        crate::server::metrics::write_wait(asked.elapsed().as_secs_f64());
        tx
    }
}

fn options(url: &str) -> Result<SqliteConnectOptions, sqlx::Error> {
    Ok(SqliteConnectOptions::from_str(url)?
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5))
        // Deleted values are overwritten in the file, not just unlinked (erasure of an account).
        .pragma("secure_delete", "ON")
        // Hand rows over in one batch: the map reads up to 200 rows at once.
        .row_buffer_size(256))
}

/// Opens (creating if needed) the database at `url` and its parent folder (SQLite), or connects
/// to the PostgreSQL database of `url`. Does not migrate.
pub async fn connect(url: &str) -> Result<Db, sqlx::Error> {
    if is_postgres_url(url) {
        return connect_postgres(url).await;
    }
    let write_opts = options(url)?.create_if_missing(true).pragma("wal_autocheckpoint", "0");
    let path = write_opts.get_filename().to_path_buf();
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        tokio::fs::create_dir_all(parent).await.map_err(sqlx::Error::Io)?;
    }
    let changes = Arc::new(changes::Changes::default());
    let watched = changes.clone();
    let write = SqlitePoolOptions::new()
        .max_connections(1)
        .acquire_timeout(Duration::from_secs(10))
        .after_connect(move |conn, _| {
            let watched = watched.clone();
            Box::pin(async move { watched.watch(conn).await })
        })
        .connect_with(write_opts)
        .await?;
    let read = SqlitePoolOptions::new()
        .max_connections(4)
        .acquire_timeout(Duration::from_secs(10))
        .connect_with(options(url)?.read_only(true))
        .await?;
    let checkpointer = SqlitePoolOptions::new().max_connections(1).connect_with(options(url)?).await?;
    tokio::spawn(checkpoints(checkpointer));
    tokio::spawn(changes.clone().watch_others(write.clone()));
    Ok(Db {
        read: Pool::Sqlite(read),
        write: Pool::Sqlite(write),
        map: map::MapReader::new(path),
        changes: Some(changes),
    })
}

/// A pooled PostgreSQL connection idle this long is pinged before it is used again (as
/// HikariCP skips its check for a connection used within the last 500 ms).
const PG_PING_AFTER_IDLE: Duration = Duration::from_secs(1);

/// One pool on the PostgreSQL database of `url`, for reads and writes.
async fn connect_postgres(url: &str) -> Result<Db, sqlx::Error> {
    use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
    let options = PgConnectOptions::from_str(url)?.application_name("entraide");
    let pool = PgPoolOptions::new()
        .max_connections(PG_CONNECTIONS)
        .acquire_timeout(Duration::from_secs(10))
        // sqlx pings every connection it hands out by default: one round trip more for every
        // statement. A connection idle for a while is still checked, and one the server
        // dropped is replaced, not handed out.
        .test_before_acquire(false)
        .before_acquire(|conn, meta| {
            Box::pin(async move {
                if meta.idle_for >= PG_PING_AFTER_IDLE {
                    sqlx::Connection::ping(conn).await?;
                }
                Ok(true)
            })
        })
        .connect_with(options)
        .await?;
    let map = map::MapReader::postgres(pool.clone());
    let changes = Arc::new(changes::Changes::default());
    tokio::spawn(changes.clone().watch_postgres(pool.clone()));
    Ok(Db { read: Pool::Postgres(pool.clone()), write: Pool::Postgres(pool), map, changes: Some(changes) })
}

/// How often the WAL is copied back into the database.
const CHECKPOINT_EVERY: Duration = Duration::from_millis(250);

/// Copies what the writer committed into the database file, every `CHECKPOINT_EVERY`, on a
/// connection of its own (on its own thread, as any sqlx connection): `PASSIVE` waits for no
/// one, so readers and the writer go on meanwhile, and nothing is left to do in a commit. With
/// nothing new, it costs a read of the WAL's index. Stops when the pool is closed.
async fn checkpoints(pool: SqlitePool) {
    let mut tick = tokio::time::interval(CHECKPOINT_EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    while !pool.is_closed() {
        tick.tick().await;
        if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)").execute(&pool).await {
            tracing::warn!(error = %e, "checkpoint");
        }
    }
}

/// Opens the database at `url` only if it exists (a backup of nothing is an error). Does not
/// migrate.
pub async fn open_existing(url: &str) -> Result<Db, sqlx::Error> {
    if is_postgres_url(url) {
        return connect_postgres(url).await;
    }
    if !options(url)?.get_filename().exists() {
        return Err(sqlx::Error::Io(std::io::Error::new(std::io::ErrorKind::NotFound, "no such database file")));
    }
    connect(url).await
}

/// Applies pending migrations, with the foreign keys' checks off while they run (SQLite's own
/// procedure for changing a table: a migration may rebuild a table others refer to, as
/// `..600_site_pages.sql` does with `users`), then checks every reference before going on.
///
/// On PostgreSQL, sqlx takes the database's advisory lock while it migrates, and every statement
/// of a migration runs in its transaction.
/// After a bulk load (`migrate-to`, the synthetic seed): PostgreSQL's planner statistics taken
/// now rather than whenever autovacuum comes by, so the map's first reads use their indexes.
/// Nothing on SQLite, whose hot reads name their indexes.
pub async fn analyze_after_bulk_load(db: &Db) -> Result<(), sqlx::Error> {
    if db.engine() == Engine::Postgres {
        query("ANALYZE").execute(&db.write).await?;
    }
    Ok(())
}

pub async fn migrate(db: &Db) -> Result<(), sqlx::migrate::MigrateError> {
    use sqlx::migrate::MigrateError;
    if let Some(pool) = db.write.as_postgres() {
        return PG_MIGRATOR.run(pool).await;
    }
    let _locked = migration_lock(db).await.map_err(|e| MigrateError::Execute(sqlx::Error::Io(e)))?;
    let Some(pool) = db.write.as_sqlite() else {
        return Err(MigrateError::Execute(sqlx::Error::Protocol("not SQLite".into())));
    };
    let mut conn = pool.acquire().await?;
    sqlx::query("PRAGMA foreign_keys = OFF").execute(&mut *conn).await?;
    let ran = MIGRATOR.run(&mut *conn).await;
    let broken: Vec<(String, i64)> =
        sqlx::query_as("SELECT \"table\", rowid FROM pragma_foreign_key_check").fetch_all(&mut *conn).await?;
    sqlx::query("PRAGMA foreign_keys = ON").execute(&mut *conn).await?;
    ran?;
    match broken.first() {
        None => Ok(()),
        Some((table, row)) => Err(MigrateError::Execute(sqlx::Error::Protocol(format!(
            "{} broken reference(s) after migrating, the first in {table} row {row}",
            broken.len()
        )))),
    }
}

/// Takes the migration lock of the database's file — an advisory lock on `<file>-migrate.lock`
/// beside it, never on the database file itself (closing another descriptor of that file would
/// drop SQLite's own locks) — until the returned file is dropped: servers started at once on one
/// file migrate one after the other (sqlx takes no lock on SQLite: both would run the first
/// pending migration, and the second would fail on tables the first made). `None` for a
/// database without a file.
async fn migration_lock(db: &Db) -> Result<Option<std::fs::File>, std::io::Error> {
    let Some(pool) = db.write.as_sqlite() else { return Ok(None) };
    let path = pool.connect_options().get_filename().to_path_buf();
    if path.as_os_str().is_empty() || path.as_os_str() == ":memory:" {
        return Ok(None);
    }
    let mut name = path.into_os_string();
    name.push("-migrate.lock");
    tokio::task::spawn_blocking(move || {
        let file = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(&name)?;
        file.lock()?;
        Ok(Some(file))
    })
    .await
    .map_err(std::io::Error::other)?
}

/// What `entraide migrate` would do to a database, read without changing it.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct MigrationPlan {
    /// Migrations of this program already applied.
    pub applied: usize,
    /// Migrations that would run, in order: version and description.
    pub pending: Vec<(i64, String)>,
    /// Applied migrations this program does not know (a newer version migrated the database).
    pub unknown: Vec<i64>,
    /// Applied migrations whose text differs from this program's.
    pub changed: Vec<i64>,
}

impl MigrationPlan {
    /// For the operator, in English like the rest of the command line.
    pub fn describe(&self, url: &str) -> String {
        let mut out = format!("{url}: {} migration(s) applied.\n", self.applied);
        if self.pending.is_empty() {
            out.push_str("Up to date: nothing would run.\n");
        } else {
            out.push_str(&format!("{} would run, in this order:\n", self.pending.len()));
            for (version, description) in &self.pending {
                out.push_str(&format!("  {version} {description}\n"));
            }
        }
        for version in &self.unknown {
            out.push_str(&format!("Applied but unknown to this version: {version} (the database is newer).\n"));
        }
        for version in &self.changed {
            out.push_str(&format!("Applied with a different text: {version} (the start would refuse).\n"));
        }
        out
    }
}

/// Reads which migrations `url` has and which would run, opening it read-only (a missing file is
/// not created: everything would run).
pub async fn migration_plan(url: &str) -> Result<MigrationPlan, sqlx::Error> {
    use sqlx::ConnectOptions;
    let engine = if is_postgres_url(url) { Engine::Postgres } else { Engine::Sqlite };
    let known: Vec<&sqlx::migrate::Migration> =
        migrator(engine).iter().filter(|m| m.migration_type.is_up_migration()).collect();
    let mut applied: Vec<(i64, Vec<u8>)> = vec![];
    if engine == Engine::Postgres {
        let mut conn = sqlx::postgres::PgConnectOptions::from_str(url)?.connect().await?;
        let has_table: bool =
            sqlx::query_scalar("SELECT to_regclass('_sqlx_migrations') IS NOT NULL").fetch_one(&mut conn).await?;
        if has_table {
            applied = sqlx::query_as("SELECT version, checksum FROM _sqlx_migrations WHERE success ORDER BY version")
                .fetch_all(&mut conn)
                .await?;
        }
    }
    let opts =
        SqliteConnectOptions::from_str(if engine == Engine::Sqlite { url } else { "sqlite::memory:" })?.read_only(true);
    if engine == Engine::Sqlite && opts.get_filename().exists() {
        let mut conn = opts.connect().await?;
        let has_table: i64 =
            sqlx::query_scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'")
                .fetch_one(&mut conn)
                .await?;
        if has_table > 0 {
            applied =
                sqlx::query_as("SELECT version, checksum FROM _sqlx_migrations WHERE success = 1 ORDER BY version")
                    .fetch_all(&mut conn)
                    .await?;
        }
    }
    let mut plan = MigrationPlan::default();
    for m in &known {
        match applied.iter().find(|(v, _)| *v == m.version) {
            Some((_, sum)) if sum.as_slice() == &*m.checksum => plan.applied += 1,
            Some(_) => plan.changed.push(m.version),
            None => plan.pending.push((m.version, m.description.to_string())),
        }
    }
    plan.unknown = applied.iter().map(|(v, _)| *v).filter(|v| !known.iter().any(|m| m.version == *v)).collect();
    Ok(plan)
}

/// Whether the schema is in place (every embedded migration applied).
pub async fn is_migrated(conn: &mut Conn) -> Result<bool, sqlx::Error> {
    let engine = conn.engine();
    let applied: i64 = sql::query_scalar("SELECT count(*) FROM _sqlx_migrations WHERE success").fetch_one(conn).await?;
    Ok(applied as usize >= migrator(engine).iter().count())
}

/// Logs a failure with a short reference the person can quote, and hides it behind `Internal`.
pub fn internal(context: &str, err: impl std::fmt::Display) -> AppError {
    // The request's id: the person's « référence » leads to every log line of the request.
    let reference = crate::server::observe::reference();
    tracing::error!(%reference, "{context}: {err}");
    // A failing test shows what went wrong inside (its output is printed only when it fails).
    #[cfg(test)]
    eprintln!("internal error {reference}: {context}: {err}");
    AppError::Internal { reference }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pool pings a connection only once it has been idle a while (not before every
    /// statement); one the server dropped meanwhile (a restart, a failover) is then replaced,
    /// not handed out. PostgreSQL only.
    #[tokio::test]
    async fn a_postgresql_connection_the_server_dropped_is_replaced() {
        use sqlx::Connection as _;
        let (_pool, fresh) = testing::fresh().await;
        if testing::engine() != Engine::Postgres {
            return;
        }
        let db = connect(&fresh.url()).await.unwrap();
        let pid: i32 = query_scalar("SELECT pg_backend_pid()").fetch_one(&db.read).await.unwrap();
        let mut admin = sqlx::PgConnection::connect(&fresh.url()).await.unwrap();
        let ended: bool =
            sqlx::query_scalar("SELECT pg_terminate_backend($1)").bind(pid).fetch_one(&mut admin).await.unwrap();
        assert!(ended);
        tokio::time::sleep(PG_PING_AFTER_IDLE + Duration::from_millis(300)).await;
        let again: i32 = query_scalar("SELECT pg_backend_pid()").fetch_one(&db.read).await.unwrap();
        assert_ne!(again, pid, "a new connection");
        db.read.close().await;
    }

    /// No commit copies the WAL back (the writer's automatic checkpoint is off), yet what was
    /// written reaches the database file itself within moments: read with `immutable=1`, which
    /// ignores the WAL.
    #[test]
    fn a_password_in_a_database_url_is_never_shown() {
        assert_eq!(
            shown_url("postgres://entraide:s3cr%40t@db.example:5432/entraide"),
            "postgres://entraide:***@db.example:5432/entraide"
        );
        assert_eq!(shown_url("postgresql://u:p@h/d?sslmode=require"), "postgresql://u:***@h/d?sslmode=require");
        assert_eq!(
            shown_url("postgres://postgres@127.0.0.1:55432/postgres"),
            "postgres://postgres@127.0.0.1:55432/postgres"
        );
        assert_eq!(shown_url("sqlite://data/entraide.db"), "sqlite://data/entraide.db");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_wal_is_copied_back_beside_the_writes() {
        let dir = std::env::temp_dir().join(format!("entraide-ckpt-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let file = dir.join("c.db");
        let db = connect(&format!("sqlite://{}", file.display())).await.unwrap();
        let auto: i64 = sql::query_scalar("PRAGMA wal_autocheckpoint").fetch_one(&db.write).await.unwrap();
        assert_eq!(auto, 0);
        sql::query("CREATE TABLE t (x INTEGER)").execute(&db.write).await.unwrap();
        for x in 0..20 {
            sql::query("INSERT INTO t VALUES ($1)").bind(x).execute(&db.write).await.unwrap();
        }
        let in_file = || {
            let conn = rusqlite::Connection::open_with_flags(
                format!("file:{}?immutable=1", file.display()),
                rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_URI,
            )
            .unwrap();
            conn.query_row("SELECT count(*) FROM t", [], |r| r.get::<_, i64>(0)).unwrap_or(-1)
        };
        let mut seen = in_file();
        for _ in 0..40 {
            if seen == 20 {
                break;
            }
            tokio::time::sleep(CHECKPOINT_EVERY / 4).await;
            seen = in_file();
        }
        assert_eq!(seen, 20, "the rows never reached the database file");
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// Two servers started at once on a new file (each with its own pools, as two processes):
    /// both start, the schema made once.
    #[tokio::test]
    async fn servers_started_at_once_migrate_one_after_the_other() {
        let dir = std::env::temp_dir().join(format!("entraide-migrate-race-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let url = format!("sqlite://{}", dir.join("race.db").display());
        let start = || async {
            let db = connect(&url).await.expect("connect");
            migrate(&db).await.map(|()| db)
        };
        let (a, b) = tokio::join!(start(), start());
        let (a, _b) = (a.expect("the first start"), b.expect("the second start"));
        let applied: i64 =
            sql::query_scalar("SELECT count(*) FROM _sqlx_migrations").fetch_one(&a.read).await.expect("count");
        assert_eq!(applied, i64::try_from(MIGRATOR.iter().count()).expect("count"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// `migrate --check` reads without writing: a missing file stays missing; a partly migrated
    /// database lists what is left in order; a newer database is told.
    #[tokio::test]
    async fn the_migration_plan_says_what_would_run_without_changing_anything() {
        let dir = std::env::temp_dir().join(format!("entraide-plan-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("dir");
        let url = format!("sqlite://{}/db.sqlite", dir.display());
        let all = MIGRATOR.iter().count();
        let plan = migration_plan(&url).await.expect("plan");
        assert_eq!((plan.applied, plan.pending.len()), (0, all));
        assert!(!dir.join("db.sqlite").exists(), "the check created the file");

        let db = connect(&url).await.expect("connect");
        let partial = sqlx::migrate::Migrator {
            migrations: std::borrow::Cow::Owned(MIGRATOR.iter().take(all - 2).cloned().collect()),
            ..sqlx::migrate::Migrator::DEFAULT
        };
        partial.run(db.write.as_sqlite().expect("sqlite")).await.expect("partial");
        let plan = migration_plan(&url).await.expect("plan");
        let last: Vec<i64> = MIGRATOR.iter().skip(all - 2).map(|m| m.version).collect();
        assert_eq!(plan.applied, all - 2);
        assert_eq!(plan.pending.iter().map(|p| p.0).collect::<Vec<_>>(), last);
        assert!(plan.describe(&url).contains(&format!("2 would run, in this order:\n  {} ", last[0])));
        let plan_again = migration_plan(&url).await.expect("plan");
        assert_eq!(plan_again, plan, "nothing was applied by the check");

        migrate(&db).await.expect("migrate");
        sql::query("INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) VALUES (29991231000000, 'from the future', 1, x'00', 0)")
            .execute(&db.write)
            .await
            .expect("future");
        let plan = migration_plan(&url).await.expect("plan");
        assert_eq!((plan.applied, plan.pending.len(), plan.unknown.clone()), (all, 0, vec![29991231000000]));
        assert!(plan.describe(&url).contains("Up to date"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// A database with accounts and posts, migrated to before the rebuild of `users`, then to
    /// the end: every row and every reference kept, references still checked.
    #[tokio::test]
    async fn rebuilding_a_table_others_refer_to_keeps_every_reference() {
        let dir = std::env::temp_dir().join(format!("entraide-migrate-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let url = format!("sqlite://{}/db.sqlite", dir.display());
        let db = connect(&url).await.expect("connect");
        let before = MIGRATOR.iter().position(|m| m.description.contains("site pages")).expect("the rebuild");
        let partial = sqlx::migrate::Migrator {
            migrations: std::borrow::Cow::Owned(MIGRATOR.iter().take(before).cloned().collect()),
            ..sqlx::migrate::Migrator::DEFAULT
        };
        partial.run(db.write.as_sqlite().expect("sqlite")).await.expect("partial");
        sql::query(
            "INSERT INTO users (email, display_name, poster_kind, password_hash, created_at, updated_at)              VALUES ('a@exemple.fr', 'Anne', 'individual', 'x', 1, 1)",
        )
        .execute(&db.write)
        .await
        .expect("user");
        let post = "INSERT INTO posts (kind, category, poster_kind, status, title, description, lat, lon, public_lat, \
             public_lon, commune_insee, commune_name, created_at, updated_at, expires_at, author_id) \
             VALUES ('request', 'groceries', 'individual', 'published', 't', 'd', 48, 7, 48, 7, '68066', 'Colmar', 1, 1, 2, $1)";
        sql::query(post).bind(1).execute(&db.write).await.expect("post");
        migrate(&db).await.expect("migrated");
        let n: i64 = sql::query_scalar("SELECT count(*) FROM posts p JOIN users u ON u.id = p.author_id")
            .fetch_one(&db.read)
            .await
            .expect("count");
        assert_eq!(n, 1);
        sql::query("UPDATE users SET role = 'editor'").execute(&db.write).await.expect("the new role");
        assert!(sql::query(post).bind(99).execute(&db.write).await.is_err(), "references still checked");
        let _ = std::fs::remove_dir_all(&dir);
    }
}

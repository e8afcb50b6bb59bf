//! The database: SQLite through sqlx. Connection options, migrations, and the mapping of
//! database failures to `AppError::Internal`. SQL lives in the submodules; no authorization here.
//!
//! Two pools: one writer connection (SQLite has one writer; `BEGIN IMMEDIATE` avoids busy
//! upgrades) and a pool of read-only readers, all in WAL mode.

pub mod announcements;
pub mod conversations;
pub mod exports;
pub mod follow_ups;
pub mod intakes;
pub mod map;
pub mod moderation;
pub mod notifications;
pub mod people;
pub mod posts;
pub mod privacy;
pub mod stats;
pub mod tokens;
pub mod users;

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{SqliteConnection, SqlitePool};

use crate::error::AppError;

/// The embedded migrations of `migrations/`.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// The pools of the application.
#[derive(Clone, Debug)]
pub struct Db {
    /// Read-only connections for queries.
    pub read: SqlitePool,
    /// The single writer connection.
    pub write: SqlitePool,
    /// The map's hot reads (rusqlite, on blocking threads).
    pub map: Arc<map::MapReader>,
}

impl Db {
    /// Both roles on one pool (tests: `#[sqlx::test]` gives one pool per test, on a file).
    pub fn single(pool: SqlitePool) -> Db {
        let map = map::MapReader::new(pool.connect_options().get_filename());
        Db { read: pool.clone(), write: pool, map }
    }

    /// Starts a write transaction that takes the write lock at once (`BEGIN IMMEDIATE`).
    pub async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, sqlx::Error> {
        self.write.begin_with("BEGIN IMMEDIATE").await
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

/// Opens (creating if needed) the database at `url` and its parent folder. Does not migrate.
pub async fn connect(url: &str) -> Result<Db, sqlx::Error> {
    let write_opts = options(url)?.create_if_missing(true);
    let path = write_opts.get_filename().to_path_buf();
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        tokio::fs::create_dir_all(parent).await.map_err(sqlx::Error::Io)?;
    }
    let write = SqlitePoolOptions::new()
        .max_connections(1)
        .acquire_timeout(Duration::from_secs(10))
        .connect_with(write_opts)
        .await?;
    let read = SqlitePoolOptions::new()
        .max_connections(4)
        .acquire_timeout(Duration::from_secs(10))
        .connect_with(options(url)?.read_only(true))
        .await?;
    Ok(Db { read, write, map: map::MapReader::new(path) })
}

/// Applies pending migrations.
pub async fn migrate(db: &Db) -> Result<(), sqlx::migrate::MigrateError> {
    MIGRATOR.run(&db.write).await
}

/// Whether the schema is in place (every embedded migration applied).
pub async fn is_migrated(conn: &mut SqliteConnection) -> Result<bool, sqlx::Error> {
    let applied: i64 =
        sqlx::query_scalar("SELECT count(*) FROM _sqlx_migrations WHERE success = 1").fetch_one(conn).await?;
    Ok(applied as usize >= MIGRATOR.iter().count())
}

/// Logs a failure with a short reference the person can quote, and hides it behind `Internal`.
pub fn internal(context: &str, err: impl std::fmt::Display) -> AppError {
    let reference = reference_id();
    tracing::error!(%reference, "{context}: {err}");
    AppError::Internal { reference }
}

/// A short, unique-enough id to match a message to a log line.
fn reference_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    if let Ok(t) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        h.write_u128(t.as_nanos());
    }
    format!("{:08x}", h.finish() as u32)
}

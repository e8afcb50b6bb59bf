//! A fresh, migrated database for each test, on the engine the run asks for:
//! - SQLite by default: a file of its own in the system's temporary folder, removed afterwards;
//! - PostgreSQL when `ENTRAIDE_TEST_POSTGRES` names a cluster's maintenance database
//!   (`postgres://postgres@127.0.0.1:55432/postgres`, as `make test-postgres` sets it): a database
//!   of its own, copied from a template migrated once per test process, dropped afterwards.
//!
//! `let (pool, _db) = fresh().await;` — the guard `_db` removes the database when the test ends.

use std::path::PathBuf;
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::{ConnectOptions, Connection};

use super::{Db, Engine, Pool};

/// The variable naming the PostgreSQL cluster of a test run.
pub const POSTGRES_VAR: &str = "ENTRAIDE_TEST_POSTGRES";

static NEXT: AtomicU64 = AtomicU64::new(0);
static TEMPLATE: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();

/// The engine of this test run.
pub fn engine() -> Engine {
    if std::env::var(POSTGRES_VAR).is_ok_and(|v| !v.is_empty()) {
        Engine::Postgres
    } else {
        Engine::Sqlite
    }
}

/// Removes the test's database when dropped.
pub struct Fresh {
    file: Option<PathBuf>,
    postgres: Option<(String, String)>,
}

impl Fresh {
    /// The database's URL, as `DATABASE_URL` would name it.
    pub fn url(&self) -> String {
        match (&self.file, &self.postgres) {
            (Some(file), _) => format!("sqlite://{}", file.display()),
            (None, Some((admin, name))) => match admin.rsplit_once('/') {
                Some((cluster, _)) => format!("{cluster}/{name}"),
                None => admin.clone(),
            },
            (None, None) => String::new(),
        }
    }
}

impl Drop for Fresh {
    fn drop(&mut self) {
        if let Some(file) = self.file.take() {
            for suffix in ["", "-wal", "-shm", "-migrate.lock"] {
                let mut name = file.clone().into_os_string();
                name.push(suffix);
                let _ = std::fs::remove_file(name);
            }
        }
        if let Some((admin, name)) = self.postgres.take() {
            // The test's runtime is ending: drop it from a thread with a runtime of its own.
            let _ = std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().ok()?;
                rt.block_on(async {
                    let mut conn = PgConnectOptions::from_str(&admin).ok()?.connect().await.ok()?;
                    sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .execute(&mut conn)
                        .await
                        .ok()?;
                    conn.close().await.ok()
                })
            })
            .join();
        }
    }
}

/// A migrated database of its own for one test, and the guard that removes it.
pub async fn fresh() -> (Pool, Fresh) {
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    match std::env::var(POSTGRES_VAR) {
        Ok(admin) if !admin.is_empty() => postgres(admin, n).await,
        _ => sqlite(n).await,
    }
}

/// A fresh database as the app's `Db` (one pool for both roles).
pub async fn fresh_db() -> (Db, Fresh) {
    let (pool, guard) = fresh().await;
    (Db::single(pool), guard)
}

/// A SQLite database whatever the run's engine (for what only SQLite has: its file, its plans).
pub async fn fresh_sqlite() -> (sqlx::SqlitePool, Fresh) {
    let (pool, guard) = sqlite(NEXT.fetch_add(1, Ordering::Relaxed)).await;
    match pool {
        Pool::Sqlite(p) => (p, guard),
        Pool::Postgres(_) => unreachable!("made on SQLite"),
    }
}

async fn sqlite(n: u64) -> (Pool, Fresh) {
    let dir = std::env::temp_dir().join("entraide-tests");
    std::fs::create_dir_all(&dir).expect("the tests' folder");
    let file = dir.join(format!("{}-{n}.db", std::process::id()));
    let guard = Fresh { file: Some(file.clone()), postgres: None };
    let options = SqliteConnectOptions::new()
        .filename(&file)
        .create_if_missing(true)
        .foreign_keys(true)
        .busy_timeout(std::time::Duration::from_secs(5));
    let pool = SqlitePoolOptions::new().max_connections(4).connect_with(options).await.expect("a test database");
    let db = Db::single(pool.clone());
    super::migrate(&db).await.expect("migrations");
    (Pool::Sqlite(pool), guard)
}

async fn postgres(admin: String, n: u64) -> (Pool, Fresh) {
    let template = TEMPLATE
        .get_or_try_init(|| make_template(&admin))
        .await
        .unwrap_or_else(|e| panic!("the template database on {admin}: {e}"))
        .clone();
    let name = format!("entraide_test_{}_{n}", std::process::id());
    let mut conn = PgConnectOptions::from_str(&admin).expect("the cluster's URL").connect().await.expect("the cluster");
    sqlx::query(&format!("CREATE DATABASE {name} TEMPLATE {template}"))
        .execute(&mut conn)
        .await
        .expect("a test database");
    let _ = conn.close().await;
    let guard = Fresh { file: None, postgres: Some((admin.clone(), name.clone())) };
    let options = PgConnectOptions::from_str(&admin).expect("the cluster's URL").database(&name);
    let pool = PgPoolOptions::new().max_connections(8).connect_with(options).await.expect("the test database");
    (Pool::Postgres(pool), guard)
}

/// A database migrated once, copied by each test (`CREATE DATABASE … TEMPLATE`, a file copy).
/// Named after the migrations it holds, so later runs reuse it; made under a name of this
/// process, then renamed when complete.
async fn make_template(admin: &str) -> Result<String, sqlx::Error> {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for m in super::PG_MIGRATOR.iter() {
        (m.version, &*m.checksum).hash(&mut hasher);
    }
    let name = format!("entraide_template_{:016x}", hasher.finish());
    let mut conn = PgConnectOptions::from_str(admin)?.connect().await?;
    let exists: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)")
        .bind(&name)
        .fetch_one(&mut conn)
        .await?;
    if exists {
        return Ok(name);
    }
    let making = format!("entraide_making_{}", std::process::id());
    sqlx::query(&format!("DROP DATABASE IF EXISTS {making} WITH (FORCE)")).execute(&mut conn).await?;
    sqlx::query(&format!("CREATE DATABASE {making}")).execute(&mut conn).await?;
    let options = PgConnectOptions::from_str(admin)?.database(&making);
    let pool = PgPoolOptions::new().max_connections(1).connect_with(options).await?;
    super::PG_MIGRATOR.run(&pool).await.map_err(|e| sqlx::Error::Protocol(e.to_string()))?;
    pool.close().await;
    // A template takes no connections while it is copied.
    sqlx::query(&format!("ALTER DATABASE {making} WITH ALLOW_CONNECTIONS false")).execute(&mut conn).await?;
    sqlx::query(&format!("ALTER DATABASE {making} RENAME TO {name}")).execute(&mut conn).await?;
    let _ = conn.close().await;
    Ok(name)
}

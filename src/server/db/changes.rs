//! A count of the writes to what visitors may see, so that a page kept in memory
//! (`server/page_cache.rs`) is served again only while nothing it shows has changed.
//!
//! SQLite tells each write connection of every row changed (its update hook) and of every commit
//! (its commit hook): a change counts when its row changes, and again when its transaction
//! commits, so a page rendered between the two is not kept as current. Sessions, queues and
//! audit trails, which no page shown to visitors reads, do not count. Another process's commits
//! (another app server on the same file, an operator's command) reach no hook of ours: they are
//! seen by the writer's `PRAGMA data_version` within `OTHERS_EVERY`, and all count.
//!
//! On PostgreSQL a trigger on every table but these announces each write on the channel
//! `CHANNEL` at its commit (`migrations/postgres/…_changes.sql`), and every app server listens:
//! its own writes and the other servers' count alike, a notification's trip (well under a
//! millisecond here) after the commit. A page rendered from what was there before is then no
//! longer served, even if it was kept in the meantime.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

use sqlx::postgres::PgListener;
use sqlx::{PgPool, SqliteConnection, SqlitePool};

/// How often the writer asks whether another process wrote.
pub const OTHERS_EVERY: std::time::Duration = std::time::Duration::from_millis(250);

/// The channel PostgreSQL's trigger notifies.
pub const CHANNEL: &str = "entraide_changes";

/// Tables written often that no page shown to a visitor without an account reads (on PostgreSQL,
/// the sessions are in a schema of their own, `tower_sessions`, which has no trigger).
/// `map_state` is the expiry sweep's mark, moved every minute and read by writes only: counted,
/// it made every kept page be rendered again each minute by the requests of that moment.
pub const UNSEEN: &[&str] = &[
    "tower_sessions",
    "outbox",
    "push_outbox",
    "alert_fanout",
    "alert_hits",
    "account_audit",
    "export_audit",
    "map_state",
];

/// The number of changes seen so far (only ever grows).
#[derive(Debug, Default)]
pub struct Changes(AtomicU64);

impl Changes {
    /// The count now: equal counts at two moments mean nothing visible was written in between.
    pub fn now(&self) -> u64 {
        self.0.load(Ordering::Acquire)
    }

    fn count(&self) {
        self.0.fetch_add(1, Ordering::AcqRel);
    }

    /// Counts the changes made through `conn` (called once per write connection).
    pub(super) async fn watch(self: &Arc<Self>, conn: &mut SqliteConnection) -> Result<(), sqlx::Error> {
        let mut handle = conn.lock_handle().await?;
        let dirty = Arc::new(AtomicBool::new(false));
        let (changes, written) = (self.clone(), dirty.clone());
        handle.set_update_hook(move |row| {
            if !UNSEEN.contains(&row.table) {
                written.store(true, Ordering::Release);
                changes.count();
            }
        });
        let changes = self.clone();
        handle.set_commit_hook(move || {
            if dirty.swap(false, Ordering::AcqRel) {
                changes.count();
            }
            true
        });
        Ok(())
    }

    /// Counts the commits of other processes on the database — another app server on the same
    /// file, a command of the operator — whose rows no hook of ours sees: every `OTHERS_EVERY`,
    /// the writer's `PRAGMA data_version`, which moves only when another connection committed
    /// (this process's readers never write, and the writer's own commits leave it). Any such
    /// commit counts, seen or not (a kept page is rendered again). Stops when the pool is closed.
    pub(super) async fn watch_others(self: Arc<Self>, writer: SqlitePool) {
        let mut tick = tokio::time::interval(OTHERS_EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut last: Option<i64> = None;
        while !writer.is_closed() {
            tick.tick().await;
            match sqlx::query_scalar::<_, i64>("PRAGMA data_version").fetch_one(&writer).await {
                Ok(version) => {
                    if last.is_some_and(|l| l != version) {
                        self.count();
                    }
                    last = Some(version);
                }
                Err(e) => tracing::warn!(error = %e, "data_version"),
            }
        }
    }

    /// Counts every notification on `CHANNEL` (PostgreSQL): one per transaction that wrote to
    /// what visitors may see, by any server. Whenever the listening connection is (re)made, or
    /// lost, one more counts: what was written meanwhile was not heard. Stops when the pool is
    /// closed (the listener's connection is given back at once).
    pub(super) async fn watch_postgres(self: Arc<Self>, pool: PgPool) {
        const AGAIN: std::time::Duration = std::time::Duration::from_secs(1);
        while !pool.is_closed() {
            let mut listener = match PgListener::connect_with(&pool).await {
                Ok(l) => l,
                Err(e) => {
                    if !pool.is_closed() {
                        tracing::warn!(error = %e, "listening for changes");
                    }
                    self.count();
                    tokio::time::sleep(AGAIN).await;
                    continue;
                }
            };
            if let Err(e) = listener.listen(CHANNEL).await {
                tracing::warn!(error = %e, "listening for changes");
                self.count();
                tokio::time::sleep(AGAIN).await;
                continue;
            }
            // What was written before this connection listened was not heard.
            self.count();
            loop {
                match listener.try_recv().await {
                    // A notification, or the connection lost and made again (with its `LISTEN`).
                    Ok(_) => self.count(),
                    Err(e) => {
                        if !pool.is_closed() {
                            tracing::warn!(error = %e, "listening for changes");
                            tokio::time::sleep(AGAIN).await;
                        }
                        self.count();
                        break;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{connect, migrate, sql, testing, Engine};

    /// Polls `changes` for up to 5 s until it passes `before`.
    async fn counted_after(changes: &super::Changes, before: u64) -> bool {
        for _ in 0..100 {
            if changes.now() > before {
                return true;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        false
    }

    /// PostgreSQL: a write by another server (another connection) to what visitors see counts
    /// here once its transaction commits; a write to a table no visitor's page reads does not.
    #[tokio::test]
    async fn on_postgresql_a_committed_write_of_any_server_counts() {
        use sqlx::Connection as _;
        let (_pool, fresh) = testing::fresh().await;
        if testing::engine() != Engine::Postgres {
            return;
        }
        let db = connect(&fresh.url()).await.unwrap();
        let changes = db.changes.clone().expect("watched on PostgreSQL too");
        // The listener counts once when it starts listening.
        assert!(counted_after(&changes, 0).await, "the listener never started");
        let mut other = sqlx::PgConnection::connect(&fresh.url()).await.unwrap();
        let mut tx = other.begin().await.unwrap();
        let before = changes.now();
        sqlx::query("UPDATE categories SET code = code").execute(&mut *tx).await.unwrap();
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        assert_eq!(changes.now(), before, "not before its commit");
        tx.commit().await.unwrap();
        assert!(counted_after(&changes, before).await, "the other server's commit was not heard");
        let unseen = changes.now();
        sqlx::query("DELETE FROM outbox WHERE id < 0").execute(&mut other).await.unwrap();
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        assert_eq!(changes.now(), unseen, "the outbox is no page's");
        sql::query("DELETE FROM posts WHERE id < 0").execute(&db.write).await.unwrap();
        assert!(counted_after(&changes, unseen).await, "this server's own write was not heard");
        db.read.close().await;
    }

    /// PostgreSQL: every table of `public` announces its writes but those of `UNSEEN` (a table
    /// added later without the trigger would leave kept pages stale).
    #[tokio::test]
    async fn on_postgresql_every_table_visitors_may_see_has_the_trigger() {
        let (pool, _fresh) = testing::fresh().await;
        if testing::engine() != Engine::Postgres {
            return;
        }
        let tables: Vec<(String, bool)> = sql::query_as(
            "SELECT c.relname::TEXT, EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid \
             AND t.tgname = 'entraide_changed') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname NOT IN ('_sqlx_migrations', 'spatial_ref_sys') \
             ORDER BY 1",
        )
        .fetch_all(&pool)
        .await
        .unwrap();
        assert!(tables.len() > 30, "{tables:?}");
        for (table, announced) in tables {
            assert_eq!(announced, !super::UNSEEN.contains(&table.as_str()), "{table}");
        }
    }

    #[tokio::test]
    async fn a_write_to_what_visitors_see_counts_and_a_session_does_not() {
        let dir = std::env::temp_dir().join(format!("entraide-changes-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let db = connect(&format!("sqlite://{}", dir.join("c.db").display())).await.unwrap();
        migrate(&db).await.unwrap();
        let changes = db.changes.clone().expect("the app's pools are watched");
        let before = changes.now();
        sql::query("CREATE TABLE IF NOT EXISTS tower_sessions (id TEXT PRIMARY KEY, data BLOB, expiry_date INTEGER)")
            .execute(&db.write)
            .await
            .unwrap();
        sql::query("INSERT INTO tower_sessions VALUES ('a', x'00', 0)").execute(&db.write).await.unwrap();
        assert_eq!(changes.now(), before, "a session is not something visitors see");
        sql::query("CREATE TABLE shown (x INTEGER)").execute(&db.write).await.unwrap();
        sql::query("INSERT INTO shown VALUES (1)").execute(&db.write).await.unwrap();
        assert!(changes.now() >= before + 2, "counted when the row changed and when it was committed");
        let read = changes.now();
        let _: i64 = sql::query_scalar("SELECT count(*) FROM posts").fetch_one(&db.read).await.unwrap();
        assert_eq!(changes.now(), read, "reading changes nothing");
        drop(db);
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// The expiry sweep, run every minute, moves its mark (`map_state`) even when nothing has
    /// expired: that is no change to what visitors see, so no kept page is rendered again.
    #[tokio::test]
    async fn the_minute_sweep_with_nothing_expired_changes_nothing_visitors_see() {
        let dir = std::env::temp_dir().join(format!("entraide-changes-sweep-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let db = connect(&format!("sqlite://{}", dir.join("c.db").display())).await.unwrap();
        migrate(&db).await.unwrap();
        let changes = db.changes.clone().expect("the app's pools are watched");
        let before = changes.now();
        let now = crate::server::services::now();
        crate::server::services::posts::sweep_expired(&db, now).await.unwrap();
        crate::server::services::posts::sweep_expired(&db, now + 60).await.unwrap();
        let mark: i64 = sql::query_scalar("SELECT swept_until FROM map_state").fetch_one(&db.read).await.unwrap();
        assert_eq!(mark, now + 60, "the mark moved");
        assert_eq!(changes.now(), before, "and nothing visitors see changed");
        drop(db);
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// Another server on the same file (its own pools, as another process has): its commits
    /// count here too, within a few ticks.
    #[tokio::test]
    async fn a_write_by_another_server_counts() {
        let dir = std::env::temp_dir().join(format!("entraide-changes-others-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let url = format!("sqlite://{}", dir.join("c.db").display());
        let here = connect(&url).await.unwrap();
        migrate(&here).await.unwrap();
        let there = connect(&url).await.unwrap();
        let changes = here.changes.clone().expect("watched");
        tokio::time::sleep(super::OTHERS_EVERY * 2).await;
        let before = changes.now();
        tokio::time::sleep(super::OTHERS_EVERY * 3).await;
        assert_eq!(changes.now(), before, "nothing written, nothing counted");
        sql::query("CREATE TABLE shown (x INTEGER)").execute(&there.write).await.unwrap();
        let mut counted = false;
        for _ in 0..20 {
            tokio::time::sleep(super::OTHERS_EVERY / 2).await;
            if changes.now() > before {
                counted = true;
                break;
            }
        }
        assert!(counted, "the other server's commit was not seen");
        drop((here, there));
        let _ = std::fs::remove_dir_all(&dir);
    }
}

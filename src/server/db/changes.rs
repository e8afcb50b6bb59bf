//! A count of the writes to what visitors may see, so that a page kept in memory
//! (`server/page_cache.rs`) is served again only while nothing it shows has changed.
//!
//! SQLite tells each write connection of every row changed (its update hook) and of every commit
//! (its commit hook): a change counts when its row changes, and again when its transaction
//! commits, so a page rendered between the two is not kept as current. Sessions, queues and
//! audit trails, which no page shown to visitors reads, do not count. Another process's commits
//! (another app server on the same file, an operator's command) reach no hook of ours: they are
//! seen by the writer's `PRAGMA data_version` within `OTHERS_EVERY`, and all count.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

use sqlx::{SqliteConnection, SqlitePool};

/// How often the writer asks whether another process wrote.
pub const OTHERS_EVERY: std::time::Duration = std::time::Duration::from_millis(250);

/// Tables written often that no page shown to a visitor without an account reads.
const UNSEEN: &[&str] =
    &["tower_sessions", "outbox", "push_outbox", "alert_fanout", "alert_hits", "account_audit", "export_audit"];

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
}

#[cfg(test)]
mod tests {
    use super::super::{connect, migrate, sql};

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

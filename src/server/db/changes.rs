//! A count of the writes to what visitors may see, so that a page kept in memory
//! (`server/page_cache.rs`) is served again only while nothing it shows has changed.
//!
//! SQLite tells each write connection of every row changed (its update hook) and of every commit
//! (its commit hook): a change counts when its row changes, and again when its transaction
//! commits, so a page rendered between the two is not kept as current. Sessions, queues and
//! audit trails, which no page shown to visitors reads, do not count.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

use sqlx::SqliteConnection;

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
}

#[cfg(test)]
mod tests {
    use super::super::{connect, migrate};

    #[tokio::test]
    async fn a_write_to_what_visitors_see_counts_and_a_session_does_not() {
        let dir = std::env::temp_dir().join(format!("entraide-changes-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let db = connect(&format!("sqlite://{}", dir.join("c.db").display())).await.unwrap();
        migrate(&db).await.unwrap();
        let changes = db.changes.clone().expect("the app's pools are watched");
        let before = changes.now();
        sqlx::query("CREATE TABLE IF NOT EXISTS tower_sessions (id TEXT PRIMARY KEY, data BLOB, expiry_date INTEGER)")
            .execute(&db.write)
            .await
            .unwrap();
        sqlx::query("INSERT INTO tower_sessions VALUES ('a', x'00', 0)").execute(&db.write).await.unwrap();
        assert_eq!(changes.now(), before, "a session is not something visitors see");
        sqlx::query("CREATE TABLE shown (x INTEGER)").execute(&db.write).await.unwrap();
        sqlx::query("INSERT INTO shown VALUES (1)").execute(&db.write).await.unwrap();
        assert!(changes.now() >= before + 2, "counted when the row changed and when it was committed");
        let read = changes.now();
        let _ = sqlx::query("SELECT count(*) FROM posts").fetch_one(&db.read).await.unwrap();
        assert_eq!(changes.now(), read, "reading changes nothing");
        drop(db);
        let _ = std::fs::remove_dir_all(&dir);
    }
}

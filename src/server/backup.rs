//! `entraide backup PATH`: a consistent copy of the live database, safe while the server runs.
//! `VACUUM INTO` a temporary file next to the target, fsync it, check its integrity, then
//! rename it into place (so PATH is either the old backup or a complete new one).

use std::path::{Path, PathBuf};

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};

use crate::server::db::Db;

/// Writes a checked copy of `db` to `target`. Returns its size in bytes.
pub async fn backup(db: &Db, target: &Path) -> Result<u64, String> {
    let dir = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    tokio::fs::create_dir_all(dir).await.map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let name = target.file_name().and_then(|n| n.to_str()).ok_or("the backup path needs a file name")?;
    let tmp: PathBuf = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let _ = tokio::fs::remove_file(&tmp).await;
    let tmp_text = tmp.to_str().ok_or("the backup path must be valid UTF-8")?.to_owned();

    let pool =
        db.write.as_sqlite().ok_or("a backup copies a SQLite database; PostgreSQL has its own tools (pg_dump)")?;
    let mut conn = pool.acquire().await.map_err(|e| format!("cannot reach the database: {e}"))?;
    sqlx::query("VACUUM INTO $1")
        .bind(&tmp_text)
        .execute(&mut *conn)
        .await
        .map_err(|e| format!("VACUUM INTO failed: {e}"))?;
    drop(conn);

    let check = async {
        let file = tokio::fs::File::open(&tmp).await.map_err(|e| format!("cannot open the copy: {e}"))?;
        file.sync_all().await.map_err(|e| format!("cannot flush the copy: {e}"))?;
        let mut copy = SqliteConnectOptions::new()
            .filename(&tmp)
            .read_only(true)
            .connect()
            .await
            .map_err(|e| format!("cannot open the copy: {e}"))?;
        let verdict: String = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(&mut copy)
            .await
            .map_err(|e| format!("integrity check failed: {e}"))?;
        copy.close().await.map_err(|e| e.to_string())?;
        if verdict != "ok" {
            return Err(format!("the copy is damaged: {verdict}"));
        }
        Ok(())
    };
    if let Err(e) = check.await {
        let _ = tokio::fs::remove_file(&tmp).await;
        return Err(e);
    }
    tokio::fs::rename(&tmp, target).await.map_err(|e| format!("cannot move the copy into place: {e}"))?;
    if let Ok(d) = tokio::fs::File::open(dir).await {
        let _ = d.sync_all().await;
    }
    let size = tokio::fs::metadata(target).await.map_err(|e| e.to_string())?.len();
    Ok(size)
}

/// The dated copy of the day `now` falls on in Paris: `DIR/entraide-YYYY-MM-DD.db`.
pub fn dated_path(dir: &Path, now: i64) -> PathBuf {
    let (y, m, d, _, _) = crate::domain::time::paris_civil(now);
    dir.join(format!("entraide-{y:04}-{m:02}-{d:02}.db"))
}

/// The day (since 1970-01-01) of a dated copy's file name; other files are not ours.
fn day_of(name: &str) -> Option<i64> {
    let date = name.strip_prefix("entraide-")?.strip_suffix(".db")?;
    let mut parts = date.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (i64, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let day = crate::domain::time::days_from_civil(y, m, d);
    // 2026-02-30 is not a day.
    (crate::domain::time::civil_from_days(day) == (y, m, d)).then_some(day)
}

/// Which of the copies of `days` to remove: the newest copy of each of the last `daily` days
/// that have one is kept, and the newest of each of the last `weekly` ISO weeks (Monday to
/// Sunday) that have one; the others go.
pub fn to_remove(days: &[i64], daily: usize, weekly: usize) -> Vec<i64> {
    let mut newest_first: Vec<i64> = days.to_vec();
    newest_first.sort_unstable_by(|a, b| b.cmp(a));
    newest_first.dedup();
    // 1970-01-01 was a Thursday: day 0 is in the week that began on day -3.
    let week = |day: i64| (day + 3).div_euclid(7);
    let mut weeks_kept = vec![];
    let mut out = vec![];
    for (i, day) in newest_first.into_iter().enumerate() {
        let keep_day = i < daily;
        let keep_week = !weeks_kept.contains(&week(day)) && weeks_kept.len() < weekly;
        if keep_week {
            weeks_kept.push(week(day));
        }
        if !keep_day && !keep_week {
            out.push(day);
        }
    }
    out
}

/// Removes the dated copies in `dir` beyond the ones kept (`to_remove`); their names.
pub async fn prune(dir: &Path, daily: usize, weekly: usize) -> Result<Vec<String>, String> {
    let mut found = vec![];
    let mut entries = tokio::fs::read_dir(dir).await.map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    while let Some(entry) = entries.next_entry().await.map_err(|e| format!("cannot read {}: {e}", dir.display()))? {
        if let Some(day) = entry.file_name().to_str().and_then(day_of) {
            found.push((day, entry.file_name().to_string_lossy().into_owned()));
        }
    }
    let gone = to_remove(&found.iter().map(|f| f.0).collect::<Vec<_>>(), daily, weekly);
    let mut removed = vec![];
    for (day, name) in found {
        if gone.contains(&day) {
            tokio::fs::remove_file(dir.join(&name)).await.map_err(|e| format!("cannot remove {name}: {e}"))?;
            removed.push(name);
        }
    }
    removed.sort();
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Forty days of daily copies: the last seven days and the newest of each of the last
    /// four weeks stay; a missed day does not shorten what is kept; strange names are left.
    #[tokio::test]
    async fn dated_copies_keep_seven_days_and_four_weeks() {
        use crate::domain::time::days_from_civil;
        // Thursday 3 December 2026 and the 39 days before it.
        let today = days_from_civil(2026, 12, 3);
        let days: Vec<i64> = (0..40).map(|i| today - i).collect();
        let gone = to_remove(&days, 7, 4);
        let kept: Vec<i64> = days.iter().copied().filter(|d| !gone.contains(d)).collect();
        let date = |d: i64| {
            let (y, m, dd) = crate::domain::time::civil_from_days(d);
            format!("{y}-{m:02}-{dd:02}")
        };
        let kept: Vec<String> = kept.into_iter().map(date).collect();
        assert_eq!(
            kept,
            [
                "2026-12-03",
                "2026-12-02",
                "2026-12-01",
                "2026-11-30",
                "2026-11-29",
                "2026-11-28",
                "2026-11-27",
                // Sundays, the newest of their weeks (the week of 30 November is already kept).
                "2026-11-22",
                "2026-11-15",
            ]
        );
        // A gap of a week: still seven copies of days, each its own.
        let sparse: Vec<i64> = (0..20).filter(|i| !(3..10).contains(i)).map(|i| today - i).collect();
        assert_eq!(sparse.len() - to_remove(&sparse, 7, 0).len(), 7);
        assert!(to_remove(&[], 7, 4).is_empty());

        // On disk, with the names the command writes.
        let dir = std::env::temp_dir().join(format!("entraide-prune-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for d in &days {
            std::fs::write(dir.join(format!("entraide-{}.db", date(*d))), b"x").unwrap();
        }
        for other in ["entraide-2026-02-30.db", "notes.txt", "entraide-latest.db"] {
            std::fs::write(dir.join(other), b"x").unwrap();
        }
        let removed = prune(&dir, 7, 4).await.unwrap();
        assert_eq!(removed.len(), 31);
        let mut left: Vec<String> =
            std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        left.sort();
        assert_eq!(left.len(), 9 + 3);
        assert!(left.contains(&"notes.txt".to_owned()) && left.contains(&"entraide-2026-02-30.db".to_owned()));
        assert_eq!(dated_path(&dir, 1_796_248_800).file_name().unwrap(), "entraide-2026-12-02.db");
        let _ = std::fs::remove_dir_all(&dir);
    }
    use crate::server::db;

    #[tokio::test]
    async fn a_backup_restores_to_the_same_data() {
        let dir = std::env::temp_dir().join(format!("entraide-backup-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let live = db::connect(&format!("sqlite://{}/live.db", dir.display())).await.unwrap();
        db::migrate(&live).await.unwrap();
        db::query(
            "INSERT INTO users (email, display_name, poster_kind, password_hash, created_at, updated_at) \
             VALUES ('a@b.fr', 'Anne', 'individual', 'x', 1, 1)",
        )
        .execute(&live.write)
        .await
        .unwrap();
        let target = dir.join("sauvegardes").join("entraide.db");
        let size = backup(&live, &target).await.unwrap();
        assert!(size > 0);
        // Restore: open the copy as the database; the data and the schema are there.
        let restored = db::connect(&format!("sqlite://{}", target.display())).await.unwrap();
        let mut conn = restored.read.acquire().await.unwrap();
        assert!(db::is_migrated(&mut conn).await.unwrap());
        let name: String = db::query_scalar("SELECT display_name FROM users").fetch_one(&mut *conn).await.unwrap();
        assert_eq!(name, "Anne");
        // A second backup replaces the first; no temporary file is left behind.
        backup(&live, &target).await.unwrap();
        let temporary: Vec<_> = std::fs::read_dir(target.parent().unwrap())
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(temporary.is_empty(), "{temporary:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

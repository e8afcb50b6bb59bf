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

    let mut conn = db.write.acquire().await.map_err(|e| format!("cannot reach the database: {e}"))?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::db;

    #[tokio::test]
    async fn a_backup_restores_to_the_same_data() {
        let dir = std::env::temp_dir().join(format!("entraide-backup-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let live = db::connect(&format!("sqlite://{}/live.db", dir.display())).await.unwrap();
        db::migrate(&live).await.unwrap();
        sqlx::query(
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
        let name: String = sqlx::query_scalar("SELECT display_name FROM users").fetch_one(&mut *conn).await.unwrap();
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

//! The person's rights over their data: "Mes données" (an export of everything linked to the
//! account, as JSON) and "Supprimer mon compte" (erasure, confirmed by the password).
//!
//! Erasure keeps what other people need, without identity: the messages they exchanged (signed
//! "Utilisateur supprimé"), the posts' public facts (closed), the moderation audit. It removes or
//! blanks the rest in one transaction, with `secure_delete` so the values are overwritten in the
//! file, then empties the write-ahead log so no old copy of a page remains there either.

use crate::domain::user::{CurrentUser, Password};
use crate::error::{AppError, FieldErrors};
use crate::i18n::{Lang, Msg};
use crate::server::db::{self, posts as post_sql, privacy as sql, users as user_sql, Db};
use crate::server::passwords;

/// Everything linked to `user`, as a pretty-printed JSON document (its note in `lang`).
pub async fn export(db: &Db, user: &CurrentUser, lang: Lang, now: i64) -> Result<String, AppError> {
    let mut conn = db.read.acquire().await.map_err(|e| db::internal("export: acquire", e))?;
    let sections = sql::export(&mut conn, user.id).await.map_err(|e| db::internal("export", e))?;
    let mut doc = serde_json::Map::new();
    doc.insert("exporte_le".into(), now.into());
    doc.insert("a_propos".into(), Msg::new("export-about").say_in(lang).into());
    for (key, json) in sections {
        let value: serde_json::Value = serde_json::from_str(&json).map_err(|e| db::internal("export: json", e))?;
        doc.insert(key.into(), value);
    }
    serde_json::to_string_pretty(&doc).map_err(|e| db::internal("export: json", e))
}

/// Erases `user`'s account once the password is confirmed. The caller ends the session.
pub async fn delete_account(db: &Db, user: &CurrentUser, password: &str, now: i64) -> Result<(), AppError> {
    let wrong = || AppError::Validation(FieldErrors::single("password", Msg::new("password-wrong")));
    let password = Password::parse_attempt(password).map_err(|_| wrong())?;
    let hash = {
        let mut conn = db.read.acquire().await.map_err(|e| db::internal("delete account: acquire", e))?;
        user_sql::by_id(&mut conn, user.id).await.map_err(|e| db::internal("delete account", e))?
    }
    .map(|r| r.password_hash);
    if !passwords::verify(hash, &password).await? {
        return Err(wrong());
    }
    let fail = |e: sqlx::Error| db::internal("delete account", e);
    let mut tx = db.begin_write().await.map_err(fail)?;
    db::privacy::overwrite_deleted(&mut tx).await.map_err(fail)?;
    let who = sql::identity(&mut tx, user.id).await.map_err(fail)?.ok_or(AppError::NotFound)?;
    let posts = sql::erase(&mut tx, user.id, &who, now).await.map_err(fail)?;
    for id in posts {
        post_sql::sync_index(&mut tx, id).await.map_err(fail)?;
    }
    tx.commit().await.map_err(fail)?;
    let mut conn = db.write.acquire().await.map_err(fail)?;
    match sql::truncate_wal(&mut conn).await {
        Ok(true) => {}
        Ok(false) => tracing::warn!("account erased; the write-ahead log is emptied at the next checkpoint"),
        Err(e) => tracing::warn!("account erased; write-ahead log checkpoint failed: {e}"),
    }
    tracing::info!(user = user.id, "account erased at the person's request");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::conversation::{AcceptForm, MessageBody};
    use crate::domain::user::Role;
    use crate::domain::{Category, PostKind, PostStatus};
    use crate::server::communes::Communes;
    use crate::server::services::posts::tests::{creation, COLMAR, NOW};
    use crate::server::services::{accounts, conversations, posts};

    const EMAIL: &str = "josephine.quenouille@exemple.fr";
    const PHONE: &str = "06 12 34 56 78";
    const NOTE: &str = "Escalier C, code 4711, sonner chez Quenouille";

    /// A real database file (WAL, the app's options) where Joséphine has a post with a private
    /// note, accepted a helper and shared her phone, and exchanged messages.
    async fn world(dir: &std::path::Path) -> (Db, CurrentUser, CurrentUser, i64, i64) {
        let db = db::connect(&format!("sqlite://{}", dir.join("e.db").display())).await.unwrap();
        db::migrate(&db).await.unwrap();
        let me = accounts::test_account(&db, EMAIL, Role::Resident, NOW - 7200).await;
        let helper = accounts::test_account(&db, "aidant@exemple.fr", Role::Resident, NOW - 7200).await;
        let mut c = creation(
            "Courses pour Joséphine Quenouille",
            PostKind::Request,
            Category::Groceries,
            COLMAR,
            PostStatus::Published,
        );
        c.author_id = Some(me.id);
        c.private_note = Some(NOTE.into());
        c.created_at = NOW - 600;
        let post = posts::create(&db, &Communes::haut_rhin().unwrap(), c).await.unwrap();
        let conv = conversations::respond(
            &db,
            &Default::default(),
            &helper,
            post,
            MessageBody::parse("Je peux passer mardi.").unwrap(),
            NOW,
        )
        .await
        .unwrap();
        conversations::send(&db, &me, conv, MessageBody::parse("Merci, je suis au 3e étage.").unwrap(), NOW + 1)
            .await
            .unwrap();
        let share = AcceptForm { share_phone: "on".into(), phone: PHONE.into(), off_map: String::new() };
        conversations::accept(&db, &Default::default(), &me, conv, share.parse().unwrap(), NOW + 2).await.unwrap();
        (db, me, helper, post, conv)
    }

    /// Occurrences of each needle in the database file and its write-ahead log.
    fn hits(dir: &std::path::Path, needles: &[Vec<u8>]) -> usize {
        let mut n = 0;
        for file in ["e.db", "e.db-wal"] {
            let bytes = std::fs::read(dir.join(file)).unwrap_or_default();
            for needle in needles {
                n += bytes.windows(needle.len()).filter(|w| *w == needle.as_slice()).count();
            }
        }
        n
    }

    fn tempdir(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("entraide-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[tokio::test]
    async fn the_export_holds_everything_linked_to_the_account() {
        let dir = tempdir("export");
        let (db, me, _, post, _) = world(&dir).await;
        let json = export(&db, &me, Lang::Fr, NOW + 10).await.unwrap();
        let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(doc["compte"]["email"], EMAIL);
        assert!(!json.contains("argon2"), "never the password hash");
        assert_eq!(doc["annonces"][0]["id"], post);
        assert_eq!(doc["annonces"][0]["note_privee"], NOTE);
        assert_eq!(doc["conversations"][0]["telephone_partage"], PHONE);
        assert_eq!(doc["annonces"][0]["latitude_exacte"], COLMAR.lat);
        assert_eq!(doc["conversations"][0]["messages"].as_array().unwrap().len(), 2);
        assert_eq!(doc["conversations"][0]["messages"][1]["de"], "moi");
        assert!(!doc["notifications"].as_array().unwrap().is_empty());
        assert_eq!(doc["consultations_de_mes_coordonnees"].as_array().unwrap().len(), 0);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[tokio::test]
    async fn erasure_leaves_no_trace_in_the_database_files() {
        let dir = tempdir("erase");
        let (db, me, helper, post, conv) = world(&dir).await;
        let needles: Vec<Vec<u8>> = vec![
            EMAIL.as_bytes().to_vec(),
            "josephine.quenouille".as_bytes().to_vec(),
            "Quenouille".as_bytes().to_vec(),
            PHONE.as_bytes().to_vec(),
            "06123".as_bytes().to_vec(),
            NOTE.as_bytes().to_vec(),
            // SQLite stores a REAL as 8 big-endian bytes.
            COLMAR.lat.to_be_bytes().to_vec(),
            COLMAR.lon.to_be_bytes().to_vec(),
        ];
        assert!(hits(&dir, &needles) > 0, "the values are there before");

        let wrong = delete_account(&db, &me, "pas le bon mot de passe", NOW + 5).await.unwrap_err();
        assert!(matches!(&wrong, AppError::Validation(f) if f.get("password").is_some()));
        delete_account(&db, &me, "un jardin sous la pluie", NOW + 5).await.unwrap();

        let erasure_hits = hits(&dir, &needles);
        println!("FIGURE gdpr.erasure_hits {erasure_hits}");
        assert_eq!(erasure_hits, 0, "erased values are left in the database or WAL file");
        // The helper still reads the conversation, signed by a deleted account; the post is closed.
        let view = conversations::view(&db, &helper, conv, NOW + 6).await.unwrap();
        assert_eq!(view.messages.len(), 2);
        assert!(view.messages.iter().any(|m| m.sender == sql::DELETED_NAME));
        assert!(posts::get_public(&db, post).await.is_err());
        assert!(accounts::log_in(&db, EMAIL, "un jardin sous la pluie").await.is_err());
        assert_eq!(accounts::find_active(&db, me.id).await.unwrap(), None);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[tokio::test]
    async fn erasure_cleans_only_the_emails_that_can_name_the_person() {
        use crate::server::db::notifications::{queue_email, NewEmail};
        let dir = tempdir("erase-outbox");
        let (db, _, _, _, _) = world(&dir).await;
        // An account whose name is a common word, and an e-mail to someone else that holds it.
        let de = accounts::test_account(&db, "de@exemple.fr", Role::Resident, NOW - 7200).await;
        let other = "Bonjour Marc,\nUn message de la part de Lucie.";
        let mut conn = db.write.acquire().await.unwrap();
        let e = NewEmail {
            to: "marc@exemple.fr",
            subject: "Nouveau message de Lucie",
            body: other,
            post_id: None,
            conversation_id: None,
            at: NOW,
            erase_after_send: false,
        };
        queue_email(&mut conn, &e).await.unwrap();
        drop(conn);
        delete_account(&db, &de, "un jardin sous la pluie", NOW + 5).await.unwrap();
        let (subject, body): (String, String) =
            db::query_as("SELECT subject, body FROM outbox WHERE to_email = 'marc@exemple.fr'")
                .fetch_one(&db.read)
                .await
                .unwrap();
        assert_eq!(
            (subject.as_str(), body.as_str()),
            ("Nouveau message de Lucie", other),
            "another person's e-mail was rewritten"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}

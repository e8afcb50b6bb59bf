//! Keeping personal data only as long as needed (#21 §3). The background sweep (every minute,
//! with the others) erases what its time has come for, batch by batch, each batch in its own
//! transaction: a post's exact place, note and phones; old conversations; accounts nobody
//! logged into for years (warned by e-mail first, then erased as « Supprimer mon compte » does);
//! e-mails sent long ago. After an erasure the write-ahead log is emptied, so the erased values
//! do not linger in it.

use crate::domain::retention::{RetentionRules, BATCH, BATCHES_PER_SWEEP};
use crate::error::AppError;
use crate::i18n::{Lang, Msg};
use crate::server::db::notifications::{queue_email, NewEmail};
use crate::server::db::{self, posts as posts_sql, privacy as privacy_sql, retention as sql, Db};
use crate::server::services::notifications::site_url;

/// What one sweep did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Swept {
    pub details: usize,
    pub conversations: usize,
    pub warned: usize,
    pub erased: usize,
    pub emails: u64,
    /// Relatives' links to ended posts deleted, and invitations past their day forgotten.
    pub carers: u64,
    /// Wrong building codes older than a day forgotten.
    pub codes: u64,
}

impl Swept {
    fn erased_anything(&self) -> bool {
        self.details + self.conversations + self.erased > 0 || self.emails + self.carers + self.codes > 0
    }
}

/// Runs every job due at `now`.
pub async fn sweep(db: &Db, rules: &RetentionRules, now: i64) -> Result<Swept, AppError> {
    let mut done = Swept::default();
    let fail = |e| db::internal("retention", e);
    for _ in 0..BATCHES_PER_SWEEP {
        let mut tx = db.begin_write().await.map_err(fail)?;
        let posts = sql::posts_with_details(&mut tx, rules.details_cutoff(now), BATCH).await.map_err(fail)?;
        if !posts.is_empty() {
            sql::erase_details(&mut tx, &posts, now).await.map_err(fail)?;
        }
        tx.commit().await.map_err(fail)?;
        done.details += posts.len();
        if (posts.len() as i64) < BATCH {
            break;
        }
    }
    for _ in 0..BATCHES_PER_SWEEP {
        let mut tx = db.begin_write().await.map_err(fail)?;
        let old = sql::old_conversations(&mut tx, rules.conversations_cutoff(now), BATCH).await.map_err(fail)?;
        if !old.is_empty() {
            sql::delete_conversations(&mut tx, &old).await.map_err(fail)?;
        }
        tx.commit().await.map_err(fail)?;
        done.conversations += old.len();
        if (old.len() as i64) < BATCH {
            break;
        }
    }
    {
        let mut tx = db.begin_write().await.map_err(fail)?;
        done.carers = db::carers::forget_expired_invitations(&mut tx, now).await.map_err(fail)?
            + sql::delete_old_carers(&mut tx, rules.conversations_cutoff(now)).await.map_err(fail)?;
        done.codes = super::buildings::forget_failures(&mut tx, now).await?;
        tx.commit().await.map_err(fail)?;
    }
    done.warned = warn_inactive(db, rules, now).await?;
    done.erased = erase_inactive(db, rules, now).await?;
    for _ in 0..BATCHES_PER_SWEEP {
        let mut conn = db.write.acquire().await.map_err(fail)?;
        let n = sql::purge_sent_emails(&mut conn, rules.sent_emails_cutoff(now), BATCH).await.map_err(fail)?;
        done.emails += n;
        if (n as i64) < BATCH {
            break;
        }
    }
    if done.erased_anything() {
        let mut conn = db.write.acquire().await.map_err(fail)?;
        if !privacy_sql::truncate_wal(&mut conn).await.map_err(fail)? {
            tracing::warn!("retention: the write-ahead log is emptied at the next checkpoint");
        }
        tracing::info!(
            details = done.details,
            conversations = done.conversations,
            accounts = done.erased,
            emails = done.emails,
            carers = done.carers,
            "retention: personal data erased"
        );
    }
    Ok(done)
}

/// Each account not seen for `inactive_days` gets one e-mail, in its language, saying when it
/// will be erased and how to keep it (logging in). Sent whatever the person chose about
/// notifications: it is about the account itself.
async fn warn_inactive(db: &Db, rules: &RetentionRules, now: i64) -> Result<usize, AppError> {
    let fail = |e| db::internal("retention: warn", e);
    let mut tx = db.begin_write().await.map_err(fail)?;
    let due = sql::to_warn(&mut tx, rules.inactive_cutoff(now), BATCH).await.map_err(fail)?;
    for a in &due {
        let lang = Lang::from_code(&a.lang).unwrap_or_default();
        let body = Msg::new("retention-warning-body")
            .num("years", rules.inactive_days / 365)
            .num("days", rules.warning_days)
            .day("on", now + rules.warning_days * 86_400)
            .text("link", format!("{}/connexion", site_url()))
            .say_in(lang);
        let subject = Msg::new("retention-warning-subject").say_in(lang);
        let e = NewEmail {
            to: &a.email,
            subject: &subject,
            body: &body,
            post_id: None,
            conversation_id: None,
            at: now,
            erase_after_send: false,
        };
        queue_email(&mut tx, &e).await.map_err(fail)?;
        sql::mark_warned(&mut tx, a.id, now).await.map_err(fail)?;
    }
    tx.commit().await.map_err(fail)?;
    Ok(due.len())
}

/// Accounts warned `warning_days` ago and not seen since are erased, as their owner would by
/// « Supprimer mon compte ».
async fn erase_inactive(db: &Db, rules: &RetentionRules, now: i64) -> Result<usize, AppError> {
    let fail = |e| db::internal("retention: erase", e);
    let mut tx = db.begin_write().await.map_err(fail)?;
    db::privacy::overwrite_deleted(&mut tx).await.map_err(fail)?;
    let due = sql::to_erase(&mut tx, rules.warning_cutoff(now), BATCH).await.map_err(fail)?;
    for &id in &due {
        let Some(who) = privacy_sql::identity(&mut tx, id).await.map_err(fail)? else { continue };
        for post in privacy_sql::erase(&mut tx, id, &who, now).await.map_err(fail)? {
            posts_sql::sync_index(&mut tx, post).await.map_err(fail)?;
        }
    }
    tx.commit().await.map_err(fail)?;
    Ok(due.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::conversation::{AcceptForm, MessageBody};
    use crate::domain::user::{CurrentUser, Role};
    use crate::domain::{Category, PostKind, PostStatus};
    use crate::server::communes::Communes;
    use crate::server::services::posts::tests::{creation, COLMAR, NOW};
    use crate::server::services::{accounts, conversations, posts};

    const DAY: i64 = 86_400;
    const NOTE: &str = "Escalier C, code 4711, sonner chez Quenouille";
    const PHONE: &str = "06 12 34 56 78";
    const CALLER_PHONE: &str = "03 89 98 76 54";
    const MESSAGE: &str = "Merci, je suis au 3e étage, porte gauche.";
    /// When the help was confirmed: the post ended.
    const END: i64 = NOW + DAY;

    struct World {
        db: Db,
        dir: std::path::PathBuf,
        author: CurrentUser,
        helper: CurrentUser,
        post: i64,
        conversation: i64,
    }

    /// A real database file: a post with a private note and a caller's phone (filed for them),
    /// answered, accepted with a phone shared, a message, an e-mail sent; fulfilled at `END`.
    async fn world(name: &str) -> World {
        let dir = std::env::temp_dir().join(format!("entraide-retention-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let db = db::connect(&format!("sqlite://{}", dir.join("e.db").display())).await.unwrap();
        db::migrate(&db).await.unwrap();
        let author = accounts::test_account(&db, "josephine@exemple.fr", Role::Resident, NOW - 7200).await;
        let helper = accounts::test_account(&db, "aidant@exemple.fr", Role::Resident, NOW - 7200).await;
        let mut c = creation("Courses du mardi", PostKind::Request, Category::Groceries, COLMAR, PostStatus::Published);
        c.author_id = Some(author.id);
        c.private_note = Some(NOTE.into());
        c.created_at = NOW - 600;
        let post = posts::create(&db, &Communes::haut_rhin().unwrap(), c).await.unwrap();
        db::query(
            "INSERT INTO intakes (post_id, filed_by, person_name, person_phone, street, call_times, share_phone, \
             consent_at, consent_by) VALUES ($1, $2, 'Mme Quenouille', $3, '4 rue des Tilleuls', 'le matin', 1, $4, $2)",
        )
        .bind(post)
        .bind(author.id)
        .bind(CALLER_PHONE)
        .bind(NOW)
        .execute(&db.write)
        .await
        .unwrap();
        let first = MessageBody::parse("Je peux passer mardi.").unwrap();
        let conversation = conversations::respond(&db, &Default::default(), &helper, post, first, NOW).await.unwrap();
        conversations::send(&db, &author, conversation, MessageBody::parse(MESSAGE).unwrap(), NOW + 1).await.unwrap();
        let share = AcceptForm { share_phone: "on".into(), phone: PHONE.into(), off_map: String::new() };
        conversations::accept(&db, &Default::default(), &author, conversation, share.parse().unwrap(), NOW + 2)
            .await
            .unwrap();
        conversations::confirm(&db, &author, conversation, END).await.unwrap();
        db::query("UPDATE outbox SET sent_at = $1").bind(END).execute(&db.write).await.unwrap();
        World { db, dir, author, helper, post, conversation }
    }

    fn hits(dir: &std::path::Path, needle: &[u8]) -> usize {
        ["e.db", "e.db-wal"]
            .iter()
            .map(|f| {
                let bytes = std::fs::read(dir.join(f)).unwrap_or_default();
                bytes.windows(needle.len()).filter(|w| *w == needle).count()
            })
            .sum()
    }

    async fn count(db: &Db, sql: &str) -> i64 {
        db::query_scalar(sql).fetch_one(&db.read).await.unwrap()
    }

    /// The clock moved across each boundary: before it, everything stays; after it, that data is
    /// gone — from the tables, the database file and its write-ahead log — and nothing else.
    #[tokio::test]
    async fn each_kind_of_data_goes_when_its_time_comes_and_not_before() {
        let w = world("boundaries").await;
        let rules = RetentionRules::default();
        let exact = COLMAR.lat.to_be_bytes();
        assert!(hits(&w.dir, NOTE.as_bytes()) > 0 && hits(&w.dir, &exact) > 0, "there before");
        let emails = count(&w.db, "SELECT count(*) FROM outbox").await;
        assert!(emails > 0);

        // E-mails: 30 days after they were sent.
        let s = sweep(&w.db, &rules, END + 29 * DAY).await.unwrap();
        assert_eq!((s.emails, s.details, s.conversations), (0, 0, 0));
        let s = sweep(&w.db, &rules, END + 31 * DAY).await.unwrap();
        assert_eq!(s.emails as i64, emails);
        assert_eq!(count(&w.db, "SELECT count(*) FROM outbox").await, 0);

        // The exact place, the note and the phones: 90 days after the post ended.
        assert_eq!(sweep(&w.db, &rules, END + 89 * DAY).await.unwrap().details, 0);
        assert!(hits(&w.dir, NOTE.as_bytes()) > 0);
        assert_eq!(sweep(&w.db, &rules, END + 91 * DAY).await.unwrap().details, 1);
        for (what, needle) in [
            ("note", NOTE.as_bytes()),
            ("shared phone", PHONE.as_bytes()),
            ("caller's phone", CALLER_PHONE.as_bytes()),
            ("caller's street", "4 rue des Tilleuls".as_bytes()),
            ("exact latitude", &exact),
        ] {
            assert_eq!(hits(&w.dir, needle), 0, "{what} left in the database or WAL file");
        }
        let (lat, public_lat, category, commune): (f64, f64, String, String) =
            db::query_as("SELECT lat, public_lat, category, commune_name FROM posts WHERE id = $1")
                .bind(w.post)
                .fetch_one(&w.db.read)
                .await
                .unwrap();
        assert_eq!(lat, public_lat, "the public point stays, for the figures");
        assert_eq!((category.as_str(), commune.as_str()), ("groceries", "Colmar"));
        assert!(hits(&w.dir, MESSAGE.as_bytes()) > 0, "the conversation stays");
        assert_eq!(sweep(&w.db, &rules, END + 92 * DAY).await.unwrap().details, 0, "once");

        // Conversations: a year after the post ended.
        assert_eq!(sweep(&w.db, &rules, END + 364 * DAY).await.unwrap().conversations, 0);
        assert_eq!(sweep(&w.db, &rules, END + 366 * DAY).await.unwrap().conversations, 1);
        assert_eq!(count(&w.db, "SELECT count(*) FROM messages").await, 0);
        assert_eq!(hits(&w.dir, MESSAGE.as_bytes()), 0, "messages left in the files");
        assert_eq!(count(&w.db, "SELECT count(*) FROM posts").await, 1, "the post's public facts stay");
        let _ = (w.conversation, &w.helper, &w.author);
        let _ = std::fs::remove_dir_all(&w.dir);
    }

    /// Three years without a log-in: warned once by e-mail (even with e-mails turned off), then
    /// erased thirty days later, unless the person logged in meanwhile.
    #[tokio::test]
    async fn an_account_nobody_uses_is_warned_then_erased_unless_its_owner_comes_back() {
        let w = world("accounts").await;
        let rules = RetentionRules::default();
        db::query("UPDATE users SET email_notifications = FALSE").execute(&w.db.write).await.unwrap();
        db::query("DELETE FROM outbox").execute(&w.db.write).await.unwrap();
        let three_years = NOW - 7200 + 1095 * DAY;

        assert_eq!(sweep(&w.db, &rules, three_years - DAY).await.unwrap().warned, 0);
        let warned_at = three_years + DAY;
        assert_eq!(sweep(&w.db, &rules, warned_at).await.unwrap().warned, 2);
        let mails: Vec<(String, String)> =
            db::query_as("SELECT to_email, body FROM outbox ORDER BY id").fetch_all(&w.db.read).await.unwrap();
        assert_eq!(mails.len(), 2);
        assert!(mails.iter().any(|(to, _)| to == "aidant@exemple.fr"));
        assert!(mails[0].1.contains("/connexion"), "how to keep the account: {}", mails[0].1);
        assert_eq!(sweep(&w.db, &rules, warned_at + DAY).await.unwrap().warned, 0, "warned once");

        // The author logs in within the month; the helper does not.
        db::query("UPDATE users SET last_login_at = $2 WHERE id = $1")
            .bind(w.author.id)
            .bind(warned_at + 10 * DAY)
            .execute(&w.db.write)
            .await
            .unwrap();
        assert_eq!(sweep(&w.db, &rules, warned_at + 29 * DAY).await.unwrap().erased, 0);
        let s = sweep(&w.db, &rules, warned_at + 31 * DAY).await.unwrap();
        assert_eq!((s.erased, s.warned), (1, 0));
        let deleted: Vec<(i64, Option<i64>)> =
            db::query_as("SELECT id, deleted_at FROM users ORDER BY id").fetch_all(&w.db.read).await.unwrap();
        assert_eq!(deleted, vec![(w.author.id, None), (w.helper.id, Some(warned_at + 31 * DAY))]);
        assert_eq!(hits(&w.dir, b"aidant@exemple.fr"), 0, "the erased address left in the files");
        // The author is warned again only three years after that log-in.
        assert_eq!(sweep(&w.db, &rules, warned_at + 10 * DAY + 1094 * DAY).await.unwrap().warned, 0);
        assert_eq!(sweep(&w.db, &rules, warned_at + 10 * DAY + 1096 * DAY).await.unwrap().warned, 1);
        let _ = std::fs::remove_dir_all(&w.dir);
    }
}

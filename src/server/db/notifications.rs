//! SQL for notifications and the e-mail outbox. No authorization decisions here.

use super::leases;

use super::sql::{self, Conn};
use crate::domain::notification::NotificationKind;
use crate::i18n::Lang;

/// A notification to write.
#[derive(Debug)]
pub struct NewNotification<'a> {
    pub user_id: i64,
    pub post_id: Option<i64>,
    pub conversation_id: Option<i64>,
    pub kind: NotificationKind,
    pub body: &'a str,
    pub at: i64,
}

pub async fn insert(conn: &mut Conn, n: &NewNotification<'_>) -> Result<(), sqlx::Error> {
    sql::query(
        "INSERT INTO notifications (user_id, post_id, conversation_id, kind, body, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(n.user_id)
    .bind(n.post_id)
    .bind(n.conversation_id)
    .bind(n.kind.slug())
    .bind(n.body)
    .bind(n.at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Whether `user_id` has an unread notification of new messages (a response or a message)
/// about this conversation, so that a burst of messages makes one notification, not ten.
pub async fn has_unread_messages(conn: &mut Conn, user_id: i64, conversation_id: i64) -> Result<bool, sqlx::Error> {
    let n: i64 = sql::query_scalar(
        "SELECT count(*) FROM notifications WHERE user_id = $1 AND conversation_id = $2 \
         AND kind IN ('response', 'message') AND read_at IS NULL",
    )
    .bind(user_id)
    .bind(conversation_id)
    .fetch_one(conn)
    .await?;
    Ok(n > 0)
}

#[derive(Debug, sqlx::FromRow)]
pub struct NotificationRow {
    pub id: i64,
    pub post_id: Option<i64>,
    pub conversation_id: Option<i64>,
    pub kind: String,
    pub body: String,
    pub created_at: i64,
    pub read_at: Option<i64>,
    /// For "Avez-vous reçu l'aide ?", the question's follow-up (its page is `/suivi/{id}`).
    pub question_id: Option<i64>,
}

/// The newest notifications of one account.
pub async fn of_user(conn: &mut Conn, user_id: i64, limit: i64) -> Result<Vec<NotificationRow>, sqlx::Error> {
    sql::query_as(
        "SELECT n.id, n.post_id, n.conversation_id, n.kind, n.body, n.created_at, n.read_at, \
         CASE WHEN n.kind = 'help-check' THEN (SELECT MAX(f.id) FROM follow_ups f \
           WHERE f.post_id = n.post_id AND f.kind = 'help-check') END AS question_id \
         FROM notifications n WHERE n.user_id = $1 ORDER BY n.created_at DESC, n.id DESC LIMIT $2",
    )
    .bind(user_id)
    .bind(limit)
    .fetch_all(conn)
    .await
}

pub async fn unread_count(conn: &mut Conn, user_id: i64) -> Result<i64, sqlx::Error> {
    sql::query_scalar("SELECT count(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL")
        .bind(user_id)
        .fetch_one(conn)
        .await
}

pub async fn mark_all_read(conn: &mut Conn, user_id: i64, now: i64) -> Result<u64, sqlx::Error> {
    Ok(sql::query("UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL")
        .bind(now)
        .bind(user_id)
        .execute(conn)
        .await?
        .rows_affected())
}

/// Marks read my notifications about one conversation (I am reading it).
pub async fn mark_conversation_read(
    conn: &mut Conn,
    user_id: i64,
    conversation_id: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sql::query("UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND conversation_id = $3 AND read_at IS NULL")
        .bind(now)
        .bind(user_id)
        .bind(conversation_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The language of account `user_id`, and its address if it wants e-mails.
pub async fn recipient(conn: &mut Conn, user_id: i64) -> Result<Option<Recipient>, sqlx::Error> {
    let row: Option<(String, bool, String)> =
        sql::query_as("SELECT email, email_notifications AND disabled_at IS NULL, lang FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(conn)
            .await?;
    Ok(row.map(|(email, wanted, lang)| Recipient {
        email: wanted.then_some(email),
        lang: Lang::from_code(&lang).unwrap_or_default(),
    }))
}

/// Who a notification goes to.
pub struct Recipient {
    /// Their address, when they want e-mails too (and their account is active).
    pub email: Option<String>,
    /// The language they read Entraide in.
    pub lang: Lang,
}

/// An e-mail to queue, with what it is about.
pub struct NewEmail<'a> {
    pub to: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    pub post_id: Option<i64>,
    pub conversation_id: Option<i64>,
    pub at: i64,
    /// Emptied once sent (it holds a link that opens an account).
    pub erase_after_send: bool,
}

/// Queues an e-mail.
pub async fn queue_email(conn: &mut Conn, e: &NewEmail<'_>) -> Result<(), sqlx::Error> {
    queue(conn, e, None).await
}

/// Queues an e-mail that the reader can unsubscribe from in one click at `unsubscribe` (its
/// `List-Unsubscribe` header, RFC 8058).
pub async fn queue_email_with_unsubscribe(
    conn: &mut Conn,
    e: &NewEmail<'_>,
    unsubscribe: &str,
) -> Result<(), sqlx::Error> {
    queue(conn, e, Some(unsubscribe)).await
}

async fn queue(conn: &mut Conn, e: &NewEmail<'_>, unsubscribe: Option<&str>) -> Result<(), sqlx::Error> {
    sql::query(
        "INSERT INTO outbox (to_email, subject, body, post_id, conversation_id, created_at, erase_after_send, \
         unsubscribe_url) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(e.to)
    .bind(e.subject)
    .bind(e.body)
    .bind(e.post_id)
    .bind(e.conversation_id)
    .bind(e.at)
    .bind(e.erase_after_send)
    .bind(unsubscribe)
    .execute(conn)
    .await?;
    Ok(())
}

/// A queued e-mail.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OutboxRow {
    pub id: i64,
    pub to_email: String,
    pub subject: String,
    pub body: String,
    pub created_at: i64,
    pub sent_at: Option<i64>,
    pub attempts: i64,
    pub last_error: Option<String>,
    /// The one-click unsubscribe address, for e-mails one can unsubscribe from.
    pub unsubscribe_url: Option<String>,
}

/// The newest e-mails (sent or not).
pub async fn outbox(conn: &mut Conn, limit: i64) -> Result<Vec<OutboxRow>, sqlx::Error> {
    sql::query_as(
        "SELECT id, to_email, subject, body, created_at, sent_at, attempts, last_error, unsubscribe_url FROM outbox \
         ORDER BY id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(conn)
    .await
}

/// The e-mails taken by `take` (`leases::claim`), in order.
pub async fn claim(conn: &mut Conn, take: leases::Take<'_>) -> Result<Vec<OutboxRow>, sqlx::Error> {
    let ids = leases::claim(conn, leases::Queue::Emails, take).await?;
    let (Some(first), Some(last)) = (ids.first(), ids.last()) else { return Ok(vec![]) };
    sql::query_as(
        "SELECT id, to_email, subject, body, created_at, sent_at, attempts, last_error, unsubscribe_url FROM outbox \
         WHERE claimed_by = $1 AND sent_at IS NULL AND id BETWEEN $2 AND $3 ORDER BY id",
    )
    .bind(take.worker)
    .bind(first)
    .bind(last)
    .fetch_all(conn)
    .await
}

/// Records the outcome of one sending attempt.
pub async fn record_attempt(conn: &mut Conn, id: i64, result: Result<(), &str>, now: i64) -> Result<(), sqlx::Error> {
    match result {
        Ok(()) => {
            sql::query(
                "UPDATE outbox SET sent_at = $1, attempts = attempts + 1, last_error = NULL, \
                 claimed_by = NULL, claimed_until = NULL, body = CASE WHEN erase_after_send = TRUE THEN '' ELSE body END WHERE id = $2",
            )
            .bind(now)
            .bind(id)
            .execute(conn)
            .await?
        }
        Err(e) => {
            sql::query(
                "UPDATE outbox SET attempts = attempts + 1, last_error = $1, claimed_by = NULL, claimed_until = NULL \
                 WHERE id = $2",
            )
                .bind(e)
                .bind(id)
                .execute(conn)
                .await?
        }
    };
    Ok(())
}

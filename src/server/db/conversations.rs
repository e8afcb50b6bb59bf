//! SQL for conversations, messages, reveals and thank-you notes. No authorization here: the
//! service decides who may read or write, from the rows this returns.

use super::sql::{self, Conn};

/// A conversation, with what the service needs to decide.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ConversationRow {
    pub id: i64,
    pub post_id: i64,
    pub author_id: i64,
    pub responder_id: i64,
    pub created_at: i64,
    pub last_message_at: i64,
    pub accepted_at: Option<i64>,
    pub helper_done_at: Option<i64>,
    pub author_read: i64,
    pub responder_read: i64,
    /// The phone number the author shared with this helper when accepting them.
    pub shared_phone: Option<String>,
    /// When the author blocked the responder, and the other way round.
    pub author_blocked_at: Option<i64>,
    pub responder_blocked_at: Option<i64>,
}

const COLUMNS: &str = "SELECT id, post_id, author_id, responder_id, created_at, last_message_at, accepted_at, \
     helper_done_at, author_read, responder_read, shared_phone, author_blocked_at, responder_blocked_at \
     FROM conversations";

pub async fn by_id(conn: &mut Conn, id: i64) -> Result<Option<ConversationRow>, sqlx::Error> {
    sql::query_as(&format!("{COLUMNS} WHERE id = $1")).bind(id).fetch_optional(conn).await
}

pub async fn by_post_and_responder(
    conn: &mut Conn,
    post_id: i64,
    responder_id: i64,
) -> Result<Option<ConversationRow>, sqlx::Error> {
    sql::query_as(&format!("{COLUMNS} WHERE post_id = $1 AND responder_id = $2"))
        .bind(post_id)
        .bind(responder_id)
        .fetch_optional(conn)
        .await
}

/// The conversations of a post whose responder is accepted.
pub async fn accepted_of_post(conn: &mut Conn, post_id: i64) -> Result<Vec<ConversationRow>, sqlx::Error> {
    sql::query_as(&format!("{COLUMNS} WHERE post_id = $1 AND accepted_at IS NOT NULL"))
        .bind(post_id)
        .fetch_all(conn)
        .await
}

pub async fn insert(
    conn: &mut Conn,
    post_id: i64,
    author_id: i64,
    responder_id: i64,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sql::query_scalar(
        "INSERT INTO conversations (post_id, author_id, responder_id, created_at, last_message_at) \
         VALUES ($1, $2, $3, $4, $4) RETURNING id",
    )
    .bind(post_id)
    .bind(author_id)
    .bind(responder_id)
    .bind(now)
    .fetch_one(conn)
    .await
}

/// Adds a message and moves the conversation's date; the sender has read up to it.
pub async fn add_message(
    conn: &mut Conn,
    c: &ConversationRow,
    sender_id: i64,
    body: &str,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let id: i64 = sql::query_scalar(
        "INSERT INTO messages (conversation_id, sender_id, body, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(c.id)
    .bind(sender_id)
    .bind(body)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    sql::query("UPDATE conversations SET last_message_at = $1 WHERE id = $2")
        .bind(now)
        .bind(c.id)
        .execute(&mut *conn)
        .await?;
    mark_read(conn, c, sender_id, id).await?;
    Ok(id)
}

/// Records that `user_id` has read the conversation up to message `upto`.
pub async fn mark_read(conn: &mut Conn, c: &ConversationRow, user_id: i64, upto: i64) -> Result<(), sqlx::Error> {
    // A relative of the author writing or reading leaves both sides' marks as they are.
    let column = if user_id == c.author_id {
        "author_read"
    } else if user_id == c.responder_id {
        "responder_read"
    } else {
        return Ok(());
    };
    let greatest = conn.engine().greatest();
    sql::query(&format!("UPDATE conversations SET {column} = {greatest}({column}, $1) WHERE id = $2"))
        .bind(upto)
        .bind(c.id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Accepts the helper of conversation `id` at `at` (`None`: withdraws), with the phone number the
/// author shares with them alone.
pub async fn set_accepted(conn: &mut Conn, id: i64, at: Option<i64>, phone: Option<&str>) -> Result<(), sqlx::Error> {
    sql::query("UPDATE conversations SET accepted_at = $1, helper_done_at = NULL, shared_phone = $2 WHERE id = $3")
        .bind(at)
        .bind(phone)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Sets (or lifts, with `None`) the block by the author (`by_author`) or by the responder.
pub async fn set_block(conn: &mut Conn, id: i64, by_author: bool, at: Option<i64>) -> Result<(), sqlx::Error> {
    let sql = if by_author {
        "UPDATE conversations SET author_blocked_at = $1 WHERE id = $2"
    } else {
        "UPDATE conversations SET responder_blocked_at = $1 WHERE id = $2"
    };
    sql::query(sql).bind(at).bind(id).execute(conn).await?;
    Ok(())
}

pub async fn set_helper_done(conn: &mut Conn, id: i64, at: i64) -> Result<(), sqlx::Error> {
    sql::query("UPDATE conversations SET helper_done_at = $1 WHERE id = $2").bind(at).bind(id).execute(conn).await?;
    Ok(())
}

/// A message with its sender's name.
#[derive(Debug, sqlx::FromRow)]
pub struct MessageRow {
    pub id: i64,
    pub sender_id: i64,
    pub sender_name: String,
    pub body: String,
    pub created_at: i64,
}

/// The messages of a conversation after message `after`, oldest first.
pub async fn messages(conn: &mut Conn, conversation_id: i64, after: i64) -> Result<Vec<MessageRow>, sqlx::Error> {
    sql::query_as(
        "SELECT m.id, m.sender_id, u.display_name AS sender_name, m.body, m.created_at FROM messages m \
         JOIN users u ON u.id = m.sender_id WHERE m.conversation_id = $1 AND m.id > $2 ORDER BY m.id",
    )
    .bind(conversation_id)
    .bind(after)
    .fetch_all(conn)
    .await
}

/// How many messages `sender_id` sent since `since` (rate limit).
pub async fn sent_since(conn: &mut Conn, sender_id: i64, since: i64) -> Result<i64, sqlx::Error> {
    sql::query_scalar("SELECT count(*) FROM messages WHERE sender_id = $1 AND created_at >= $2")
        .bind(sender_id)
        .bind(since)
        .fetch_one(conn)
        .await
}

/// How many conversations `responder_id` opened since `since` (rate limit).
pub async fn opened_since(conn: &mut Conn, responder_id: i64, since: i64) -> Result<i64, sqlx::Error> {
    sql::query_scalar("SELECT count(*) FROM conversations WHERE responder_id = $1 AND created_at >= $2")
        .bind(responder_id)
        .bind(since)
        .fetch_one(conn)
        .await
}

/// A line of "Mes messages".
#[derive(Debug, sqlx::FromRow)]
pub struct ListRow {
    pub id: i64,
    pub post_id: i64,
    pub post_title: String,
    pub post_kind: String,
    pub post_status: String,
    pub author_id: i64,
    pub other_name: String,
    pub last_message_at: i64,
    pub accepted_at: Option<i64>,
    pub other_vetted: bool,
    pub unread: i64,
    /// The author's name when `user_id` follows the post as their relative.
    pub carer_of: Option<String>,
}

/// My conversations, the most recent first, with the number of messages I have not read; and
/// those of the posts I follow as a relative of their author (nothing counted unread there: the
/// notifications tell). `other_vetted`: the other is the helper (I wrote the post, or follow
/// it) and holds a check valid at `now`.
pub async fn list_for(conn: &mut Conn, user_id: i64, now: i64) -> Result<Vec<ListRow>, sqlx::Error> {
    sql::query_as(
        "SELECT c.id, c.post_id, p.title AS post_title, p.kind AS post_kind, p.status AS post_status, c.author_id, \
         u.display_name AS other_name, c.last_message_at, c.accepted_at, \
         (c.responder_id <> $1 AND EXISTS (SELECT 1 FROM vettings v WHERE v.user_id = c.responder_id \
            AND v.withdrawn_at IS NULL AND v.expires_at > $2)) AS other_vetted, \
         CASE WHEN c.author_id <> $1 AND c.responder_id <> $1 THEN 0 ELSE \
         (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id AND m.sender_id <> $1 \
            AND m.id > CASE WHEN c.author_id = $1 THEN c.author_read ELSE c.responder_read END) END AS unread, \
         CASE WHEN c.author_id <> $1 AND c.responder_id <> $1 THEN \
            (SELECT display_name FROM users WHERE id = c.author_id) END AS carer_of \
         FROM conversations c JOIN posts p ON p.id = c.post_id \
         JOIN users u ON u.id = CASE WHEN c.responder_id = $1 THEN c.author_id ELSE c.responder_id END \
         WHERE c.author_id = $1 OR c.responder_id = $1 OR c.post_id IN \
            (SELECT post_id FROM carers WHERE user_id = $1 AND removed_at IS NULL) \
         ORDER BY c.last_message_at DESC, c.id DESC LIMIT 200",
    )
    .bind(user_id)
    .bind(now)
    .fetch_all(conn)
    .await
}

/// Unread messages in all my conversations.
pub async fn unread_total(conn: &mut Conn, user_id: i64) -> Result<i64, sqlx::Error> {
    sql::query_scalar(
        "SELECT count(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id \
         WHERE (c.author_id = $1 OR c.responder_id = $1) AND m.sender_id <> $1 \
         AND m.id > CASE WHEN c.author_id = $1 THEN c.author_read ELSE c.responder_read END",
    )
    .bind(user_id)
    .fetch_one(conn)
    .await
}

/// Logs that `viewer_id` was shown `fields` of post `post_id`.
pub async fn log_reveal(
    conn: &mut Conn,
    post_id: i64,
    viewer_id: i64,
    fields: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sql::query("INSERT INTO reveals (post_id, viewer_id, fields, created_at) VALUES ($1, $2, $3, $4)")
        .bind(post_id)
        .bind(viewer_id)
        .bind(fields)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// The private details of a post: exact point, building note.
#[derive(Debug, sqlx::FromRow)]
pub struct PrivateRow {
    pub lat: f64,
    pub lon: f64,
    pub private_note: Option<String>,
}

pub async fn private_of(conn: &mut Conn, post_id: i64) -> Result<Option<PrivateRow>, sqlx::Error> {
    sql::query_as("SELECT lat, lon, private_note FROM posts WHERE id = $1").bind(post_id).fetch_optional(conn).await
}

/// Sets whether the post leaves the map while in progress.
pub async fn set_off_map(conn: &mut Conn, post_id: i64, off_map: bool) -> Result<(), sqlx::Error> {
    sql::query("UPDATE posts SET off_map_in_progress = $1 WHERE id = $2")
        .bind(off_map)
        .bind(post_id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn insert_thanks(
    conn: &mut Conn,
    post_id: i64,
    writer_id: i64,
    body: &str,
    signed: bool,
    now: i64,
) -> Result<(), sqlx::Error> {
    sql::query("INSERT INTO thanks (post_id, writer_id, body, signed, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(post_id)
        .bind(writer_id)
        .bind(body)
        .bind(signed)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// The thank-you notes of a post, oldest first, with their writers' names when signed.
pub async fn thanks_of(conn: &mut Conn, post_id: i64) -> Result<Vec<(Option<String>, String, i64)>, sqlx::Error> {
    sql::query_as(
        "SELECT CASE WHEN t.signed = TRUE THEN u.display_name END, t.body, t.created_at FROM thanks t \
         JOIN users u ON u.id = t.writer_id \
         WHERE t.post_id = $1 ORDER BY t.created_at, t.id",
    )
    .bind(post_id)
    .fetch_all(conn)
    .await
}

/// Whether one of the messages of conversation `id` was reported.
///
/// Only about a post in the territories of staff member `staff`.
pub async fn has_reported_message(conn: &mut Conn, staff: i64, id: i64) -> Result<bool, sqlx::Error> {
    let n: i64 = sql::query_scalar(&format!(
        "SELECT count(*) FROM reports r JOIN messages m ON m.id = r.message_id \
         JOIN conversations c ON c.id = m.conversation_id JOIN posts p ON p.id = c.post_id \
         WHERE m.conversation_id = $1 AND {}",
        super::territories::post_in_scope("p", 2)
    ))
    .bind(id)
    .bind(staff)
    .fetch_one(conn)
    .await?;
    Ok(n > 0)
}

pub async fn has_thanked(conn: &mut Conn, post_id: i64, writer_id: i64) -> Result<bool, sqlx::Error> {
    let n: i64 = sql::query_scalar("SELECT count(*) FROM thanks WHERE post_id = $1 AND writer_id = $2")
        .bind(post_id)
        .bind(writer_id)
        .fetch_one(conn)
        .await?;
    Ok(n > 0)
}

//! SQL of the retention sweep: what is due, and erasing it. Lists of ids travel as one JSON
//! array (`json_each`). No authorization decisions here.

use super::sql::{self, Conn};

/// When a post ended: fulfilled, closed or refused at its last change; otherwise at its expiry
/// (a post still open has not ended: its expiry is in the future).
const ENDED_BEFORE: &str = "((status IN ('fulfilled', 'closed', 'rejected') AND updated_at < $1) \
     OR (status IN ('pending', 'published', 'in-progress') AND expires_at < $1))";

fn ids_json(ids: &[i64]) -> String {
    format!("[{}]", ids.iter().map(i64::to_string).collect::<Vec<_>>().join(","))
}

/// Posts that ended before `cutoff` whose details are still kept.
pub async fn posts_with_details(conn: &mut Conn, cutoff: i64, limit: i64) -> Result<Vec<i64>, sqlx::Error> {
    sql::query_scalar(&format!(
        "SELECT id FROM posts WHERE details_erased_at IS NULL AND {ENDED_BEFORE} ORDER BY id LIMIT $2"
    ))
    .bind(cutoff)
    .bind(limit)
    .fetch_all(conn)
    .await
}

/// Erases the details of `posts`: the exact place becomes the public point, the private note
/// and every phone go (shared in a conversation, or given by a person who called, with the
/// street and the hours to call them). The public point, commune and category stay.
pub async fn erase_details(conn: &mut Conn, posts: &[i64], now: i64) -> Result<(), sqlx::Error> {
    let ids = ids_json(posts);
    let listed = conn.engine().json_integers("$1");
    sql::query(&format!(
        "UPDATE posts SET lat = public_lat, lon = public_lon, private_note = NULL, details_erased_at = $2 \
         WHERE id IN {listed}"
    ))
    .bind(&ids)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    sql::query(&format!("UPDATE conversations SET shared_phone = NULL WHERE post_id IN {listed}"))
        .bind(&ids)
        .execute(&mut *conn)
        .await?;
    sql::query(&format!(
        "UPDATE intakes SET person_phone = NULL, street = NULL, call_times = NULL WHERE post_id IN {listed}"
    ))
    .bind(&ids)
    .execute(conn)
    .await?;
    Ok(())
}

/// Conversations about posts that ended before `cutoff`.
pub async fn old_conversations(conn: &mut Conn, cutoff: i64, limit: i64) -> Result<Vec<i64>, sqlx::Error> {
    sql::query_scalar(&format!(
        "SELECT c.id FROM conversations c WHERE c.post_id IN (SELECT id FROM posts WHERE {ENDED_BEFORE}) \
         ORDER BY c.id LIMIT $2"
    ))
    .bind(cutoff)
    .bind(limit)
    .fetch_all(conn)
    .await
}

/// Deletes the relatives' links to posts that ended before `cutoff` (with their conversations).
pub async fn delete_old_carers(conn: &mut Conn, cutoff: i64) -> Result<u64, sqlx::Error> {
    sql::query(&format!("DELETE FROM carers WHERE post_id IN (SELECT id FROM posts WHERE {ENDED_BEFORE})"))
        .bind(cutoff)
        .execute(conn)
        .await
        .map(|r| r.rows_affected())
}

/// Deletes `conversations` and their messages. What referred to them stays without the link: a
/// report keeps its reason (not the message), an e-mail or an audit line its post.
/// Notifications about them go with them.
pub async fn delete_conversations(conn: &mut Conn, conversations: &[i64]) -> Result<(), sqlx::Error> {
    let ids = ids_json(conversations);
    let listed = conn.engine().json_integers("$1");
    for statement in [
        format!("UPDATE reports SET message_id = NULL WHERE message_id IN (SELECT id FROM messages WHERE conversation_id IN {listed})"),
        format!("UPDATE outbox SET conversation_id = NULL WHERE conversation_id IN {listed}"),
        format!("UPDATE intake_events SET conversation_id = NULL WHERE conversation_id IN {listed}"),
        format!("DELETE FROM notifications WHERE conversation_id IN {listed}"),
        format!("DELETE FROM messages WHERE conversation_id IN {listed}"),
        format!("DELETE FROM conversations WHERE id IN {listed}"),
    ] {
        sql::query(&statement).bind(&ids).execute(&mut *conn).await?;
    }
    Ok(())
}

/// An account to warn: id, address, language.
#[derive(Debug, sqlx::FromRow)]
pub struct Inactive {
    pub id: i64,
    pub email: String,
    pub lang: String,
}

/// Accounts not seen since before `cutoff` (their last log-in, or their creation) and not
/// warned since they were last seen.
pub async fn to_warn(conn: &mut Conn, cutoff: i64, limit: i64) -> Result<Vec<Inactive>, sqlx::Error> {
    sql::query_as(
        "SELECT id, email, lang FROM users WHERE deleted_at IS NULL \
         AND coalesce(last_login_at, created_at) < $1 \
         AND (inactivity_warned_at IS NULL OR inactivity_warned_at < coalesce(last_login_at, created_at)) \
         ORDER BY id LIMIT $2",
    )
    .bind(cutoff)
    .bind(limit)
    .fetch_all(conn)
    .await
}

pub async fn mark_warned(conn: &mut Conn, user: i64, now: i64) -> Result<(), sqlx::Error> {
    sql::query("UPDATE users SET inactivity_warned_at = $2 WHERE id = $1").bind(user).bind(now).execute(conn).await?;
    Ok(())
}

/// Accounts warned before `cutoff` and not seen since the warning.
pub async fn to_erase(conn: &mut Conn, cutoff: i64, limit: i64) -> Result<Vec<i64>, sqlx::Error> {
    sql::query_scalar(
        "SELECT id FROM users WHERE deleted_at IS NULL AND inactivity_warned_at IS NOT NULL \
         AND inactivity_warned_at < $1 AND coalesce(last_login_at, created_at) < inactivity_warned_at \
         ORDER BY id LIMIT $2",
    )
    .bind(cutoff)
    .bind(limit)
    .fetch_all(conn)
    .await
}

/// Deletes up to `limit` e-mails sent before `cutoff`; how many.
pub async fn purge_sent_emails(conn: &mut Conn, cutoff: i64, limit: i64) -> Result<u64, sqlx::Error> {
    Ok(sql::query(
        "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE sent_at IS NOT NULL AND sent_at < $1 \
         ORDER BY id LIMIT $2)",
    )
    .bind(cutoff)
    .bind(limit)
    .execute(conn)
    .await?
    .rows_affected())
}

//! SQL for phone intake: the person who called (kept apart from the post), the audit of what
//! staff did for them, and the list of "Mes saisies". No authorization decisions here.

use super::sql::{self, Conn};
use crate::domain::intake::Caller;

/// What staff did for the person, as `intake_events.action` stores it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntakeAction {
    Filed,
    Accepted,
    PhoneShared,
    Withdrawn,
    HelperDone,
    Confirmed,
    Thanked,
    CalledBack,
    Closed,
    Extended,
}

impl IntakeAction {
    pub fn slug(self) -> &'static str {
        match self {
            IntakeAction::Filed => "filed",
            IntakeAction::Accepted => "accepted",
            IntakeAction::PhoneShared => "phone-shared",
            IntakeAction::Withdrawn => "withdrawn",
            IntakeAction::HelperDone => "helper-done",
            IntakeAction::Confirmed => "confirmed",
            IntakeAction::Thanked => "thanked",
            IntakeAction::CalledBack => "called-back",
            IntakeAction::Closed => "closed",
            IntakeAction::Extended => "extended",
        }
    }
}

/// Records the person who called for post `post_id`, with their consent heard by `staff_id`.
pub async fn insert(
    conn: &mut Conn,
    post_id: i64,
    staff_id: i64,
    caller: &Caller,
    now: i64,
) -> Result<(), sqlx::Error> {
    sql::query(
        "INSERT INTO intakes (post_id, filed_by, person_name, person_phone, street, call_times, share_phone, \
         consent_at, consent_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $2)",
    )
    .bind(post_id)
    .bind(staff_id)
    .bind(&caller.name)
    .bind(&caller.phone)
    .bind(&caller.street)
    .bind(&caller.call_times)
    .bind(caller.share_phone)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// One line of the audit of phone intake.
pub async fn record(
    conn: &mut Conn,
    post_id: i64,
    actor_id: i64,
    action: IntakeAction,
    conversation_id: Option<i64>,
    now: i64,
) -> Result<(), sqlx::Error> {
    sql::query(
        "INSERT INTO intake_events (post_id, actor_id, action, conversation_id, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(post_id)
    .bind(actor_id)
    .bind(action.slug())
    .bind(conversation_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// The person behind post `post_id`, if it was filed by phone.
pub async fn caller_of(conn: &mut Conn, post_id: i64) -> Result<Option<Caller>, sqlx::Error> {
    type Row = (String, String, Option<String>, Option<String>, bool);
    let row: Option<Row> = sql::query_as(
        "SELECT person_name, coalesce(person_phone, ''), street, call_times, share_phone FROM intakes WHERE post_id = $1",
    )
    .bind(post_id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(name, phone, street, call_times, share_phone)| Caller {
        name,
        phone,
        street,
        call_times,
        share_phone,
    }))
}

/// Whether post `post_id` was filed by phone.
pub async fn is_intake(conn: &mut Conn, post_id: i64) -> Result<bool, sqlx::Error> {
    sql::query_scalar("SELECT EXISTS (SELECT 1 FROM intakes WHERE post_id = $1)").bind(post_id).fetch_one(conn).await
}

/// Staff called the person back about post `post_id`. Returns whether it is an intake.
pub async fn set_called_back(conn: &mut Conn, post_id: i64, now: i64) -> Result<bool, sqlx::Error> {
    let done = sql::query("UPDATE intakes SET called_back_at = $2 WHERE post_id = $1")
        .bind(post_id)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// An intake as "Mes saisies" lists it.
#[derive(Debug, sqlx::FromRow)]
pub struct IntakeRow {
    pub post_id: i64,
    pub kind: String,
    pub category: String,
    pub status: String,
    pub title: String,
    pub commune_name: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub expires_at: i64,
    pub person_name: String,
    pub person_phone: String,
    pub call_times: Option<String>,
    pub share_phone: bool,
    pub called_back_at: Option<i64>,
    pub filed_by_id: i64,
    pub filed_by_name: String,
    pub answers: i64,
    /// Conversations with messages the author (staff) has not read.
    pub unread: i64,
    pub accepted_at: Option<i64>,
    pub helper_name: Option<String>,
    pub helper_done: bool,
    /// The action of the latest audit row among the steps that call for a call back.
    pub last_step: Option<String>,
    /// The open "Avez-vous reçu l'aide ?" of this post, if any.
    pub help_check: Option<i64>,
}

/// The conversations about the intakes filed by `filed_by` (every intake when `None`): id, post
/// id and the responder's display name, the oldest first.
pub async fn answers(
    conn: &mut Conn,
    filed_by: Option<i64>,
    staff: i64,
) -> Result<Vec<(i64, i64, String)>, sqlx::Error> {
    sql::query_as(&format!(
        "SELECT c.id, c.post_id, u.display_name FROM conversations c JOIN users u ON u.id = c.responder_id \
         WHERE c.post_id IN (SELECT i.post_id FROM intakes i JOIN posts p ON p.id = i.post_id \
         WHERE ($1 IS NULL OR i.filed_by = $1) AND {}) ORDER BY c.created_at, c.id",
        super::territories::post_in_scope("p", 2)
    ))
    .bind(filed_by)
    .bind(staff)
    .fetch_all(conn)
    .await
}

/// The intakes filed by `filed_by` (every one when `None`) in the territories of staff member
/// `staff`, the newest first, at most `limit`.
pub async fn list(
    conn: &mut Conn,
    filed_by: Option<i64>,
    staff: i64,
    limit: i64,
) -> Result<Vec<IntakeRow>, sqlx::Error> {
    sql::query_as(&format!(
        "SELECT p.id AS post_id, p.kind, p.category, p.status, p.title, p.commune_name, p.created_at, \
         p.updated_at, p.expires_at, i.person_name, coalesce(i.person_phone, '') AS person_phone, i.call_times, i.share_phone, \
         i.called_back_at, i.filed_by AS filed_by_id, u.display_name AS filed_by_name, \
         (SELECT COUNT(*) FROM conversations c WHERE c.post_id = p.id) AS answers, \
         (SELECT COUNT(*) FROM conversations c WHERE c.post_id = p.id AND EXISTS \
            (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.id > c.author_read \
             AND m.sender_id <> c.author_id)) AS unread, \
         (SELECT MAX(c.accepted_at) FROM conversations c WHERE c.post_id = p.id) AS accepted_at, \
         (SELECT r.display_name FROM conversations c JOIN users r ON r.id = c.responder_id \
            WHERE c.post_id = p.id AND c.accepted_at IS NOT NULL ORDER BY c.accepted_at DESC LIMIT 1) AS helper_name, \
         EXISTS (SELECT 1 FROM conversations c WHERE c.post_id = p.id AND c.accepted_at IS NOT NULL \
            AND c.helper_done_at IS NOT NULL) AS helper_done, \
         (SELECT e.action FROM intake_events e WHERE e.post_id = p.id AND e.action IN \
            ('accepted', 'withdrawn', 'helper-done', 'confirmed', 'called-back') ORDER BY e.id DESC LIMIT 1) AS last_step, \
         (SELECT f.id FROM follow_ups f WHERE f.post_id = p.id AND f.kind = 'help-check' AND f.answer IS NULL \
            AND f.resolved_at IS NULL ORDER BY f.id DESC LIMIT 1) AS help_check \
         FROM intakes i JOIN posts p ON p.id = i.post_id JOIN users u ON u.id = i.filed_by \
         WHERE ($1 IS NULL OR i.filed_by = $1) AND {} ORDER BY p.created_at DESC, p.id DESC LIMIT $2",
        super::territories::post_in_scope("p", 3)
    ))
    .bind(filed_by)
    .bind(limit)
    .bind(staff)
    .fetch_all(conn)
    .await
}

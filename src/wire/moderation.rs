//! What staff read (the validation queue, reports, a post's history) and what everyone reads of
//! their notifications and badges. Staff types carry the exact point and the author: only
//! staff-only server functions return them.

use serde::{Deserialize, Serialize};

use crate::domain::moderation::{DecisionReason, ModerationAction, NotificationKind, ReportReason};
use crate::domain::{Category, LatLng, PostKind, PostStatus, PosterKind};

/// The health of the queues.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QueueStats {
    pub pending: i64,
    /// Creation time of the oldest pending post (UTC seconds).
    pub oldest_pending_at: Option<i64>,
    pub open_reports: i64,
    /// Posts with at least one open report.
    pub reported_posts: i64,
    /// Posts hidden after reaching the report threshold.
    pub hidden: i64,
    /// Server time of the answer.
    pub now: i64,
    /// The territories of the staff member reading, as « Name (code) », when they act in some
    /// only (empty: every territory).
    #[serde(default)]
    pub territories: Vec<String>,
}

/// Who wrote a post, as staff see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuthorInfo {
    pub id: i64,
    pub display_name: String,
    pub email: String,
    pub organisation: Option<String>,
    pub disabled: bool,
    pub staff: bool,
}

/// One entry of a post's history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventView {
    pub action: ModerationAction,
    /// Display name of the staff member, `None` for the system.
    pub actor: Option<String>,
    pub reason: Option<DecisionReason>,
    pub message: Option<String>,
    /// Title and description before and after a redaction.
    pub before: Option<(String, String)>,
    pub after: Option<(String, String)>,
    pub at: i64,
}

/// A report, as staff see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportView {
    pub reason: ReportReason,
    pub details: String,
    pub reporter: String,
    pub at: i64,
    pub open: bool,
    /// For a report about a message: the message, and its conversation (staff may read it).
    pub message: Option<String>,
    pub conversation_id: Option<i64>,
}

/// A post as staff see it: every field, the exact point, the author, the history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaffPost {
    pub id: i64,
    pub kind: PostKind,
    pub category: Category,
    pub poster_kind: PosterKind,
    pub status: PostStatus,
    pub title: String,
    pub description: String,
    pub commune: String,
    /// The exact point the author gave.
    pub exact: LatLng,
    pub private_note: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    pub expires_at: i64,
    pub hidden: bool,
    /// The signs of an emergency in its text: it comes first in the queue, and says why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub urgent: Vec<crate::domain::triage::Sign>,
    /// For the members of one building only: its street and commune (never on the public map).
    #[serde(default)]
    pub building: Option<(String, String)>,
    /// `None` for demo data.
    pub author: Option<AuthorInfo>,
    pub history: Vec<EventView>,
    pub reports: Vec<ReportView>,
}

/// The validation queue: pending posts, those showing signs of an emergency first, then the
/// oldest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueuePage {
    pub stats: QueueStats,
    pub posts: Vec<StaffPost>,
}

/// The most posts a queue page shows at once.
pub const QUEUE_PAGE: i64 = 30;

/// One notification of the logged-in person.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NotificationView {
    pub id: i64,
    pub kind: NotificationKind,
    pub post_id: Option<i64>,
    pub conversation_id: Option<i64>,
    pub body: String,
    pub created_at: i64,
    pub read: bool,
    /// For "Avez-vous reçu l'aide ?": the question to answer (`/suivi/{id}`).
    pub question_id: Option<i64>,
}

/// The notifications page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Notifications {
    pub items: Vec<NotificationView>,
    pub now: i64,
}

/// The header's badges.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Badges {
    /// Unread notifications.
    pub unread: i64,
    /// Unread messages in my conversations.
    pub unread_messages: i64,
    /// For staff: pending posts plus posts with open reports. 0 for residents.
    pub to_moderate: i64,
}

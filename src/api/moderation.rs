//! Moderation reads for staff (the validation queue, reports, a post's history) and the
//! notifications of the logged-in person. Staff DTOs carry the exact point and the author:
//! they are returned by staff-only functions only. Actions are plain form posts
//! (`server/forms/moderation.rs`), so they work without JavaScript.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

use crate::domain::moderation::{DecisionReason, ModerationAction, NotificationKind, ReportReason};
use crate::domain::{Category, LatLng, PostKind, PostStatus, PosterKind};
use crate::error::AppError;

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
    /// `None` for demo data.
    pub author: Option<AuthorInfo>,
    pub history: Vec<EventView>,
    pub reports: Vec<ReportView>,
}

/// The validation queue: pending posts, oldest first.
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
}

/// The notifications page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Notifications {
    pub items: Vec<NotificationView>,
    pub now: i64,
}

/// Staff only. Pending posts, oldest first, with the queue's figures.
#[server(input = GetUrl, prefix = "/api", endpoint = "moderation_queue")]
pub async fn moderation_queue() -> Result<QueuePage, AppError> {
    use crate::server::{context, services};
    crate::server::context::answer(
        async {
            let state = context::app_state()?;
            let me = context::require_user().await?;
            services::moderation::queue(&state.db, &me, services::now()).await
        }
        .await,
    )
}

/// Staff only. Posts with open reports, the most reported first, with the queue's figures.
#[server(input = GetUrl, prefix = "/api", endpoint = "report_queue")]
pub async fn report_queue() -> Result<QueuePage, AppError> {
    use crate::server::{context, services};
    crate::server::context::answer(
        async {
            let state = context::app_state()?;
            let me = context::require_user().await?;
            services::moderation::reported(&state.db, &me, services::now()).await
        }
        .await,
    )
}

/// Staff only. One post whatever its status, with its whole history and reports.
#[server(input = GetUrl, prefix = "/api", endpoint = "post_history")]
pub async fn post_history(id: i64) -> Result<StaffPost, AppError> {
    use crate::server::{context, services};
    crate::server::context::answer(
        async {
            let state = context::app_state()?;
            let me = context::require_user().await?;
            services::moderation::post(&state.db, &me, id).await
        }
        .await,
    )
}

/// Logged-in users only. My notifications, newest first.
#[server(input = GetUrl, prefix = "/api", endpoint = "my_notifications")]
pub async fn my_notifications() -> Result<Notifications, AppError> {
    use crate::server::{context, services};
    crate::server::context::answer(
        async {
            let state = context::app_state()?;
            let me = context::require_user().await?;
            services::notifications::list(&state.db, &me, services::now()).await
        }
        .await,
    )
}

/// Anyone may call it: how many unread notifications I have (0 when logged out), and for staff
/// the number of posts waiting in the queue.
#[server(input = GetUrl, prefix = "/api", endpoint = "badge_counts")]
pub async fn badge_counts() -> Result<Badges, AppError> {
    use crate::server::{context, services};
    crate::server::context::answer(
        async {
            let state = context::app_state()?;
            match context::current_user().await? {
                Some(me) => services::notifications::badges(&state.db, &me).await,
                None => Ok(Badges::default()),
            }
        }
        .await,
    )
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

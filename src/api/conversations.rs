//! Conversations between a responder and a post's author. Only the two participants read one
//! (staff too, once one of its messages was reported). The private details of a post (exact
//! point, building note, phone) travel only in `ConversationView::private`, and only to the
//! accepted helper and the author. Actions are plain form posts (`server/forms/conversations.rs`).

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

use crate::domain::{LatLng, PostKind, PostStatus};
use crate::error::AppError;

/// A line of "Mes messages".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConversationSummary {
    pub id: i64,
    pub post_id: i64,
    pub post_title: String,
    pub post_kind: PostKind,
    pub post_status: PostStatus,
    /// The other participant's display name.
    pub other_name: String,
    /// Whether I wrote the post (otherwise I answered it).
    pub i_am_author: bool,
    pub accepted: bool,
    pub last_message_at: i64,
    pub unread: i64,
}

/// "Mes messages".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conversations {
    pub items: Vec<ConversationSummary>,
    pub now: i64,
}

/// One message.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MessageView {
    pub id: i64,
    /// Sent by the person reading.
    pub mine: bool,
    pub sender: String,
    pub body: String,
    pub at: i64,
}

/// What only the author and the accepted helper see of a post.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PrivateDetails {
    /// The exact point the author gave.
    pub exact: LatLng,
    /// Building, stairwell, door code.
    pub private_note: Option<String>,
    /// Shared by the author when accepting, if they chose to.
    pub phone: Option<String>,
}

/// What the reader may do now.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actions {
    pub reply: bool,
    pub accept: bool,
    pub withdraw: bool,
    /// The helper says the help was given.
    pub mark_done: bool,
    /// The author confirms the help was given: the post is fulfilled.
    pub confirm: bool,
    /// Leave a thank-you note (the post is fulfilled and I have not written one yet).
    pub thank: bool,
    /// Block the other side (they can no longer write here), or lift my block.
    pub block: bool,
    pub unblock: bool,
}

/// A conversation as one participant sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConversationView {
    pub id: i64,
    pub post_id: i64,
    pub post_title: String,
    pub post_kind: PostKind,
    pub post_status: PostStatus,
    pub commune: String,
    pub i_am_author: bool,
    /// Read by staff because a message was reported (they do not take part).
    pub staff_view: bool,
    pub other_name: String,
    pub accepted: bool,
    /// The helper said the help was given; the author has not confirmed yet.
    pub helper_done: bool,
    pub private: Option<PrivateDetails>,
    pub messages: Vec<MessageView>,
    pub actions: Actions,
    /// The author blocked the responder, or the responder the author: the blocked side can no
    /// longer write here (both sides and staff see it).
    pub author_blocked: bool,
    pub responder_blocked: bool,
    pub now: i64,
}

/// Logged-in users only. My conversations, the most recent first, with unread counts.
#[server(input = GetUrl, prefix = "/api", endpoint = "my_conversations")]
pub async fn my_conversations() -> Result<Conversations, AppError> {
    use crate::server::{context, services};
    context::answer(
        async {
            let state = context::app_state()?;
            let me = context::require_user().await?;
            services::conversations::list(&state.db, &me, services::now()).await
        }
        .await,
    )
}

/// The two participants only (staff once a message was reported); `NotFound` for anyone else.
/// Reading marks the conversation as read, and a reveal of private details is logged.
#[server(input = GetUrl, prefix = "/api", endpoint = "get_conversation")]
pub async fn get_conversation(id: i64) -> Result<ConversationView, AppError> {
    use crate::server::{context, services};
    context::answer(
        async {
            let state = context::app_state()?;
            let me = context::require_user().await?;
            services::conversations::view(&state.db, &me, id, services::now()).await
        }
        .await,
    )
}

/// The two participants only. The messages after message `after`, for the page to add without
/// reloading (polled every few seconds with JavaScript).
#[server(input = GetUrl, prefix = "/api", endpoint = "new_messages")]
pub async fn new_messages(id: i64, after: i64) -> Result<Vec<MessageView>, AppError> {
    use crate::server::{context, services};
    context::answer(
        async {
            let state = context::app_state()?;
            let me = context::require_user().await?;
            services::conversations::since(&state.db, &me, id, after, services::now()).await
        }
        .await,
    )
}

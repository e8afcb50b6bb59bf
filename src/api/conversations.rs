//! Conversations between a responder and a post's author: only the two participants read one
//! (staff too, once one of its messages was reported). Types in `wire::conversations`. Actions
//! are plain form posts (`server/forms/conversations.rs`).

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::error::AppError;
use crate::wire::conversations::{ConversationView, Conversations, MessageView};

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

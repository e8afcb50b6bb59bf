//! Moderation reads for staff (the validation queue, reports, a post's history) and the
//! notifications of the logged-in person. Types in `wire::moderation`. Actions are plain form
//! posts (`server/forms/moderation.rs`), so they work without JavaScript.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::error::AppError;
use crate::wire::moderation::{Badges, Notifications, QueuePage, StaffPost};

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

//! The home page's announcements. Types in `wire::announcements`. Writing and removing them are
//! plain form posts (`server/forms/announcements.rs`).

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::error::AppError;
use crate::wire::announcements::{Announcement, Announcements};

/// Anyone may call it. The announcements shown now.
#[server(input = GetUrl, prefix = "/api", endpoint = "current_announcements")]
pub async fn current_announcements() -> Result<Vec<Announcement>, AppError> {
    use crate::server::{context, services};
    context::answer(
        async {
            let state = context::app_state()?;
            services::announcements::current(&state.db, services::now()).await
        }
        .await,
    )
}

/// Admins only. The current and coming announcements.
#[server(input = GetUrl, prefix = "/api", endpoint = "upcoming_announcements")]
pub async fn upcoming_announcements() -> Result<Announcements, AppError> {
    use crate::server::{context, services};
    context::answer(
        async {
            let state = context::app_state()?;
            let me = context::require_user().await?;
            services::announcements::upcoming(&state.db, &me, services::now()).await
        }
        .await,
    )
}

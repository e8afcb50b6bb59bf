//! Follow-ups: « Suivi » for staff, and the question "Avez-vous reçu l'aide ?" for an author.
//! Types in `wire::follow_ups`. Answers and "Traité" are plain form posts
//! (`server/forms/follow_ups.rs`).

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::error::AppError;
use crate::wire::follow_ups::{FollowUps, HelpQuestion};

/// Staff only. Requests nobody answered, and help that may never have come, oldest first.
#[server(input = GetUrl, prefix = "/api", endpoint = "list_follow_ups")]
pub async fn list_follow_ups() -> Result<FollowUps, AppError> {
    use crate::server::{context, services};
    context::answer(
        async {
            let state = context::app_state()?;
            let me = context::require_user().await?;
            services::follow_ups::list(&state.db, &me, services::now()).await
        }
        .await,
    )
}

/// The post's author only (`NotFound` for anyone else). "Avez-vous reçu l'aide ?" and the
/// answer already given.
#[server(input = GetUrl, prefix = "/api", endpoint = "get_help_question")]
pub async fn get_help_question(id: i64) -> Result<HelpQuestion, AppError> {
    use crate::server::{context, services};
    context::answer(
        async {
            let state = context::app_state()?;
            let me = context::require_user().await?;
            services::follow_ups::question(&state.db, &me, id).await
        }
        .await,
    )
}

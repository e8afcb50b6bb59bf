//! Relatives who follow a post: the posts I follow, and the page an invitation link opens.
//! Types in `wire::carers`. Inviting, removing and accepting are plain form posts
//! (`server/forms/carers.rs`).

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::error::AppError;
use crate::wire::carers::{FollowedPost, Invitation};

/// Logged-in people only. The posts I follow as a relative of their author.
#[server(input = GetUrl, prefix = "/api", endpoint = "followed_posts")]
pub async fn followed_posts() -> Result<Vec<FollowedPost>, AppError> {
    use crate::server::{context, services};
    context::answer(
        async {
            let state = context::app_state()?;
            let me = context::require_user().await?;
            services::carers::followed(&state.db, &me, services::now()).await
        }
        .await,
    )
}

/// Anyone holding the link. Who invites, for which post, if the link still works; whether the
/// person reading (if logged in) wrote the post or already follows it.
#[server(input = GetUrl, prefix = "/api", endpoint = "carer_invitation")]
pub async fn carer_invitation(token: String) -> Result<Invitation, AppError> {
    use crate::server::{context, services};
    context::answer(
        async {
            let state = context::app_state()?;
            let me = context::current_user().await?;
            services::carers::invitation(&state.db, &token, me.as_ref(), services::now()).await
        }
        .await,
    )
}

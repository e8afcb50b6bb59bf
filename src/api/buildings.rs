//! « Mon immeuble »: my buildings and their posts, what a join code leads to, the notice for the
//! hall. Types in `wire::buildings`. Creating, joining and leaving are plain form posts
//! (`server/forms/buildings.rs`).

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::error::AppError;
use crate::wire::buildings::{BuildingView, JoinPreview};

/// Logged-in people only. The buildings I belong to, each with its open posts.
#[server(input = GetUrl, prefix = "/api", endpoint = "my_buildings")]
pub async fn my_buildings() -> Result<Vec<BuildingView>, AppError> {
    use crate::server::{context, services};
    context::answer(
        async {
            let state = context::app_state()?;
            let me = context::require_user().await?;
            services::buildings::mine(&state.db, &me, services::now()).await
        }
        .await,
    )
}

/// Anyone holding a code. The building it belongs to (street and commune), and whether the
/// reader (if logged in) is already a member.
#[server(input = GetUrl, prefix = "/api", endpoint = "building_preview")]
pub async fn building_preview(code: String) -> Result<JoinPreview, AppError> {
    use crate::server::{context, services};
    context::answer(
        async {
            let state = context::app_state()?;
            let me = context::current_user().await?;
            services::buildings::preview(&state.db, &code, me.as_ref()).await
        }
        .await,
    )
}

/// Members of the building only. What its notice for the hall prints.
#[server(input = GetUrl, prefix = "/api", endpoint = "building_notice")]
pub async fn building_notice(id: i64) -> Result<crate::wire::buildings::BuildingNotice, AppError> {
    use crate::server::{context, services};
    context::answer(
        async {
            let state = context::app_state()?;
            let me = context::require_user().await?;
            services::buildings::notice(&state.db, &me, id).await
        }
        .await,
    )
}

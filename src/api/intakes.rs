//! Phone intake, for staff: "Mes saisies" and, for admins, every intake. Types in
//! `wire::intakes`. Filing one and saying the person was called back are plain form posts
//! (`server/forms/intakes.rs`).

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::error::AppError;
use crate::wire::intakes::Intakes;

/// Staff only (moderators and admins); `all` for admins only. The requests and offers filed by
/// phone — mine, or every one — the newest first, with the next thing to do about each.
#[server(input = GetUrl, prefix = "/api", endpoint = "my_intakes")]
pub async fn my_intakes(all: bool) -> Result<Intakes, AppError> {
    use crate::server::{context, services};
    context::answer(
        async {
            let state = context::app_state()?;
            let me = context::require_user().await?;
            services::intakes::list(&state.db, &me, all, services::now()).await
        }
        .await,
    )
}

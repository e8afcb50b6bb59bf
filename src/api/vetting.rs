//! Vetted helpers: a volunteer's standing, staff's register. Types in `wire::vetting`. Asking,
//! recording and withdrawing are plain form posts (`server/forms/vetting.rs`).

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::error::AppError;
use crate::wire::vetting::{MyVetting, VettingDesk};

/// Logged-in people only. Where I stand as a vetted helper.
#[server(input = GetUrl, prefix = "/api", endpoint = "get_my_vetting")]
pub async fn get_my_vetting() -> Result<MyVetting, AppError> {
    use crate::server::{context, services};
    context::answer(
        async {
            let state = context::app_state()?;
            let me = context::require_user().await?;
            services::vetting::mine(&state.db, &me, &state.vetted, services::now()).await
        }
        .await,
    )
}

/// Staff only. The requests to meet and the helpers vetted now.
#[server(input = GetUrl, prefix = "/api", endpoint = "get_vetting_desk")]
pub async fn get_vetting_desk() -> Result<VettingDesk, AppError> {
    use crate::server::{context, services};
    context::answer(
        async {
            let state = context::app_state()?;
            let me = context::require_user().await?;
            services::vetting::desk(&state.db, &me, &state.vetted, services::now()).await
        }
        .await,
    )
}

//! Who is logged in. Signing up, logging in and out, and account changes are form posts
//! handled in `server/forms.rs` (they work without JavaScript).

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::domain::user::CurrentUser;
use crate::error::AppError;

/// Anyone may call it. The account of this session, if logged in.
#[server(input = GetUrl, prefix = "/api", endpoint = "who_am_i")]
pub async fn who_am_i() -> Result<Option<CurrentUser>, AppError> {
    crate::server::context::answer(crate::server::context::current_user().await)
}

/// Anyone may call it (the link is the proof). Whether a password reset link still works.
#[server(input = GetUrl, prefix = "/api", endpoint = "reset_link_works")]
pub async fn reset_link_works(token: String) -> Result<bool, AppError> {
    use crate::server::{context, services};
    context::answer(
        async {
            let state = context::app_state()?;
            services::account_links::reset_works(&state.db, &token, services::now()).await
        }
        .await,
    )
}

/// Anyone may call it (the link is the proof). The address a verification link confirms, if
/// the link still works.
#[server(input = GetUrl, prefix = "/api", endpoint = "verification_address")]
pub async fn verification_address(token: String) -> Result<Option<String>, AppError> {
    use crate::server::{context, services};
    context::answer(
        async {
            let state = context::app_state()?;
            services::account_links::verification_target(&state.db, &token, services::now()).await
        }
        .await,
    )
}

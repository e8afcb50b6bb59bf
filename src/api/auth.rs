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

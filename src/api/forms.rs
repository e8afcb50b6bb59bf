//! What a form post left for its page (`wire::forms::FormEcho`), handed to the page on the
//! server and to the browser for hydration.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::error::AppError;
use crate::wire::forms::FormEcho;

/// Anyone may call it; it only returns what the current request's own form post left.
#[server(input = GetUrl, prefix = "/api", endpoint = "read_form_echo")]
pub async fn read_form_echo() -> Result<Option<FormEcho>, AppError> {
    Ok(use_context::<FormEcho>())
}

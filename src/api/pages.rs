//! The site's pages. Types in `wire::pages`. Saving and publishing are plain form posts
//! (`server/forms/pages.rs`).

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::error::AppError;
use crate::wire::pages::{PageEditor, PageView};

#[cfg(feature = "ssr")]
fn page_of(slug: &str) -> Result<crate::domain::site_page::SitePage, AppError> {
    slug.parse().map_err(|_| AppError::NotFound)
}

/// Anyone may call it. A page as published (`NotFound` for an unknown page).
#[server(input = GetUrl, prefix = "/api", endpoint = "get_site_page")]
pub async fn get_site_page(slug: String) -> Result<PageView, AppError> {
    use crate::server::{context, services};
    context::answer(
        async {
            let state = context::app_state()?;
            services::pages::public(&state.db, page_of(&slug)?).await
        }
        .await,
    )
}

/// Editors and admins. A page's editor: its text, preview and history.
#[server(input = GetUrl, prefix = "/api", endpoint = "get_page_editor")]
pub async fn get_page_editor(slug: String) -> Result<PageEditor, AppError> {
    use crate::server::{context, services};
    context::answer(
        async {
            let state = context::app_state()?;
            let me = context::require_user().await?;
            services::pages::editor(&state.db, &me, page_of(&slug)?).await
        }
        .await,
    )
}

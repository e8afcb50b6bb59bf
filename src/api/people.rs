//! « Personnes », for admins: find accounts and read one. Types in `wire::people`. Changes
//! are plain form posts (`server/forms/people.rs`).

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::error::AppError;
use crate::wire::people::{People, PersonView};

/// Admins only. The accounts whose name or e-mail holds `q` (every account when empty), the
/// newest first.
#[server(input = GetUrl, prefix = "/api", endpoint = "search_people")]
pub async fn search_people(q: String) -> Result<People, AppError> {
    use crate::server::{context, services};
    context::answer(
        async {
            let state = context::app_state()?;
            let me = context::require_user().await?;
            services::people::search(&state.db, &me, &q, services::now()).await
        }
        .await,
    )
}

/// Admins only. One account with its posts and reports; `NotFound` if there is none.
#[server(input = GetUrl, prefix = "/api", endpoint = "get_person")]
pub async fn get_person(id: i64) -> Result<PersonView, AppError> {
    use crate::server::{context, services};
    context::answer(
        async {
            let state = context::app_state()?;
            let me = context::require_user().await?;
            services::people::view(&state.db, &me, id, services::now()).await
        }
        .await,
    )
}

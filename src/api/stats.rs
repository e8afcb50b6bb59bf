//! The figures of « Pilotage » for its page. The same figures are served as JSON at
//! `/api/v1/stats` for the département's own tools (`server/stats_http.rs`).

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::domain::stats::Figures;
use crate::error::AppError;

/// Staff only. The figures of a period (`YYYY-MM-DD` days, empty: this month), optionally of
/// one commune (name or postcode) and one category (slug).
#[server(input = GetUrl, prefix = "/api", endpoint = "get_stats")]
pub async fn get_stats(from: String, to: String, commune: String, category: String) -> Result<Figures, AppError> {
    use crate::server::{context, services};
    context::answer(
        async {
            let state = context::app_state()?;
            let me = context::require_user().await?;
            let form = crate::domain::stats::StatsForm { from, to, commune, category };
            services::stats::figures(&state.db, &state.communes, &me, &form, services::now()).await
        }
        .await,
    )
}

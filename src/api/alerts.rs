//! « Mes alertes » and the unsubscribe link's page. Types in `wire::alerts`. Saving, removing
//! and unsubscribing are plain form posts (`server/forms/alerts.rs`).

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::error::AppError;
use crate::wire::alerts::{MyAlerts, Unsubscribe};

/// Logged-in users only. My alerts and how I am told.
#[server(input = GetUrl, prefix = "/api", endpoint = "my_alerts")]
pub async fn get_my_alerts() -> Result<MyAlerts, AppError> {
    use crate::server::{context, services};
    context::answer(
        async {
            let state = context::app_state()?;
            let me = context::require_user().await?;
            services::alerts::mine(&state.db, &me).await
        }
        .await,
    )
}

/// Logged-in users only. Subscribes this browser to my alerts' pushes: what
/// `PushManager.subscribe` gave (`endpoint`, and the `p256dh` and `auth` keys, base64url).
/// 400 when the push service is not one the server posts to, or the keys are not valid.
#[server(prefix = "/api", endpoint = "subscribe_push")]
pub async fn subscribe_push(endpoint: String, p256dh: String, auth: String) -> Result<(), AppError> {
    use crate::server::{context, services};
    context::answer(
        async {
            let state = context::app_state()?;
            let me = context::require_user().await?;
            services::push::subscribe(&state.db, &me, &endpoint, &p256dh, &auth, services::now()).await
        }
        .await,
    )
}

/// Logged-in users only. This browser stops receiving my pushes (only my own browsers).
#[server(prefix = "/api", endpoint = "unsubscribe_push")]
pub async fn unsubscribe_push(endpoint: String) -> Result<(), AppError> {
    use crate::server::{context, services};
    context::answer(
        async {
            let state = context::app_state()?;
            let me = context::require_user().await?;
            services::push::unsubscribe(&state.db, &me, &endpoint).await
        }
        .await,
    )
}

/// Anyone holding the token. Whether the alerts of the token's account still come by e-mail;
/// `NotFound` for an unknown token. Says nothing else about the account.
#[server(input = GetUrl, prefix = "/api", endpoint = "alert_unsubscribe_state")]
pub async fn alert_unsubscribe_state(token: String) -> Result<Unsubscribe, AppError> {
    use crate::server::{context, services};
    context::answer(
        async {
            let state = context::app_state()?;
            services::alerts::unsubscribe_state(&state.db, &token).await
        }
        .await,
    )
}

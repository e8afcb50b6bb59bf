//! `AppState`: what every request handler and server function can reach.

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;

use crate::server::communes::Communes;
use crate::server::db::Db;
use crate::server::throttle::LoginThrottle;
use crate::ui::map::TileSettings;

/// Shared state, cheap to clone.
#[derive(Clone, Debug, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub communes: Arc<Communes>,
    pub tiles: TileSettings,
    pub login_throttle: Arc<LoginThrottle>,
    /// Session cookies marked `Secure` (when served over https).
    pub secure_cookies: bool,
    /// Open reports that hide a published post until staff review it.
    pub report_threshold: i64,
    /// The reverse proxy whose `X-Forwarded-For` is believed (no other's is).
    pub trusted_proxy: Option<std::net::IpAddr>,
    /// The categories whose requests only vetted helpers answer.
    pub vetted: Arc<crate::domain::vetting::VettedCategories>,
    /// The browser bundle's file names as built (`server/assets.rs`).
    pub bundle: Arc<crate::server::assets::Bundle>,
    /// The map page as visitors without an account get it (`server/page_cache.rs`).
    pub pages: Arc<crate::server::page_cache::PageCache>,
}

//! Entraide: a neighbourhood mutual-aid map. One crate, two builds: the server (`ssr`) and the
//! browser bundle (`hydrate`). See the README's code tour.

// The post page's view type is deep: the release (non-erased) build needs more than 128.
#![recursion_limit = "256"]

/// Server functions: the public API shared with the browser.
pub mod api;
/// Shell, contexts and route table.
pub mod app;
/// The product's vocabulary and rules, plain Rust shared by both sides.
pub mod domain;
/// The error type that crosses the wire.
pub mod error;
/// The interface's languages (Fluent catalogues) shared by both sides.
pub mod i18n;
/// Server only: router, database, services, command line.
#[cfg(feature = "ssr")]
pub mod server;
/// Components: layout, pages, list, filters, map.
pub mod ui;
/// The types that cross the wire, shared by both sides (depend only on domain, error, i18n).
pub mod wire;

/// Browser entry point: hydrates the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // The language the server rendered the page in, read back from `<html lang>`.
    let locale = i18n::document_locale().unwrap_or_default();
    ui::pwa::register_service_worker();
    wasm_bindgen_futures::spawn_local(async move {
        // Its words first (preloaded by the page). Without them the page stays as the server
        // rendered it, forms and links working as without JavaScript.
        if let Err(e) = i18n::load_catalogue(locale.lang).await {
            leptos::logging::error!("not hydrated: {e}");
            return;
        }
        // Lazily: the page's own WebAssembly file (ui/lazy_pages.rs) is loaded before it hydrates.
        leptos::mount::hydrate_lazy(move || {
            leptos::prelude::provide_context(locale);
            leptos::prelude::view! { <app::App/> }
        });
    });
}

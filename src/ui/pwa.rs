//! The installed app (browser only): registers the service worker (`public/sw.js`), which keeps
//! the app shell, the last list and the posts opened for offline use. Called once by
//! `hydrate()`; where service workers are unavailable (plain http, old browsers) it does
//! nothing and the site works as before.

use wasm_bindgen::JsValue;

/// Asks the service worker to keep `path` (a page being left, or the page shown when the app is
/// put in the background) for offline reading. It keeps only the list and posts' pages; pages
/// reached without a full load (the router's own navigation) are kept this way.
pub fn remember(path: &str) {
    let Some(window) = web_sys::window() else { return };
    let navigator = window.navigator();
    if !js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false) {
        return;
    }
    if let Some(worker) = navigator.service_worker().controller() {
        let _ = worker.post_message(&JsValue::from_str(path));
    }
}

/// The message asking the service worker to forget the pages it kept (`public/sw.js`).
const FORGET: &str = "__oublier-les-pages";
/// Where the device remembers whose session it last saw.
const ACCOUNT_KEY: &str = "entraide:compte";

/// The account this device last saw logged in, if any.
pub fn remembered_account() -> Option<i64> {
    use gloo_storage::{LocalStorage, Storage};
    LocalStorage::get::<i64>(ACCOUNT_KEY).ok()
}

/// Follows who is logged in on this device (`None`: nobody). When the session ended (expired,
/// or logged out elsewhere) or another account logged in, what the device kept for the previous
/// person goes: the unsent post and the pages kept offline. A phone may be shared.
pub fn follow_account(current: Option<i64>) {
    use gloo_storage::{LocalStorage, Storage};
    let before = remembered_account();
    if before.is_some() && before != current {
        crate::ui::components::draft::forget();
        // Another person logged in: the previous one's alerts must not buzz on this phone any
        // more (a session that merely expired keeps its owner's pushes; logging out clears the
        // service worker, and its subscription with it).
        if current.is_some() {
            wasm_bindgen_futures::spawn_local(async {
                let _ = crate::ui::push::unsubscribe().await;
            });
        }
        if let Some(worker) = web_sys::window().and_then(|w| w.navigator().service_worker().controller()) {
            let _ = worker.post_message(&JsValue::from_str(FORGET));
        }
    }
    match current {
        Some(id) => {
            let _ = LocalStorage::set(ACCOUNT_KEY, id);
        }
        None => LocalStorage::delete(ACCOUNT_KEY),
    }
}

/// The current address (path and query), as the browser shows it.
pub fn current_path() -> Option<String> {
    let location = web_sys::window()?.location();
    Some(format!("{}{}", location.pathname().ok()?, location.search().ok()?))
}

/// The service worker's address; its scope is the whole site.
pub const SERVICE_WORKER: &str = "/sw.js";

/// Registers the service worker, quietly: a refusal (private mode, blocked by policy) only
/// means no offline copy.
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else { return };
    let navigator = window.navigator();
    if !js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false) {
        return;
    }
    let promise = navigator.service_worker().register(SERVICE_WORKER);
    // Not Leptos' executor: this runs even when the page is not hydrated.
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = wasm_bindgen_futures::JsFuture::from(promise).await {
            web_sys::console::info_2(&JsValue::from_str("Entraide: no offline copy (service worker refused):"), &e);
        }
    });
}

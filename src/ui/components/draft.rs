//! The unsent post, kept on the device (browser only, JavaScript only).
//!
//! While someone writes a new post, what they typed is saved in the browser's local storage at
//! every change. It comes back if the page is closed, reloaded or the network drops, and it is
//! forgotten once the post is published (`/mes-annonces?publiee=…`) or on "Effacer le
//! brouillon". A post sent without a network is not sent: the page says so, and sends it by
//! itself when the network is back. Logging out clears the device (`Clear-Site-Data`).
//! Without JavaScript there is nothing to keep: the form posts as usual.

use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{FormData, HtmlFormElement};

/// The local-storage key's prefix: one draft per account on a device (`KEY:account id`), so a
/// shared phone never refills one person's post (exact place, door code) for another.
const KEY: &str = "entraide:brouillon-annonce";

fn key(owner: i64) -> String {
    format!("{KEY}:{owner}")
}

/// What was typed: each field's name and value, in the form's order (a radio group appears
/// once, with its checked value).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub fields: Vec<(String, String)>,
}

impl Draft {
    /// The value of `name`, if kept and not empty.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields.iter().find(|(n, v)| n == name && !v.is_empty()).map(|(_, v)| v.as_str())
    }

    /// Whether anything at all was typed or chosen (the duration alone has a default).
    pub fn is_empty(&self) -> bool {
        self.fields.iter().all(|(n, v)| v.trim().is_empty() || n == "lifetime_days")
    }

    /// Reads `form` as it would be sent.
    pub fn read(form: &HtmlFormElement) -> Draft {
        let mut fields = Vec::new();
        if let Ok(data) = FormData::new_with_form(form) {
            if let Ok(Some(entries)) = js_sys::try_iter(&data) {
                for entry in entries.flatten() {
                    let pair: js_sys::Array = entry.unchecked_into();
                    if let (Some(name), Some(value)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
                        fields.push((name, value));
                    }
                }
            }
        }
        Draft { fields }
    }

    /// Puts the kept values back into `form` (text fields, lists, radio groups), except the
    /// fields in `skip`, and tells each field it changed (so its checks and counters follow).
    pub fn fill(&self, form: &HtmlFormElement, skip: &[&str]) {
        let elements: JsValue = form.elements().into();
        for (name, value) in &self.fields {
            if skip.contains(&name.as_str()) {
                continue;
            }
            // A single field, or a RadioNodeList whose `value` checks the matching radio.
            let item = js_sys::Reflect::get(&elements, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
            if item.is_undefined() || item.is_null() {
                continue;
            }
            let _ = js_sys::Reflect::set(&item, &JsValue::from_str("value"), &JsValue::from_str(value));
            if let Ok(event) = web_sys::Event::new("input") {
                if let Some(el) = item.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = el.dispatch_event(&event);
                }
            }
        }
    }

    /// The draft account `owner` kept on this device, if any.
    pub fn load(owner: i64) -> Option<Draft> {
        LocalStorage::get::<Draft>(key(owner)).ok().filter(|d| !d.is_empty())
    }

    /// Keeps this draft of account `owner` (an empty one is forgotten).
    pub fn save(&self, owner: i64) {
        if self.is_empty() {
            LocalStorage::delete(key(owner));
        } else if let Err(e) = LocalStorage::set(key(owner), self) {
            // Full or refused storage: the form still works, only the safety net is missing.
            web_sys::console::info_2(
                &JsValue::from_str("Entraide: draft not kept:"),
                &JsValue::from_str(&e.to_string()),
            );
        }
    }
}

/// Forgets every draft kept on this device (after publishing, when asked, when the person on the
/// device changed).
pub fn forget() {
    let storage = LocalStorage::raw();
    let keys: Vec<String> = (0..storage.length().unwrap_or(0)).filter_map(|i| storage.key(i).ok().flatten()).collect();
    for k in keys.into_iter().filter(|k| k.starts_with(KEY)) {
        let _ = storage.remove_item(&k);
    }
}

/// Whether the browser believes it is online.
pub fn online() -> bool {
    web_sys::window().map(|w| w.navigator().on_line()).unwrap_or(true)
}

/// Waits until the server really answers, after the browser said the network is back: the
/// `online` event comes as soon as an interface is up, before routes, DNS or the service
/// worker's own network may be. Asks `/livez` (through the worker, which forwards it) after
/// 0, 1, 2, 4 and 8 s; false when it never answered (the draft then waits for the next event).
pub async fn reachable() -> bool {
    for wait in [0u32, 1_000, 2_000, 4_000, 8_000] {
        if wait > 0 {
            gloo_timers::future::TimeoutFuture::new(wait).await;
        }
        let asked = gloo_net::http::Request::get("/livez").cache(web_sys::RequestCache::NoStore).send().await;
        if asked.is_ok_and(|r| r.ok()) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(fields: &[(&str, &str)]) -> Draft {
        Draft { fields: fields.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect() }
    }

    #[test]
    fn a_form_with_only_its_default_duration_is_no_draft() {
        assert!(draft(&[("lifetime_days", "30"), ("title", "  "), ("lat", "")]).is_empty());
        assert!(!draft(&[("lifetime_days", "30"), ("title", "Courses")]).is_empty());
        assert!(!draft(&[("kind", "request")]).is_empty());
    }

    #[test]
    fn values_are_found_by_name_and_empty_ones_are_absent() {
        let d = draft(&[("lat", ""), ("lon", "7.35"), ("title", "Courses")]);
        assert_eq!(d.get("lon"), Some("7.35"));
        assert_eq!(d.get("lat"), None);
        assert_eq!(d.get("nothing"), None);
    }
}

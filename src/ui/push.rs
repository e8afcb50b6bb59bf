//! Web Push in the browser: subscribing this browser to the person's alerts through its service
//! worker (`PushManager.subscribe` with the server's public key), and unsubscribing it. The
//! server learns the subscription through `api::alerts::subscribe_push`. Where push is not
//! available (no service worker, old browsers, plain http) `supported()` says no and nothing is
//! offered.

use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why turning push on failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PushError {
    /// The person (or the browser's settings) refused notifications.
    Denied,
    /// Anything else: no push service reachable, no service worker, …
    Failed,
}

fn get(v: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(v, &JsValue::from_str(name)).ok().filter(|v| !v.is_undefined() && !v.is_null())
}

/// Calls method `name` of `target` with `args`, awaiting the promise it returns.
async fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, PushError> {
    let f = get(target, name).and_then(|f| f.dyn_into::<js_sys::Function>().ok()).ok_or(PushError::Failed)?;
    let array = args.iter().collect::<js_sys::Array>();
    let promise = f.apply(target, &array).map_err(|_| PushError::Failed)?;
    let promise = promise.dyn_into::<Promise>().map_err(|_| PushError::Failed)?;
    JsFuture::from(promise).await.map_err(|_| PushError::Failed)
}

/// Whether this browser can receive pushes.
pub fn supported() -> bool {
    let Some(window) = web_sys::window() else { return false };
    let has = |v: &JsValue, name: &str| Reflect::has(v, &JsValue::from_str(name)).unwrap_or(false);
    has(&window, "PushManager") && has(&window, "Notification") && has(&window.navigator(), "serviceWorker")
}

/// The service worker's registration, once it is active.
async fn registration() -> Result<JsValue, PushError> {
    let navigator: JsValue = web_sys::window().ok_or(PushError::Failed)?.navigator().into();
    let container = get(&navigator, "serviceWorker").ok_or(PushError::Failed)?;
    let ready = get(&container, "ready").ok_or(PushError::Failed)?;
    JsFuture::from(ready.dyn_into::<Promise>().map_err(|_| PushError::Failed)?).await.map_err(|_| PushError::Failed)
}

/// The push subscription of this browser, if it has one.
async fn current() -> Result<Option<JsValue>, PushError> {
    let reg = registration().await?;
    let manager = get(&reg, "pushManager").ok_or(PushError::Failed)?;
    let sub = call(&manager, "getSubscription", &[]).await?;
    Ok((!sub.is_null() && !sub.is_undefined()).then_some(sub))
}

/// Whether this browser receives pushes now.
pub async fn subscribed() -> bool {
    matches!(current().await, Ok(Some(_)))
}

/// Asks for permission and subscribes this browser with the server's `public_key` (base64url);
/// gives (endpoint, p256dh, auth) to hand to the server.
pub async fn subscribe(public_key: &str) -> Result<(String, String, String), PushError> {
    let window: JsValue = web_sys::window().ok_or(PushError::Failed)?.into();
    let notification = get(&window, "Notification").ok_or(PushError::Failed)?;
    let answer = call(&notification, "requestPermission", &[]).await?;
    if answer.as_string().as_deref() != Some("granted") {
        return Err(PushError::Denied);
    }
    let reg = registration().await?;
    let manager = get(&reg, "pushManager").ok_or(PushError::Failed)?;
    let options = Object::new();
    let _ = Reflect::set(&options, &JsValue::from_str("userVisibleOnly"), &JsValue::TRUE);
    let _ = Reflect::set(&options, &JsValue::from_str("applicationServerKey"), &JsValue::from_str(public_key));
    let sub = call(&manager, "subscribe", &[options.into()]).await?;
    let json = call_plain(&sub, "toJSON")?;
    let text = |v: Option<JsValue>| v.and_then(|v| v.as_string()).ok_or(PushError::Failed);
    let keys = get(&json, "keys").ok_or(PushError::Failed)?;
    Ok((text(get(&json, "endpoint"))?, text(get(&keys, "p256dh"))?, text(get(&keys, "auth"))?))
}

fn call_plain(target: &JsValue, name: &str) -> Result<JsValue, PushError> {
    let f = get(target, name).and_then(|f| f.dyn_into::<js_sys::Function>().ok()).ok_or(PushError::Failed)?;
    f.call0(target).map_err(|_| PushError::Failed)
}

/// Unsubscribes this browser; gives the endpoint it had, for the server to forget.
pub async fn unsubscribe() -> Result<Option<String>, PushError> {
    let Some(sub) = current().await? else { return Ok(None) };
    let endpoint = get(&sub, "endpoint").and_then(|e| e.as_string());
    call(&sub, "unsubscribe", &[]).await?;
    Ok(endpoint)
}

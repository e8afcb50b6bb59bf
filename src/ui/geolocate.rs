//! The browser's position, asked once (`navigator.geolocation`), for forms that offer "Utiliser
//! ma position". Only in the browser; on the server it does nothing.

use crate::i18n::t;

/// Asks the browser for its position; `done` gets (latitude, longitude), or what went wrong in
/// the page's language.
pub fn current_position(done: impl Fn(Result<(f64, f64), String>) + 'static) {
    #[cfg(feature = "hydrate")]
    {
        use js_sys::Reflect;
        use wasm_bindgen::{closure::Closure, JsCast, JsValue};

        let done = std::rc::Rc::new(done);
        let field =
            |v: &JsValue, name: &str| Reflect::get(v, &JsValue::from_str(name)).ok().filter(|v| !v.is_undefined());
        let geo = web_sys::window().and_then(|w| field(&w.navigator(), "geolocation"));
        let get = geo
            .as_ref()
            .and_then(|g| field(g, "getCurrentPosition"))
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        let (Some(geo), Some(get)) = (geo, get) else {
            done(Err(t("map-locate-failed")));
            return;
        };
        let found = done.clone();
        let ok = Closure::once_into_js(move |pos: JsValue| {
            let coords = field(&pos, "coords").unwrap_or(JsValue::UNDEFINED);
            let lat = field(&coords, "latitude").and_then(|v| v.as_f64());
            let lon = field(&coords, "longitude").and_then(|v| v.as_f64());
            match (lat, lon) {
                (Some(lat), Some(lon)) => found(Ok((lat, lon))),
                _ => found(Err(t("map-locate-failed"))),
            }
        });
        let failed = done.clone();
        let err = Closure::once_into_js(move |e: JsValue| {
            let code = field(&e, "code").and_then(|v| v.as_f64()).unwrap_or(0.0) as i32;
            failed(Err(match code {
                1 => t("map-locate-denied"),
                3 => t("map-locate-timeout"),
                _ => t("map-locate-failed"),
            }));
        });
        let opts = js_sys::Object::new();
        let _ = Reflect::set(&opts, &JsValue::from_str("timeout"), &JsValue::from_f64(10_000.0));
        if get.call3(&geo, &ok, &err, &opts).is_err() {
            done(Err(t("map-locate-failed")));
        }
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = done;
        let _ = t;
    }
}

/// What the home page says while it asks for the position, and what went wrong: one live
/// region (under the map) for the three ways to ask ("Autour de moi", "Utiliser ma position",
/// "Plus proches de moi"), given by the page as a context.
#[derive(Clone, Copy)]
pub struct LocateStatus(pub leptos::prelude::RwSignal<String>);

impl LocateStatus {
    /// The page's status, if it has one: read while a component is built (not in a handler).
    pub fn here() -> Option<LocateStatus> {
        leptos::prelude::use_context::<LocateStatus>()
    }

    /// `go_near`, saying how it goes in `status`.
    pub fn go_near(status: Option<LocateStatus>, filter: crate::domain::PostFilter) {
        use leptos::prelude::Set;
        let status = status.map(|s| s.0);
        if let Some(s) = status {
            s.set(t("map-locating"));
        }
        go_near(filter, move |m| {
            if let Some(s) = status {
                s.set(m);
            }
        });
    }
}

/// Asks the browser for its position, then opens the home page around it with `filter`'s other
/// choices (nearest first, distances from there); `status` gets what went wrong. A whole page
/// load: the map opens on the area around the position.
pub fn go_near(filter: crate::domain::PostFilter, status: impl Fn(String) + 'static) {
    current_position(move |r| match r {
        Ok((lat, lon)) => {
            #[cfg(feature = "hydrate")]
            if let Some(w) = web_sys::window() {
                let _ = w.location().assign(&filter.from_position(lat, lon).href());
            }
            #[cfg(not(feature = "hydrate"))]
            let _ = (&filter, lat, lon);
        }
        Err(m) => status(m),
    });
}

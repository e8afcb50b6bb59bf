//! Setting the HTTP status of a server-rendered page (a real 404 for a missing post).

/// Sets the response status while rendering on the server; does nothing in the browser.
pub fn set_http_status(code: u16) {
    // The one allowed cfg in ui/: ResponseOptions exists only on the server.
    #[cfg(feature = "ssr")]
    if let (Some(res), Ok(status)) =
        (leptos::prelude::use_context::<leptos_axum::ResponseOptions>(), axum::http::StatusCode::from_u16(code))
    {
        res.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}

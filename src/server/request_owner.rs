//! Keeps a page's own reactive owner current while its response is built.
//!
//! Leptos reads two things of a page outside of the page's owner: once the page is rendered,
//! `leptos_integration_utils` looks up the split bundle's manifest and the nonce with
//! `use_context`, which asks whatever owner the worker thread last left current
//! (`Owner::new_root` leaves each new page's owner current on its thread, and the page's task
//! may have moved to the other thread since). That may be no live owner (the page then names only the main bundle, not the files of its section: measured, 233
//! of 400 sign-in pages in a row) or another request's owner (its preload links, with its nonce,
//! then went into this page: up to 55 links under 20 requests at once).
//!
//! `keep` wraps each request: every poll of the response runs with this request's own owner
//! current, or with an empty owner of its own before the page has one. The page's owner is
//! recorded by `record`, run in the context of every Leptos render (`server/mod.rs`,
//! `forms::kit::rerender`).

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use axum::extract::Request;
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::Response;
use leptos::prelude::use_context;
use leptos::reactive::owner::{Owner, WeakOwner};

/// Where a request's render records its owner (a request extension).
#[derive(Clone, Default)]
struct Slot(Arc<Mutex<Option<WeakOwner>>>);

/// Middleware: the response of `req` is built with its own owner current (module doc).
pub async fn keep(mut req: Request, next: Next) -> Response {
    let slot = Slot::default();
    req.extensions_mut().insert(slot.clone());
    Kept { inner: Box::pin(next.run(req)), slot, empty: Owner::new_root(None) }.await
}

/// Records the current owner as the request's own; run in a render's additional context, where
/// the current owner is the page's root.
pub fn record() {
    let Some(parts) = use_context::<Parts>() else { return };
    let Some(slot) = parts.extensions.get::<Slot>() else { return };
    if let Some(owner) = Owner::current() {
        *slot.0.lock().unwrap_or_else(|e| e.into_inner()) = Some(owner.downgrade());
    }
}

struct Kept<F> {
    inner: Pin<Box<F>>,
    slot: Slot,
    /// Current until the page has its owner: no context, so nothing is read from another request.
    empty: Owner,
}

impl<F: Future<Output = Response>> Future for Kept<F> {
    type Output = Response;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Response> {
        let page = self.slot.0.lock().unwrap_or_else(|e| e.into_inner()).as_ref().and_then(WeakOwner::upgrade);
        let owner = page.unwrap_or_else(|| self.empty.clone());
        owner.with(|| self.inner.as_mut().poll(cx))
    }
}

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use axum::routing::get;
    use axum::Router;
    use http_body_util::BodyExt;
    use leptos::prelude::provide_context;
    use tower::ServiceExt;

    use super::*;

    #[derive(Clone)]
    struct Marker(String);

    /// As a Leptos render does: the page's context is given to its own root owner, then, after
    /// an await, read back with whatever owner is current; meanwhile another owner was left
    /// current on the thread.
    async fn page(req: Request) -> String {
        let path = req.uri().path().to_owned();
        let (parts, _) = req.into_parts();
        let owner = Owner::new_root(None);
        owner.with(|| {
            provide_context(parts);
            provide_context(Marker(path));
            record();
        });
        let stray = Owner::new_root(None);
        stray.with(|| provide_context(Marker("another request".into())));
        stray.set();
        tokio::task::yield_now().await;
        let seen = use_context::<Marker>().map_or_else(|| "none".to_owned(), |m| m.0);
        drop(owner);
        seen
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_page_reads_its_own_context_whatever_the_thread_held_before() {
        let app = Router::new().route("/{n}", get(page)).layer(axum::middleware::from_fn(keep));
        let answers = futures_util::future::join_all((0..64).map(|n| {
            let app = app.clone();
            async move {
                let req = axum::http::Request::get(format!("/{n}")).body(Body::empty()).unwrap();
                let body = app.oneshot(req).await.unwrap().into_body().collect().await.unwrap().to_bytes();
                (n, String::from_utf8(body.to_vec()).unwrap())
            }
        }))
        .await;
        for (n, seen) in answers {
            assert_eq!(seen, format!("/{n}"));
        }
    }
}

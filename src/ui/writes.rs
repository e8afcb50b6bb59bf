//! Writes without a reload (#20 §2). With JavaScript, a form made with `PostForm` posts in the
//! background to the same address as without it, and the server answers that request with JSON
//! (`wire::forms::FormReply`) instead of a page: where to go after a success, or the form's echo
//! (what was typed and what was wrong) after a mistake. The page then moves there with the
//! router, or shows the errors next to the same fields; its resources read again because they
//! depend on `written()`. Without JavaScript the same form posts plainly: one handler serves both.

use leptos::prelude::*;

use crate::api::forms::read_form_echo;
use crate::error::AppError;
use crate::wire::forms::FormEcho;

/// The count of writes done without a reload, and the echo of the last one that failed.
#[derive(Clone, Copy)]
pub struct Writes {
    version: RwSignal<u64>,
    echo: RwSignal<Option<FormEcho>>,
}

impl Writes {
    /// A write succeeded: what the page shows is read again, without the echo of a mistake.
    pub fn done(self) {
        self.echo.set(None);
        self.version.update(|v| *v += 1);
    }

    /// A write was refused: the page shows `echo` (what was typed, the errors).
    pub fn refused(self, echo: FormEcho) {
        self.echo.set(Some(echo));
        self.version.update(|v| *v += 1);
    }
}

/// Provided once, in `App`.
pub fn provide_writes() {
    provide_context(Writes { version: RwSignal::new(0), echo: RwSignal::new(None) });
}

/// The writes of this page (a fresh, unused set outside `App`, e.g. in a test's render).
pub fn use_writes() -> Writes {
    use_context::<Writes>().unwrap_or_else(|| Writes { version: RwSignal::new(0), echo: RwSignal::new(None) })
}

/// The number of writes done without a reload: a resource that depends on it reads again after
/// each one (0 on the server and at hydration, so both agree).
pub fn written() -> u64 {
    use_writes().version.get()
}

/// The echo of the page's last form post: on the server (and so at hydration) what that post
/// left; after a write without a reload, what it answered.
pub fn echo_resource() -> Resource<Result<Option<FormEcho>, AppError>> {
    let writes = use_writes();
    Resource::new(
        move || writes.version.get(),
        move |version| async move {
            match writes.echo.get_untracked() {
                Some(echo) => Ok(Some(echo)),
                // After a write that succeeded there is nothing to echo: no request for it.
                None if version > 0 => Ok(None),
                None => read_form_echo().await,
            }
        },
    )
}

/// What a page reads by its route's `:id`, read again after each write done without a reload
/// (a message sent, a report, an action taken); an address whose id is not a number is not found.
pub fn by_route_id<T, Fut>(fetch: fn(i64) -> Fut) -> Resource<Result<T, AppError>>
where
    T: serde::Serialize + serde::de::DeserializeOwned + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<T, AppError>> + Send + 'static,
{
    let params = leptos_router::hooks::use_params_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok());
    Resource::new(
        move || (id(), written()),
        move |(id, _)| async move {
            match id {
                Some(id) => fetch(id).await,
                None => Err(AppError::NotFound),
            }
        },
    )
}

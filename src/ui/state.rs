//! Application-wide client state, provided once in `App`: who is logged in.

use leptos::prelude::*;

use crate::api::auth::who_am_i;
use crate::domain::user::CurrentUser;
use crate::error::AppError;

/// The logged-in account (refetched on every full page load: log-in and log-out are form posts).
#[derive(Clone, Copy)]
pub struct CurrentUserResource(pub Resource<Result<Option<CurrentUser>, AppError>>);

/// Provides the current user to every page.
pub fn provide_current_user() {
    provide_context(CurrentUserResource(Resource::new(|| (), |_| who_am_i())));
}

/// The current user resource.
pub fn use_current_user() -> Option<Resource<Result<Option<CurrentUser>, AppError>>> {
    use_context::<CurrentUserResource>().map(|r| r.0)
}

/// Whether the page is hydrated (false on the server and until then): what needs JavaScript
/// is offered only then.
pub fn hydrated() -> ReadSignal<bool> {
    let (on, set_on) = signal(false);
    Effect::new(move |_| set_on.set(true));
    on
}

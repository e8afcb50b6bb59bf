//! What a page shows when its data is refused: log in first, or not for you.

use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::t;
use crate::ui::components::http_status::set_http_status;

/// `Unauthenticated`: a link to log in and come back to `next`; `Forbidden`: a plain word; any
/// other error in an alert. Sets the HTTP status on the server.
#[component]
pub fn Restricted(error: AppError, next: &'static str) -> impl IntoView {
    set_http_status(error.status_code());
    match error {
        AppError::Unauthenticated => view! {
            <p>{t("restricted-log-in")}</p>
            <p><a class="btn" href=format!("/connexion?next={next}")>{t("nav-log-in")}</a></p>
        }
        .into_any(),
        AppError::Forbidden => view! {
            <div class="alert" role="alert">
                <p>{t("restricted-staff")}</p>
                <p><a href="/">{t("restricted-back")}</a></p>
            </div>
        }
        .into_any(),
        other => view! { <div class="alert" role="alert"><p>{other.say()}</p></div> }.into_any(),
    }
}

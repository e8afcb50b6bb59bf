//! An error said plainly, with what to do next.

use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::t;

/// Shows `error` in an alert box; validation errors list each problem.
#[component]
pub fn ErrorBox(error: AppError) -> impl IntoView {
    super::http_status::set_http_status(error.status_code());
    let items: Vec<String> = error.messages().iter().map(|m| m.say()).collect();
    view! {
        <div class="alert" role="alert">
            <p class="alert-title">{t("error-box-title")}</p>
            <ul>{items.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
            <p>
                <a href="/">{t("error-box-all")}</a>
            </p>
        </div>
    }
}

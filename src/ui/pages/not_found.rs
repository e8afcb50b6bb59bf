//! The page for an unknown address or a post that is not (or no longer) public. A real 404.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::t;
use crate::ui::components::http_status::set_http_status;

/// "Page introuvable", with a way back.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    set_http_status(404);
    view! {
        <Title text=t("not-found-title")/>
        <div class="page narrow">
            <h1>{t("not-found-heading")}</h1>
            <p>{t("not-found-text")}</p>
            <p>
                <a class="btn" href="/">{t("not-found-back")}</a>
            </p>
        </div>
    }
}

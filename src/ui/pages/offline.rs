//! `/hors-ligne`: what the installed app shows when there is no network and the page asked for
//! was not kept (the service worker, `public/sw.js`, keeps this page, the last list and the
//! posts opened).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::t;

/// "Pas de réseau", with what still works.
#[component]
pub fn OfflinePage() -> impl IntoView {
    view! {
        <Title text=t("offline-title")/>
        <div class="page narrow">
            <h1>{t("offline-heading")}</h1>
            <p>{t("offline-text")}</p>
            <ul>
                <li>{t("offline-list")}</li>
                <li>{t("offline-draft")}</li>
            </ul>
            <p class="actions">
                // Full page loads: this page is a copy kept for anyone, so the next page must ask
                // the server who is logged in rather than reuse what this copy knew.
                <a class="btn" href="/" rel="external">{t("offline-see-list")}</a>
                <a class="btn btn-secondary" href="/publier" rel="external">{t("offline-resume")}</a>
            </p>
        </div>
    }
}

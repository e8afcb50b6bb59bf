//! The page for an unknown address or a post that is not (or no longer) public. A real 404.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::ui::components::http_status::set_http_status;

/// "Page introuvable", with a way back.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    set_http_status(404);
    view! {
        <Title text="Page introuvable — Entraide Haut-Rhin"/>
        <div class="page narrow">
            <h1>"Page introuvable"</h1>
            <p>
                "Cette page n'existe pas, ou l'annonce n'est plus en ligne : elle a peut-être été "
                "réalisée, retirée, ou elle a expiré."
            </p>
            <p>
                <a class="btn" href="/">"Voir les annonces près de chez vous"</a>
            </p>
        </div>
    }
}

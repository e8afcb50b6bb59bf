//! `/hors-ligne`: what the installed app shows when there is no network and the page asked for
//! was not kept (the service worker, `public/sw.js`, keeps this page, the last list and the
//! posts opened).

use leptos::prelude::*;
use leptos_meta::Title;

/// "Pas de réseau", with what still works.
#[component]
pub fn OfflinePage() -> impl IntoView {
    view! {
        <Title text="Pas de réseau — Entraide Haut-Rhin"/>
        <div class="page narrow">
            <h1>"Pas de réseau pour l'instant"</h1>
            <p>"Votre téléphone ou votre ordinateur n'est pas connecté à Internet, ou la connexion est trop faible."</p>
            <ul>
                <li>"La dernière liste d'annonces que vous avez vue reste consultable, ainsi que les annonces que vous avez ouvertes."</li>
                <li>
                    "Si vous étiez en train de publier une annonce, elle n'est pas perdue : elle est gardée sur cet appareil. "
                    "Rouvrez « Publier » quand le réseau revient, elle y sera, prête à être envoyée."
                </li>
            </ul>
            <p class="actions">
                <a class="btn" href="/">"Revoir la dernière liste"</a>
                <a class="btn btn-secondary" href="/publier">"Reprendre mon annonce"</a>
            </p>
        </div>
    }
}

//! The frame of every page: skip link, header, main region, footer with the data credits.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::moderation::{badge_counts, Badges};
use crate::ui::pwa;
use crate::ui::state::use_current_user;

/// Wraps a page.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let location = use_location();
    // On the map page the list is what a keyboard or screen-reader user wants first.
    let home = move || location.pathname.get() == "/";
    // Refetched on every full page load, like the current user (actions are form posts).
    let badges = Resource::new(|| (), |_| badge_counts());
    // The installed app keeps the list and the posts people leave, and the page shown when the
    // app goes to the background, for reading offline (browser only: see `ui/pwa.rs`).
    Effect::new(move |left: Option<String>| {
        // The router's `search` has no leading "?".
        let (path, search) = (location.pathname.get(), location.search.get());
        let here = if search.is_empty() { path } else { format!("{path}?{search}") };
        if let Some(left) = left.filter(|l| l.split('?').next() != here.split('?').next()) {
            pwa::remember(&left);
        }
        here
    });
    Effect::new(move |_| {
        let hidden = window_event_listener(leptos::ev::visibilitychange, |_| {
            if document().hidden() {
                if let Some(here) = pwa::current_path() {
                    pwa::remember(&here);
                }
            }
        });
        on_cleanup(move || hidden.remove());
    });
    view! {
        <a class="skip-link" href=move || if home() { "#annonces" } else { "#contenu" }>
            {move || if home() { "Aller à la liste des annonces" } else { "Aller au contenu" }}
        </a>
        <header class="site-header">
            <a class="brand" href="/">
                <span class="brand-mark" aria-hidden="true">"🤝"</span>
                <span class="brand-name">"Entraide"</span>
                <span class="brand-place">"Haut-Rhin"</span>
            </a>
            <p class="tagline">"Demander ou offrir un coup de main, près de chez soi"</p>
            <a class="btn btn-small header-publish" href="/publier">"Publier"</a>
            <nav class="account-nav" aria-label="Compte">
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        let me = match use_current_user() {
                            Some(u) => u.await.ok().flatten(),
                            None => None,
                        };
                        let badges = match &me {
                            Some(_) => badges.await.unwrap_or_default(),
                            None => Badges::default(),
                        };
                        match me {
                            Some(me) => view! {
                                {me.role.is_staff().then(|| view! {
                                    <a class="nav-link" href="/moderation">
                                        "Modération"
                                        {(badges.to_moderate > 0).then(|| view! {
                                            " "<span class="nav-badge" aria-hidden="true">{badges.to_moderate}</span>
                                            <span class="visually-hidden">{format!(" : {} à traiter", badges.to_moderate)}</span>
                                        })}
                                    </a>
                                })}
                                <a class="nav-link" href="/mes-annonces">"Mes annonces"</a>
                                <a class="nav-link" href="/messages">
                                    <span aria-hidden="true">"✉️"</span>
                                    <span class="visually-hidden">"Messages"</span>
                                    {(badges.unread_messages > 0).then(|| view! {
                                        " "<span class="nav-badge" aria-hidden="true">{badges.unread_messages}</span>
                                        <span class="visually-hidden">{format!(" : {} non lu(s)", badges.unread_messages)}</span>
                                    })}
                                </a>
                                <a class="nav-link" href="/notifications">
                                    <span aria-hidden="true">"🔔"</span>
                                    <span class="visually-hidden">"Notifications"</span>
                                    {(badges.unread > 0).then(|| view! {
                                        " "<span class="nav-badge" aria-hidden="true">{badges.unread}</span>
                                        <span class="visually-hidden">{format!(" : {} non lue(s)", badges.unread)}</span>
                                    })}
                                </a>
                                <a class="nav-link" href="/compte">
                                    <span aria-hidden="true">"👤 "</span>
                                    <span class="visually-hidden">"Mon compte : "</span>
                                    <span class="nav-account-name">{me.display_name}</span>
                                </a>
                            }.into_any(),
                            None => view! { <a class="nav-link" href="/connexion">"Se connecter"</a> }.into_any(),
                        }
                    })}
                </Suspense>
            </nav>
        </header>
        <main id="contenu" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <p>
                "Les positions affichées sont approximatives (à quelques centaines de mètres) pour protéger "
                "les personnes."
            </p>
            <p>
                "Communes : sources INSEE, IGN, DILA — Licence Ouverte. "
                <a href="/api/v1/posts.geojson">"Données ouvertes (GeoJSON)"</a>
            </p>
        </footer>
    }
}

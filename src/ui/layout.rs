//! The frame of every page: skip link, header, main region, footer with the data credits.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::moderation::badge_counts;
use crate::i18n::{easy, lang, n, t, t_args};
use crate::ui::pwa;
use crate::ui::state::use_current_user;
use crate::ui::writes::written;
use crate::wire::moderation::Badges;

/// Wraps a page.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let location = use_location();
    // On the map page the list is what a keyboard or screen-reader user wants first.
    let home = move || location.pathname.get() == "/";
    // Refetched on every full page load, like the current user (actions are form posts).
    // Read again after a write done without a reload (a message read or sent, a decision).
    let badges = Resource::new(written, |_| badge_counts());
    // The installed app keeps the list and the posts people leave, and the page shown when the
    // app goes to the background, for reading offline (browser only: see `ui/pwa.rs`).
    Effect::new(move |left: Option<String>| {
        let here = here(&location);
        if let Some(left) = left.filter(|l| l.split('?').next() != here.split('?').next()) {
            pwa::remember(&left);
        }
        here
    });
    // Whose session this device shows: what was kept for someone else is forgotten. The page
    // may be a copy kept for offline reading (rendered for nobody), so a change is confirmed by
    // asking the server; offline, nothing is forgotten.
    if let Some(user) = use_current_user() {
        Effect::new(move |_| {
            if let Some(Ok(me)) = user.get() {
                let shown = me.map(|u| u.id);
                match pwa::remembered_account() {
                    before if before == shown => {}
                    // Nothing kept for anyone else: just remember who this is.
                    None => pwa::follow_account(shown),
                    Some(_) => leptos::task::spawn_local(async move {
                        if let Ok(now) = crate::api::auth::who_am_i().await {
                            pwa::follow_account(now.map(|u| u.id));
                        }
                    }),
                }
            }
        });
    }
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
        // A fragment link the browser follows itself (focus moves to the target); the router
        // would take it for a navigation and leave the focus where it was.
        <a class="skip-link" rel="external" href=move || if home() { "#annonces" } else { "#contenu" }>
            {move || if home() { t("skip-to-list") } else { t("skip-to-content") }}
        </a>
        <header class="site-header">
            <a class="brand" href="/">
                <span class="brand-mark" aria-hidden="true">"🤝"</span>
                <span class="brand-name">"Entraide"</span>
                <span class="brand-place">{t("brand-place")}</span>
            </a>
            <p class="tagline">{t("tagline")}</p>
            <a class="btn btn-small header-publish" href="/publier">{t("nav-publish")}</a>
            <LanguageSwitch/>
            <ReadingSwitch/>
            <nav class="account-nav" aria-label=t("nav-account")>
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
                                        {t("nav-moderation")}
                                        {(badges.to_moderate > 0).then(|| view! {
                                            " "<span class="nav-badge" aria-hidden="true">{badges.to_moderate}</span>
                                            <span class="visually-hidden">
                                                {format!(" : {}", t_args("nav-to-handle", &[("count", n(badges.to_moderate as f64))]))}
                                            </span>
                                        })}
                                    </a>
                                })}
                                {(me.role == crate::domain::user::Role::Admin).then(|| view! {
                                    <a class="nav-link" href="/admin/personnes">{t("nav-people")}</a>
                                })}
                                {me.role.writes_pages().then(|| view! {
                                    <a class="nav-link" href="/admin/pages">{t("nav-pages")}</a>
                                })}
                                <a class="nav-link" href="/mes-annonces">{t("nav-my-posts")}</a>
                                <a class="nav-link" href="/messages">
                                    <span aria-hidden="true">"✉️"</span>
                                    <span class="visually-hidden">{t("nav-messages")}</span>
                                    {(badges.unread_messages > 0).then(|| view! {
                                        " "<span class="nav-badge" aria-hidden="true">{badges.unread_messages}</span>
                                        <span class="visually-hidden">
                                            {format!(" : {}", t_args("nav-unread-messages", &[("count", n(badges.unread_messages as f64))]))}
                                        </span>
                                    })}
                                </a>
                                <a class="nav-link" href="/notifications">
                                    <span aria-hidden="true">"🔔"</span>
                                    <span class="visually-hidden">{t("nav-notifications")}</span>
                                    {(badges.unread > 0).then(|| view! {
                                        " "<span class="nav-badge" aria-hidden="true">{badges.unread}</span>
                                        <span class="visually-hidden">
                                            {format!(" : {}", t_args("nav-unread-notifications", &[("count", n(badges.unread as f64))]))}
                                        </span>
                                    })}
                                </a>
                                <a class="nav-link" href="/compte">
                                    <span aria-hidden="true">"👤 "</span>
                                    <span class="visually-hidden">{format!("{} ", t("nav-my-account"))}</span>
                                    <span class="nav-account-name">{me.display_name}</span>
                                </a>
                            }.into_any(),
                            None => view! { <a class="nav-link" href="/connexion">{t("nav-log-in")}</a> }.into_any(),
                        }
                    })}
                </Suspense>
            </nav>
        </header>
        <main id="contenu" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <nav aria-label=t("footer-pages")>
                <ul class="footer-links">
                    {crate::domain::site_page::SitePage::ALL.into_iter().map(|p| view! {
                        <li><a href=p.href()>{crate::i18n::label("page", p.slug())}</a></li>
                    }).collect_view()}
                </ul>
            </nav>
            <p>{t("footer-privacy")}</p>
            <p>
                {t("footer-sources")}" "
                <a href="/api/v1/posts.geojson">{t("footer-open-data")}</a>
            </p>
        </footer>
    }
}

/// The language switch: a link to the other language, named in that language, back to the
/// same page (it works without JavaScript; the choice is remembered on the device).
#[component]
fn LanguageSwitch() -> impl IntoView {
    let location = use_location();
    let other = lang().other();
    let href = move || {
        let here = here(&location);
        format!("/langue/{}?retour={}", other.code(), crate::domain::local_path::encode_query_value(&here))
    };
    view! {
        // `rel="external"`: a full load through the server (which sets the cookie), not the router.
        <a class="nav-link lang-switch" href=href lang=other.code() hreflang=other.code() rel="external">
            {other.own_name()}
        </a>
    }
}

/// The easy-read switch ("Lecture facile" / "Lecture habituelle"), back to the same page.
#[component]
fn ReadingSwitch() -> impl IntoView {
    let location = use_location();
    let (mode, label) = if easy() { ("normale", t("reading-standard")) } else { ("facile", t("reading-easy")) };
    let href = move || {
        let here = here(&location);
        format!("/lecture/{mode}?retour={}", crate::domain::local_path::encode_query_value(&here))
    };
    view! {
        <a class="nav-link reading-switch" href=href rel="external">
            <span aria-hidden="true">"📖 "</span>
            {label}
        </a>
    }
}

/// The current address, path and query (tracked: reruns when it changes).
fn here(location: &leptos_router::location::Location) -> String {
    // The router's `search` has no leading "?".
    let (path, search) = (location.pathname.get(), location.search.get());
    if search.is_empty() {
        path
    } else {
        format!("{path}?{search}")
    }
}

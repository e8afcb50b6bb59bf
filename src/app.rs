//! The HTML shell, the contexts and the route table. No logic here.

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, Lazy, SsrMode};

use crate::ui::layout::Layout;
use crate::ui::lazy_pages::*;
use crate::ui::pages::{home::HomePage, not_found::NotFoundPage, offline::OfflinePage};
use crate::ui::state::provide_current_user;
use crate::ui::writes::provide_writes;

/// The document around the app, rendered on the server only, in `locale`'s language and mode
/// (also provided to the app as its context by the caller); `stylesheet` is the address of the
/// app's styles as built (its name carries a content hash in a release build). The page's words
/// are named for the browser, which fetches them before it hydrates.
#[cfg(feature = "ssr")]
pub fn shell(
    options: LeptosOptions,
    tiles: crate::ui::map::TileSettings,
    stylesheet: String,
    locale: crate::i18n::Locale,
) -> impl IntoView {
    use crate::i18n::{translate, CATALOGUE_LINK, EASY_CLASS};
    use crate::server::catalogues;
    use crate::ui::map::{META_TILE_ATTRIBUTION, META_TILE_URL};
    use leptos_meta::MetaTags;
    let lang = locale.lang;
    view! {
        <!DOCTYPE html>
        <html lang=lang.code() class=locale.easy.then_some(EASY_CLASS)>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#14532d"/>
                <meta name="description" content=translate(lang, "meta-description", &[])/>
                <meta name=META_TILE_URL content=tiles.url/>
                <meta name=META_TILE_ATTRIBUTION content=tiles.attribution/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                // Installable (public/manifest.webmanifest); public/sw.js keeps it usable offline.
                <link rel="manifest" href="/manifest.webmanifest"/>
                <link rel="apple-touch-icon" href="/icons/apple-touch-icon.png"/>
                <link rel="stylesheet" href="/leaflet/leaflet.css"/>
                <link rel="stylesheet" id="leptos" href=stylesheet/>
                // The page's words, fetched while the bundle loads (read back by `hydrate()`).
                <link rel="preload" id=CATALOGUE_LINK href=catalogues::path(lang) r#as="fetch" crossorigin="anonymous"/>
                // Deferred scripts run in order before the (module) hydration script: `L` exists
                // when the map code runs, and parsing is not blocked.
                <script defer src="/leaflet/leaflet.js"></script>
                // Without JavaScript there is no map: drop its placeholder, the list is the page.
                <noscript>
                    <style>".map-placeholder, .needs-js { display: none; } .list-pane { margin-top: 0; }"</style>
                </noscript>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The application: routes, each rendered fully on the server before it is sent (`Async`), so
/// the list is in place for people without JavaScript.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_current_user();
    provide_writes();
    view! {
        <Router>
            <Layout>
                <Routes fallback=|| view! { <NotFoundPage/> }>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/posts/:id") view={Lazy::<PostRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/inscription") view={Lazy::<SignUpRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/connexion") view={Lazy::<LogInRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/compte") view={Lazy::<AccountRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/compte-supprime") view={Lazy::<AccountDeletedRoute>::new()} ssr=SsrMode::Async/>
                    // Forms posted to their own address show their page there on a mistake: the
                    // browser's address must lead the hydrated app to the same page.
                    <Route path=path!("/compte/supprimer") view={Lazy::<AccountRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/compte/verification") view={Lazy::<VettingRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/verifications") view={Lazy::<VettingDeskRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/posts/:id/repondre") view={Lazy::<PostRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/posts/:id/affichette") view={Lazy::<NoticeRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/posts/:id/signaler") view={Lazy::<PostRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/mot-de-passe-oublie") view={Lazy::<ForgotPasswordRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/mot-de-passe/:token") view={Lazy::<ResetPasswordRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/verifier/:token") view={Lazy::<VerifyRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/adresse-confirmee") view={Lazy::<AddressConfirmedRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/publier") view={Lazy::<PublishRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/mes-annonces") view={Lazy::<MyPostsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/proche/:token") view={Lazy::<CarerInvitationRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/immeuble") view={Lazy::<MyBuildingRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/immeuble/rejoindre") view={Lazy::<BuildingJoinRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/immeuble/:id/affiche") view={Lazy::<BuildingNoticeRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/mes-annonces/:id/modifier") view={Lazy::<EditPostRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/notifications") view={Lazy::<NotificationsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/alertes") view={Lazy::<AlertsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/alertes/desabonner/:token") view={Lazy::<UnsubscribeRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/messages") view={Lazy::<MessagesRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/messages/:id") view={Lazy::<ConversationRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/hors-ligne") view=OfflinePage ssr=SsrMode::Async/>
                    <Route path=path!("/moderation") view={Lazy::<ModerationRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/saisie") view={Lazy::<IntakeRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/pilotage") view={Lazy::<FiguresRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/pilotage/exports") view={Lazy::<ExportsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/personnes") view={Lazy::<PeopleRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/annonces") view={Lazy::<AnnouncementsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/pages") view={Lazy::<PagesAdminRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/pages/:slug") view={Lazy::<PageEditorRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/pages/:slug") view={Lazy::<SitePageViewRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/charte/accepter") view={Lazy::<CharterAcceptRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/suivi") view={Lazy::<FollowUpsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/suivi/:id") view={Lazy::<HelpQuestionRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/personnes/:id") view={Lazy::<PersonRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/saisies") view={Lazy::<IntakesRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/moderation/signalements") view={Lazy::<ReportsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/moderation/annonces/:id") view={Lazy::<PostHistoryRoute>::new()} ssr=SsrMode::Async/>
                </Routes>
            </Layout>
        </Router>
    }
}

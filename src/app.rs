//! The HTML shell, the contexts and the route table. No logic here.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

use crate::i18n::{translate, Locale, EASY_CLASS};
use crate::ui::layout::Layout;
use crate::ui::map::{TileSettings, META_TILE_ATTRIBUTION, META_TILE_URL};
use crate::ui::pages::{
    account::{AccountDeletedPage, AccountPage},
    account_links::{AddressConfirmedPage, ForgotPasswordPage, ResetPasswordPage, VerifyPage},
    alerts::{AlertsPage, UnsubscribePage},
    announcements::AnnouncementsPage,
    building::{BuildingJoinPage, BuildingNoticePage, MyBuildingPage},
    carer_invitation::CarerInvitationPage,
    edit_post::EditPostPage,
    exports::ExportsPage,
    figures::FiguresPage,
    follow_ups::{FollowUpsPage, HelpQuestionPage},
    home::HomePage,
    intakes::{IntakePage, IntakesPage},
    log_in::LogInPage,
    messages::{conversation::ConversationPage, MessagesPage},
    moderation::{history::PostHistoryPage, reports::ReportsPage, ModerationPage},
    my_posts::MyPostsPage,
    not_found::NotFoundPage,
    notice::NoticePage,
    notifications::NotificationsPage,
    offline::OfflinePage,
    people::{PeoplePage, PersonPage},
    post::PostPage,
    publish::PublishPage,
    sign_up::SignUpPage,
    site_pages::{CharterAcceptPage, PageEditorPage, PagesAdminPage, SitePageView},
    vetting::{VettingDeskPage, VettingPage},
};
use crate::ui::state::provide_current_user;
use crate::ui::writes::provide_writes;

/// The document around the app, rendered on the server only, in `locale`'s language and mode
/// (also provided to the app as its context by the caller); `stylesheet` is the address of the
/// app's styles as built (its name carries a content hash in a release build).
pub fn shell(options: LeptosOptions, tiles: TileSettings, stylesheet: String, locale: Locale) -> impl IntoView {
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
                    <Route path=path!("/posts/:id") view=PostPage ssr=SsrMode::Async/>
                    <Route path=path!("/inscription") view=SignUpPage ssr=SsrMode::Async/>
                    <Route path=path!("/connexion") view=LogInPage ssr=SsrMode::Async/>
                    <Route path=path!("/compte") view=AccountPage ssr=SsrMode::Async/>
                    <Route path=path!("/compte-supprime") view=AccountDeletedPage ssr=SsrMode::Async/>
                    // Forms posted to their own address show their page there on a mistake: the
                    // browser's address must lead the hydrated app to the same page.
                    <Route path=path!("/compte/supprimer") view=AccountPage ssr=SsrMode::Async/>
                    <Route path=path!("/compte/verification") view=VettingPage ssr=SsrMode::Async/>
                    <Route path=path!("/verifications") view=VettingDeskPage ssr=SsrMode::Async/>
                    <Route path=path!("/posts/:id/repondre") view=PostPage ssr=SsrMode::Async/>
                    <Route path=path!("/posts/:id/affichette") view=NoticePage ssr=SsrMode::Async/>
                    <Route path=path!("/posts/:id/signaler") view=PostPage ssr=SsrMode::Async/>
                    <Route path=path!("/mot-de-passe-oublie") view=ForgotPasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("/mot-de-passe/:token") view=ResetPasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("/verifier/:token") view=VerifyPage ssr=SsrMode::Async/>
                    <Route path=path!("/adresse-confirmee") view=AddressConfirmedPage ssr=SsrMode::Async/>
                    <Route path=path!("/publier") view=PublishPage ssr=SsrMode::Async/>
                    <Route path=path!("/mes-annonces") view=MyPostsPage ssr=SsrMode::Async/>
                    <Route path=path!("/proche/:token") view=CarerInvitationPage ssr=SsrMode::Async/>
                    <Route path=path!("/immeuble") view=MyBuildingPage ssr=SsrMode::Async/>
                    <Route path=path!("/immeuble/rejoindre") view=BuildingJoinPage ssr=SsrMode::Async/>
                    <Route path=path!("/immeuble/:id/affiche") view=BuildingNoticePage ssr=SsrMode::Async/>
                    <Route path=path!("/mes-annonces/:id/modifier") view=EditPostPage ssr=SsrMode::Async/>
                    <Route path=path!("/notifications") view=NotificationsPage ssr=SsrMode::Async/>
                    <Route path=path!("/alertes") view=AlertsPage ssr=SsrMode::Async/>
                    <Route path=path!("/alertes/desabonner/:token") view=UnsubscribePage ssr=SsrMode::Async/>
                    <Route path=path!("/messages") view=MessagesPage ssr=SsrMode::Async/>
                    <Route path=path!("/messages/:id") view=ConversationPage ssr=SsrMode::Async/>
                    <Route path=path!("/hors-ligne") view=OfflinePage ssr=SsrMode::Async/>
                    <Route path=path!("/moderation") view=ModerationPage ssr=SsrMode::Async/>
                    <Route path=path!("/saisie") view=IntakePage ssr=SsrMode::Async/>
                    <Route path=path!("/pilotage") view=FiguresPage ssr=SsrMode::Async/>
                    <Route path=path!("/pilotage/exports") view=ExportsPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/personnes") view=PeoplePage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/annonces") view=AnnouncementsPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/pages") view=PagesAdminPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/pages/:slug") view=PageEditorPage ssr=SsrMode::Async/>
                    <Route path=path!("/pages/:slug") view=SitePageView ssr=SsrMode::Async/>
                    <Route path=path!("/charte/accepter") view=CharterAcceptPage ssr=SsrMode::Async/>
                    <Route path=path!("/suivi") view=FollowUpsPage ssr=SsrMode::Async/>
                    <Route path=path!("/suivi/:id") view=HelpQuestionPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/personnes/:id") view=PersonPage ssr=SsrMode::Async/>
                    <Route path=path!("/saisies") view=IntakesPage ssr=SsrMode::Async/>
                    <Route path=path!("/moderation/signalements") view=ReportsPage ssr=SsrMode::Async/>
                    <Route path=path!("/moderation/annonces/:id") view=PostHistoryPage ssr=SsrMode::Async/>
                </Routes>
            </Layout>
        </Router>
    }
}

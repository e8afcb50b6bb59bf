//! The pages loaded when first needed. The home page (the map, the filters and the list) is in
//! the bundle every visitor loads; the other pages come in four sections, each a lazy function
//! (`#[lazy]`) that `cargo leptos build --split` puts in WebAssembly files of its own, fetched
//! when a page of the section is first opened (code shared by sections goes in shared files).
//! The server renders these pages as any other and names their section's files in the page, so
//! a page opened directly hydrates without a second round trip.
//!
//! Sections rather than one file per page: with a split per page (measured, see the README) the
//! post page alone needed 115 files, one request each; by section it needs a handful.

use leptos::lazy;
use leptos::prelude::*;
use leptos_router::LazyRoute;

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
    intakes::{IntakePage, IntakesPage},
    log_in::LogInPage,
    messages::{conversation::ConversationPage, MessagesPage},
    moderation::{history::PostHistoryPage, reports::ReportsPage, ModerationPage},
    my_posts::MyPostsPage,
    notice::NoticePage,
    notifications::NotificationsPage,
    people::{PeoplePage, PersonPage},
    post::PostPage,
    publish::PublishPage,
    sign_up::SignUpPage,
    site_pages::{CharterAcceptPage, PageEditorPage, PagesAdminPage, SitePageView},
    vetting::{VettingDeskPage, VettingPage},
};

/// A section: its pages (an enum), the lazy function rendering one of them (the section's
/// code; `$preload` is the name `#[lazy]` gives its loader in the browser build), and one route
/// type per page (`Lazy::<…Route>` in the route table).
macro_rules! section {
    ($(#[$doc:meta])* $section:ident, $render:ident, $preload:ident { $($route:ident => $page:ident,)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $section {
            $($route,)*
        }

        #[lazy]
        fn $render(page: $section) -> AnyView {
            match page {
                $($section::$route => view! { <$page/> }.into_any(),)*
            }
        }

        $(
            pub struct $route;

            impl LazyRoute for $route {
                fn data() -> Self {
                    Self
                }

                async fn view(_this: Self) -> AnyView {
                    $render($section::$route).await
                }

                // The router loads the section's files before the page is drawn or hydrated:
                // hydrating a page whose code is still on its way would not match the server's.
                async fn preload() {
                    #[cfg(target_arch = "wasm32")]
                    $preload().await;
                }
            }
        )*
    };
}

section! {
    /// The page of a post (with its answer and report forms): the page most opened after the map.
    PostPages, post_pages, __preload_post_pages {
        PostRoute => PostPage,
    }
}

section! {
    /// Pages for anyone, often opened from an e-mail, a link or a printed notice.
    VisitorPages, visitor_pages, __preload_visitor_pages {
        SignUpRoute => SignUpPage,
        LogInRoute => LogInPage,
        ForgotPasswordRoute => ForgotPasswordPage,
        ResetPasswordRoute => ResetPasswordPage,
        VerifyRoute => VerifyPage,
        AddressConfirmedRoute => AddressConfirmedPage,
        AccountDeletedRoute => AccountDeletedPage,
        NoticeRoute => NoticePage,
        SitePageViewRoute => SitePageView,
        UnsubscribeRoute => UnsubscribePage,
        CarerInvitationRoute => CarerInvitationPage,
        BuildingJoinRoute => BuildingJoinPage,
        CharterAcceptRoute => CharterAcceptPage,
    }
}

section! {
    /// Pages of a logged-in person: publishing, messages, their posts, account and alerts.
    MemberPages, member_pages, __preload_member_pages {
        AccountRoute => AccountPage,
        VettingRoute => VettingPage,
        PublishRoute => PublishPage,
        MyPostsRoute => MyPostsPage,
        EditPostRoute => EditPostPage,
        NotificationsRoute => NotificationsPage,
        AlertsRoute => AlertsPage,
        MessagesRoute => MessagesPage,
        ConversationRoute => ConversationPage,
        MyBuildingRoute => MyBuildingPage,
        BuildingNoticeRoute => BuildingNoticePage,
        HelpQuestionRoute => HelpQuestionPage,
    }
}

section! {
    /// The staff's console: moderation, phone intake, follow-up, figures, exports, administration.
    StaffPages, staff_pages, __preload_staff_pages {
        ModerationRoute => ModerationPage,
        ReportsRoute => ReportsPage,
        PostHistoryRoute => PostHistoryPage,
        IntakeRoute => IntakePage,
        IntakesRoute => IntakesPage,
        FiguresRoute => FiguresPage,
        ExportsRoute => ExportsPage,
        PeopleRoute => PeoplePage,
        PersonRoute => PersonPage,
        AnnouncementsRoute => AnnouncementsPage,
        PagesAdminRoute => PagesAdminPage,
        PageEditorRoute => PageEditorPage,
        VettingDeskRoute => VettingDeskPage,
        FollowUpsRoute => FollowUpsPage,
    }
}

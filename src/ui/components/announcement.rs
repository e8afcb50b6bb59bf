//! The département's announcements at the top of the home page ("Canicule : pensez à vos
//! voisins âgés"): plain text, rendered on the server with the page.

use leptos::prelude::*;

use crate::api::announcements::current_announcements;
use crate::i18n::t;

/// The current announcements, if any.
#[component]
pub fn Announcements() -> impl IntoView {
    let current = Resource::new(|| (), |_| current_announcements());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let items = current.await.unwrap_or_default();
                (!items.is_empty()).then(|| view! {
                    <aside class="announcements" aria-label=t("announcement-label")>
                        {items.into_iter().map(|a| view! { <p class="announcement">{a.message}</p> }).collect_view()}
                    </aside>
                })
            })}
        </Suspense>
    }
}

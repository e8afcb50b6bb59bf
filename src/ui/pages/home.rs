//! `/`: the map of the Haut-Rhin with the posts of the current area, and the same posts as a
//! list. One resource feeds both; its key is the URL query, where the filters live.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::api::posts::list_posts;
use crate::domain::{BBox, PostFilter, PostQuery};
use crate::i18n::t;
use crate::ui::components::announcement::Announcements;
use crate::ui::components::error_box::ErrorBox;
use crate::ui::components::filter_bar::{FilterBar, SearchBox};
use crate::ui::components::post_list::PostList;
use crate::ui::map::PostMap;

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    let query = use_query_map();
    let raw = Memo::new(move |_| {
        let q = query.read();
        PostQuery {
            category: q.get("category"),
            kind: q.get("kind"),
            sort: q.get("sort"),
            bbox: q.get("bbox"),
            place: q.get("place"),
            radius: q.get("radius"),
            q: q.get("q"),
            at: q.get("at"),
            page: q.get("page"),
            when: q.get("when"),
        }
    });
    // A wrong parameter is reported by the list; the filter bar then starts from scratch.
    let filter = Signal::derive(move || PostFilter::parse(&raw.get()).unwrap_or_default());
    let page = Resource::new(move || raw.get(), list_posts);

    let navigate = use_navigate();
    let on_moved = Callback::new(move |area: BBox| {
        let f = PostFilter { bbox: Some(area), ..filter.get_untracked().first_page() };
        navigate(&f.href(), NavigateOptions { replace: true, scroll: false, ..Default::default() });
    });
    // Around a place with no area of its own, the map opens on the area the server chose.
    let initial = Signal::derive(move || {
        let f = filter.get();
        match page.get() {
            Some(Ok(p)) if f.has_origin() && f.bbox.is_none() => p.area,
            _ => f.area(),
        }
    });
    // What asking for the position says, under the map.
    provide_context(crate::ui::geolocate::LocateStatus(RwSignal::new(String::new())));
    // While a new area or filter loads, the old list stays and is marked busy.
    let (loading, set_loading) = signal(false);
    // After a report that hid the post (its page is gone).
    let reported = query.read_untracked().get("signalee").is_some();

    view! {
        <Title text=t("home-title")/>
        <h1 class="visually-hidden">{t("home-heading")}</h1>
        {reported.then(|| view! {
            <div class="notice notice-page" role="status">
                <p>{t("home-reported")}</p>
            </div>
        })}
        <Announcements/>
        <SearchBox filter=filter/>
        <FilterBar filter=filter/>
        <div class="home">
            <section class="map-pane" aria-label=t("home-map")>
                <PostMap page=page initial=initial on_moved=on_moved filter=filter/>
            </section>
            <section
                class="list-pane"
                id="annonces"
                aria-labelledby="annonces-titre"
                tabindex="-1"
                aria-busy=move || loading.get().to_string()
            >
                <Transition
                    fallback=|| view! { <p class="loading">{t("list-loading")}</p> }
                    set_pending=set_loading
                >
                    {move || Suspend::new(async move {
                        match page.await {
                            Ok(p) => view! { <PostList page=p filter=filter/> }.into_any(),
                            Err(e) => view! { <ErrorBox error=e/> }.into_any(),
                        }
                    })}
                </Transition>
            </section>
        </div>
    }
}

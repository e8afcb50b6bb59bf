//! The filters: category chips (several at once), requests / offers / both, the days (today,
//! tomorrow, this week), and the order of the list.
//! Each choice is a link to the filtered URL, so filters work without JavaScript, can be shared,
//! and the back button undoes them.

use leptos::prelude::*;

use crate::domain::schedule::WhenFilter;
use crate::domain::{Category, PostFilter, PostKind, SortOrder};
use crate::i18n::{label, n, s, t, t_args};
use crate::ui::geolocate::LocateStatus;
use crate::ui::state::hydrated;

/// The filter bar for `filter`.
#[component]
pub fn FilterBar(filter: Signal<PostFilter>) -> impl IntoView {
    let chips = move || {
        let f = filter.get();
        Category::ALL
            .into_iter()
            .map(|c| {
                let on = f.categories.contains(&c);
                let href = f.toggled(c).href();
                view! {
                    <li>
                        <a class="chip" class:chip-on=on href=href aria-current=on.then_some("true")>
                            <span class="chip-icon" aria-hidden="true" style=format!("background:{}", c.colour())>
                                {c.icon()}
                            </span>
                            {label("category", c.slug())}
                            {on.then(|| view! { <span class="visually-hidden">{format!(" {}", t("filters-active"))}</span> })}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    let kinds = move || {
        let f = filter.get();
        [
            (None, "filters-all"),
            (Some(PostKind::Request), "filters-requests"),
            (Some(PostKind::Offer), "filters-offers"),
        ]
        .into_iter()
        .map(|(k, label)| {
            let on = f.kind == k;
            view! {
                <li>
                    <a class="seg" class:seg-on=on href=f.with_kind(k).href() aria-current=on.then_some("true")>
                        {t(label)}
                    </a>
                </li>
            }
        })
        .collect_view()
    };
    let days = move || {
        let f = filter.get();
        std::iter::once(None)
            .chain(WhenFilter::ALL.into_iter().map(Some))
            .map(|w| {
                let on = f.when == w;
                let id = match w {
                    None => "filters-when-any".to_owned(),
                    Some(w) => format!("filters-when-{}", w.slug()),
                };
                view! {
                    <li>
                        <a class="seg" class:seg-on=on href=f.with_when(w).href() aria-current=on.then_some("true")>
                            {t(&id)}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    let clear = move || {
        let f = filter.get();
        (!f.categories.is_empty() || f.kind.is_some() || f.when.is_some()).then(|| {
            let href = PostFilter { categories: vec![], kind: None, when: None, ..f.first_page() }.href();
            view! {
                <a class="clear-filters" href=href>
                    {t("filters-clear")}
                </a>
            }
        })
    };
    view! {
        <nav class="filters" aria-label=t("filters") on:click=answer_at_once()>
            <div class="filter-row">
                <ul class="segments" aria-label=t("filters-kind")>{kinds}</ul>
                {clear}
            </div>
            <ul class="segments segments-small segments-when" aria-label=t("filters-when")>{days}</ul>
            <ul class="chips" aria-label=t("filters-categories")>{chips}</ul>
        </nav>
    }
}

/// With JavaScript, a tap on a filter is answered within a frame, even on a slow phone: the
/// chip or segment shows its new state at once and the page follows in a task of its own, after
/// that paint (rather than the router re-rendering the bar and the list before anything is
/// shown). Without JavaScript, or with a modifier key (a new tab), the link is followed as
/// any link. Measured by `G6.filter_click_ms` (the tap's interaction to next paint).
fn answer_at_once() -> impl Fn(web_sys::MouseEvent) + 'static {
    use wasm_bindgen::JsCast;
    let navigate = leptos_router::hooks::use_navigate();
    move |ev: web_sys::MouseEvent| {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten());
        let Some((link, href)) = link.and_then(|l| l.get_attribute("href").map(|h| (l, h))) else {
            return;
        };
        if !href.starts_with('/') || href.starts_with("//") {
            return;
        }
        ev.prevent_default();
        let classes = link.class_list();
        if classes.contains("chip") {
            let _ = classes.toggle("chip-on");
        } else if classes.contains("seg") {
            let list = link.parent_element().and_then(|li| li.parent_element());
            if let Some(Ok(Some(on))) = list.map(|l| l.query_selector("a.seg-on")) {
                let _ = on.class_list().remove_1("seg-on");
            }
            let _ = classes.add_1("seg-on");
        }
        let options = leptos_router::NavigateOptions {
            replace: link.has_attribute("replace"),
            scroll: !link.has_attribute("noscroll"),
            ..Default::default()
        };
        let navigate = navigate.clone();
        // The next frame is painted with the new state; then the page follows.
        request_animation_frame(move || {
            set_timeout(move || navigate(&href, options), std::time::Duration::ZERO);
        });
    }
}

/// The order of the list: best match (with words), most recent, nearest to the place or the
/// position. Without either, "Plus proches de moi" asks the phone where it is (JavaScript only:
/// without it, the place box is the way).
#[component]
pub fn SortLinks(filter: Signal<PostFilter>) -> impl IntoView {
    let hydrated = hydrated();
    let status = LocateStatus::here();
    let links = move || {
        let f = filter.get();
        SortOrder::ALL
            .into_iter()
            .filter(|s| match s {
                SortOrder::Relevance => f.words.is_some(),
                SortOrder::Nearest => f.has_origin() || f.sort == SortOrder::Nearest,
                SortOrder::Recent => true,
            })
            .map(|s| {
                let on = f.sort == s;
                let href = f.sorted(s).href();
                let (short, long) = match s {
                    SortOrder::Recent => ("sort-recent-short", "sort-recent"),
                    SortOrder::Nearest => ("sort-nearest-short", "sort-nearest"),
                    SortOrder::Relevance => ("sort-relevance-short", "sort-relevance"),
                };
                view! {
                    <li>
                        <a class="seg" class:seg-on=on href=href aria-current=on.then_some("true") title=t(long)>
                            {t(short)}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    let near_me = move || {
        (hydrated.get() && !filter.get().has_origin()).then(|| {
            let go = move |_| LocateStatus::go_near(status, filter.get_untracked());
            view! {
                <li>
                    <button type="button" class="seg" title=t("sort-near-me") on:click=go>{t("sort-near-me-short")}</button>
                </li>
            }
        })
    };
    view! {
        <nav class="sort" aria-label=t("sort")>
            <ul class="segments segments-small">{links}{near_me}</ul>
        </nav>
    }
}

/// The search box: words, and a place (a commune or a postcode) with a radius, as a plain GET
/// form to the home page (it works without JavaScript; with it, the communes are suggested as
/// one types, and "Utiliser ma position" searches around the phone). The categories, kind and
/// a nearest-first order are kept; the area becomes the one around the place.
#[component]
pub fn SearchBox(filter: Signal<PostFilter>) -> impl IntoView {
    use crate::domain::filter::RADII_KM;
    use crate::domain::search::WORDS_MAX;
    use leptos_router::hooks::use_query_map;
    let query = use_query_map();
    // What was typed, even when it named no commune or no word (the list says why).
    let typed_place = move || query.read().get("place").unwrap_or_default();
    let typed_words = move || query.read().get("q").unwrap_or_default();
    let communes = RwSignal::new(Vec::<crate::domain::commune::CommuneRef>::new());
    let suggest = move |_| {
        if communes.with_untracked(Vec::is_empty) {
            leptos::task::spawn_local(async move {
                if let Ok(list) = crate::api::posts::list_communes().await {
                    communes.set(list);
                }
            });
        }
    };
    let kept = move || {
        let f = filter.get();
        let q = f.to_query();
        let sort = (f.sort == SortOrder::Nearest).then(|| SortOrder::Nearest.slug().to_owned());
        let at = if f.place.is_none() { q.at } else { None };
        [("category", q.category), ("kind", q.kind), ("when", q.when), ("sort", sort), ("at", at)]
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| view! { <input type="hidden" name=k value=v/> }))
            .collect_view()
    };
    let radius = move || filter.get().radius_km;
    let around = move || {
        let f = filter.get();
        let said = match (f.place.clone(), f.at, f.radius_km) {
            (Some(p), _, Some(km)) => t_args("place-within", &[("km", n(km as f64)), ("place", s(p))]),
            (Some(p), _, None) => t_args("place-around", &[("place", s(p))]),
            (None, Some(_), Some(km)) => t_args("place-within-me", &[("km", n(km as f64))]),
            (None, Some(_), None) => t("place-my-position"),
            (None, None, _) => return None,
        };
        Some(view! {
            <p class="place-now">
                <span>{said}</span>" "
                <a href=f.without_place().href()>{t("place-clear")}</a>
            </p>
        })
    };
    let hydrated = hydrated();
    let status = LocateStatus::here();
    let use_position = move |_| LocateStatus::go_near(status, filter.get_untracked());
    view! {
        <form class="place-box search-box" method="get" action="/" role="search" aria-label=t("search-box")>
            {kept}
            <div class="search-fields">
                <div class="search-field">
                    <label for="q">{t("words-label")}</label>
                    <input id="q" name="q" type="search" maxlength=WORDS_MAX.to_string() value=typed_words
                        placeholder=t("words-hint")/>
                </div>
                <div class="search-field">
                    <label for="place">{t("place-label")}</label>
                    <div class="place-row">
                        <input id="place" name="place" type="search" list="place-communes" autocomplete="address-level2"
                            maxlength="80" value=typed_place on:focus=suggest/>
                        <label class="visually-hidden" for="place-radius">{t("place-radius")}</label>
                        <select id="place-radius" name="radius">
                            <option value="" selected=move || radius().is_none()>{t("place-radius-any")}</option>
                            {RADII_KM
                                .into_iter()
                                .map(|km| view! {
                                    <option value=km.to_string() selected=move || radius() == Some(km)>
                                        {t_args("place-radius-km", &[("km", n(km as f64))])}
                                    </option>
                                })
                                .collect_view()}
                        </select>
                    </div>
                </div>
                <div class="search-actions">
                    <button type="submit" class="btn btn-small">{t("place-search")}</button>
                    // In place from the start, hidden until the page is hydrated (it needs JavaScript):
                    // appearing later, it pushed the filters and the map down (a layout shift of
                    // 0.034 on a phone). Without JavaScript it takes no room (`needs-js`).
                    <button type="button" class="btn btn-small btn-secondary needs-js" on:click=use_position
                        style:visibility=move || (!hydrated.get()).then_some("hidden")>
                        <span aria-hidden="true">"◎ "</span>{t("place-use-position")}
                    </button>
                </div>
            </div>
            <datalist id="place-communes">
                {move || communes.get().into_iter().map(|c| view! { <option value=c.label()></option> }).collect_view()}
            </datalist>
            {around}
        </form>
    }
}

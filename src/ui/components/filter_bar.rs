//! The filters: category chips (several at once), requests / offers / both, and the order of
//! the list.
//! Each choice is a link to the filtered URL, so filters work without JavaScript, can be shared,
//! and the back button undoes them.

use leptos::prelude::*;

use crate::domain::{Category, PostFilter, PostKind, SortOrder};
use crate::i18n::{label, n, s, t, t_args};

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
    let clear = move || {
        let f = filter.get();
        (!f.categories.is_empty() || f.kind.is_some()).then(|| {
            let href = PostFilter { categories: vec![], kind: None, ..f }.href();
            view! {
                <a class="clear-filters" href=href>
                    {t("filters-clear")}
                </a>
            }
        })
    };
    view! {
        <nav class="filters" aria-label=t("filters")>
            <div class="filter-row">
                <ul class="segments" aria-label=t("filters-kind")>{kinds}</ul>
                {clear}
            </div>
            <ul class="chips" aria-label=t("filters-categories")>{chips}</ul>
        </nav>
    }
}

/// The order of the list: most recent, or nearest to the centre of the map.
#[component]
pub fn SortLinks(filter: Signal<PostFilter>) -> impl IntoView {
    let links = move || {
        let f = filter.get();
        SortOrder::ALL
            .into_iter()
            .map(|s| {
                let on = f.sort == s;
                let href = PostFilter { sort: s, ..f.clone() }.href();
                let (short, long) = match s {
                    SortOrder::Recent => ("sort-recent-short", "sort-recent"),
                    SortOrder::Nearest => ("sort-nearest-short", "sort-nearest"),
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
    view! {
        <nav class="sort" aria-label=t("sort")>
            <ul class="segments segments-small">{links}</ul>
        </nav>
    }
}

/// The place box: a commune or a postcode, and a radius, as a plain GET form to the home page
/// (it works without JavaScript; with it, the communes are suggested as one types). The
/// categories, kind and order chosen are kept; the area becomes the one around the place.
#[component]
pub fn PlaceBox(filter: Signal<PostFilter>) -> impl IntoView {
    use crate::domain::filter::RADII_KM;
    use leptos_router::hooks::use_query_map;
    let query = use_query_map();
    // What was typed, even when it named no commune (the list says why).
    let typed = move || query.read().get("place").unwrap_or_default();
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
        let q = filter.get().to_query();
        [("category", q.category), ("kind", q.kind), ("sort", q.sort)]
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| view! { <input type="hidden" name=k value=v/> }))
            .collect_view()
    };
    let radius = move || filter.get().radius_km;
    let around = move || {
        let f = filter.get();
        f.place.clone().map(|p| {
            let said = match f.radius_km {
                Some(km) => t_args("place-within", &[("km", n(km as f64)), ("place", s(p))]),
                None => t_args("place-around", &[("place", s(p))]),
            };
            view! {
                <p class="place-now">
                    <span>{said}</span>" "
                    <a href=f.without_place().href()>{t("place-clear")}</a>
                </p>
            }
        })
    };
    view! {
        <form class="place-box" method="get" action="/" role="search" aria-label=t("place-box")>
            {kept}
            <label for="place">{t("place-label")}</label>
            <div class="place-row">
                <input id="place" name="place" type="search" list="place-communes" autocomplete="address-level2"
                    maxlength="80" value=typed on:focus=suggest/>
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
                <button type="submit" class="btn btn-small">{t("place-search")}</button>
            </div>
            <datalist id="place-communes">
                {move || communes.get().into_iter().map(|c| view! { <option value=c.label()></option> }).collect_view()}
            </datalist>
            {around}
        </form>
    }
}

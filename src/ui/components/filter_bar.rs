//! The filters: category chips (several at once), requests / offers / both, and the order of
//! the list.
//! Each choice is a link to the filtered URL, so filters work without JavaScript, can be shared,
//! and the back button undoes them.

use leptos::prelude::*;

use crate::domain::{Category, PostFilter, PostKind, SortOrder};
use crate::i18n::{label, t};

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

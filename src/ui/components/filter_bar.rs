//! The filters: category chips (several at once), requests / offers / both, and the order of
//! the list.
//! Each choice is a link to the filtered URL, so filters work without JavaScript, can be shared,
//! and the back button undoes them.

use leptos::prelude::*;

use crate::domain::{Category, PostFilter, PostKind, SortOrder};

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
                            {c.label_fr()}
                            {on.then(|| view! { <span class="visually-hidden">" (filtre actif, retirer)"</span> })}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    let kinds = move || {
        let f = filter.get();
        [(None, "Tout"), (Some(PostKind::Request), "Demandes"), (Some(PostKind::Offer), "Offres")]
            .into_iter()
            .map(|(k, label)| {
                let on = f.kind == k;
                view! {
                    <li>
                        <a class="seg" class:seg-on=on href=f.with_kind(k).href() aria-current=on.then_some("true")>
                            {label}
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
                    "Effacer les filtres"
                </a>
            }
        })
    };
    view! {
        <nav class="filters" aria-label="Filtres des annonces">
            <div class="filter-row">
                <ul class="segments" aria-label="Type d'annonce">{kinds}</ul>
                {clear}
            </div>
            <ul class="chips" aria-label="Catégories">{chips}</ul>
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
                let label = match s {
                    SortOrder::Recent => "Plus récentes",
                    SortOrder::Nearest => "Plus proches",
                };
                view! {
                    <li>
                        <a class="seg" class:seg-on=on href=href aria-current=on.then_some("true") title=s.label_fr()>
                            {label}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <nav class="sort" aria-label="Ordre de la liste">
            <ul class="segments segments-small">{links}</ul>
        </nav>
    }
}

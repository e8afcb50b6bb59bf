//! The maps. They are drawn in the browser only, after hydration: the server renders a
//! same-size placeholder, and the list beside the map is the server-rendered content (and the
//! text alternative of the map). They hold no data of their own: they draw what they are given.

mod leaflet_view;

use leptos::html::Div;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::{BBox, LatLng};
use crate::error::AppError;
use crate::i18n::t;
use crate::wire::posts::PostPage;
use leaflet_view::MapView;

/// The tile server and its attribution, set by the operator (see `entraide serve --help`).
/// The server writes them into the page's `<meta>` tags; the map reads them from there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TileSettings {
    pub url: String,
    /// HTML, from the operator's configuration.
    pub attribution: String,
}

/// `<meta>` names carrying the tile settings into the page.
pub const META_TILE_URL: &str = "entraide:tile-url";
pub const META_TILE_ATTRIBUTION: &str = "entraide:tile-attribution";

/// Creates a map with `make` once its element is in the page (browser only), tells `on_error`
/// in French if it cannot, and frees the map when the component goes.
fn mount(
    node: NodeRef<Div>,
    make: impl Fn(&web_sys::HtmlElement) -> Result<MapView, String> + 'static,
    on_error: impl Fn(String) + 'static,
) -> StoredValue<Option<MapView>, LocalStorage> {
    let handle = StoredValue::new_local(None::<MapView>);
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        if handle.with_value(Option::is_some) {
            return;
        }
        match make(&el) {
            Ok(v) => handle.set_value(Some(v)),
            Err(m) => on_error(m),
        }
    });
    on_cleanup(move || {
        handle.with_value(|v| {
            if let Some(v) = v {
                v.remove();
            }
        })
    });
    handle
}

/// Renders `children` only in the browser, after hydration; `fallback` (a same-size placeholder)
/// on the server and until then. The maps keep browser objects in thread-local storage, which
/// must never be created while rendering on the server's multi-threaded runtime.
#[component]
fn ClientOnly(#[prop(into)] fallback: ViewFn, children: ChildrenFn) -> impl IntoView {
    let mounted = crate::ui::state::hydrated();
    view! { <Show when=move || mounted.get() fallback=fallback>{children()}</Show> }
}

/// The home page's map: one pin per post of `page`, or one count bubble per cell of its grid
/// when the area holds too many posts to pin; moving it calls `on_moved` with the new
/// area (debounced), and "Autour de moi" asks the browser for its position and opens the
/// list around it.
#[component]
pub fn PostMap(
    page: Resource<Result<PostPage, AppError>>,
    /// The area to show first.
    initial: Signal<BBox>,
    on_moved: Callback<BBox>,
    /// The filter "Autour de moi" keeps while it searches around the phone.
    filter: Signal<crate::domain::PostFilter>,
) -> impl IntoView {
    view! {
        <div class="map-wrap">
            <ClientOnly fallback=|| view! { <div class="map map-placeholder" aria-hidden="true"></div> }>
                <LivePostMap page=page initial=initial on_moved=on_moved filter=filter/>
            </ClientOnly>
        </div>
    }
}

#[component]
fn LivePostMap(
    page: Resource<Result<PostPage, AppError>>,
    /// The area to show first.
    initial: Signal<BBox>,
    on_moved: Callback<BBox>,
    filter: Signal<crate::domain::PostFilter>,
) -> impl IntoView {
    let node = NodeRef::<Div>::new();
    // The page's status when it has one (the other ways to ask for the position say it there).
    let page_status = crate::ui::geolocate::LocateStatus::here();
    let status = page_status.map(|s| s.0).unwrap_or_else(|| RwSignal::new(String::new()));
    let set_status = status.write_only();
    let (ready, set_ready) = signal(false);
    let view_handle = mount(
        node,
        move |el| {
            let v = MapView::new(el, initial.get_untracked(), true)?;
            v.on_moved(move |b| on_moved.run(b));
            set_ready.set(true);
            Ok(v)
        },
        move |m| set_status.set(m),
    );
    Effect::new(move |_| {
        let posts = page.get();
        if !ready.get() {
            return;
        }
        if let Some(Ok(p)) = posts {
            view_handle.with_value(|v| match (v, p.grid) {
                (Some(v), Some(grid)) => v.show_cells(&p.cells, grid),
                (Some(v), None) => v.show(&p.posts, p.now),
                (None, _) => {}
            });
        }
    });

    // Around the phone: the list nearest first, with distances, and the map on the area.
    let locate = move |_| crate::ui::geolocate::LocateStatus::go_near(page_status, filter.get_untracked());

    view! {
        <div
            class="map"
            node_ref=node
            role="region"
            aria-label=t("map-posts")
        ></div>
        <Show when=move || ready.get()>
            <button type="button" class="btn near-me" on:click=locate>
                <span aria-hidden="true">"◎ "</span>
                {t("map-around-me")}
            </button>
        </Show>
        <p class="map-status" role="status" aria-live="polite">{move || status.get()}</p>
    }
}

/// A small map centred on one public point (the post page).
#[component]
pub fn PointMap(point: LatLng, category: crate::domain::Category, label: String) -> impl IntoView {
    let label = StoredValue::new(label);
    view! {
        <ClientOnly fallback=|| view! { <div class="map map-small map-placeholder" aria-hidden="true"></div> }>
            <LivePointMap point=point category=category label=label.get_value()/>
        </ClientOnly>
    }
}

#[component]
fn LivePointMap(point: LatLng, category: crate::domain::Category, label: String) -> impl IntoView {
    let node = NodeRef::<Div>::new();
    // Without the map, the commune and the text say where: nothing to report.
    mount(node, move |el| MapView::around(el, point, category, &label), |_| ());
    view! {
        <div
            class="map map-small"
            node_ref=node
            // A group, not an image: it holds the tile credits' links.
            role="group"
            aria-label=t("map-post")
        ></div>
    }
}

/// Choosing a place on a map (the "Publier" form): a tap or "Utiliser ma position" puts a pin
/// that can be dragged; `on_pick` receives the point. Drawn in the browser only: without
/// JavaScript the commune field is the way to say where.
#[component]
pub fn LocationPicker(
    /// Read once, when the map is drawn (a draft kept on the device may set it first).
    initial: Signal<Option<LatLng>>,
    on_pick: Callback<LatLng>,
) -> impl IntoView {
    view! {
        <ClientOnly fallback=|| ()>
            <LivePicker initial=initial on_pick=on_pick/>
        </ClientOnly>
    }
}

#[component]
fn LivePicker(initial: Signal<Option<LatLng>>, on_pick: Callback<LatLng>) -> impl IntoView {
    let node = NodeRef::<Div>::new();
    let (status, set_status) = signal(String::new());
    let view_handle = mount(
        node,
        move |el| MapView::picker(el, initial.get_untracked(), move |p| on_pick.run(p)),
        move |m| set_status.set(m),
    );
    let locate = move |_| {
        set_status.set(t("map-locating"));
        view_handle.with_value(|v| {
            if let Some(v) = v {
                v.locate(move |r| match r {
                    Ok(()) => set_status.set(t("map-pin-placed")),
                    Err(m) => set_status.set(m),
                });
            }
        });
    };
    view! {
        <div class="picker">
            <p class="hint" id="picker-hint">
                {t("map-picker-hint")}
            </p>
            <button type="button" class="btn btn-small btn-secondary" on:click=locate>{t("map-use-my-position")}</button>
            <div class="map map-picker" node_ref=node role="region" aria-label=t("map-picker") aria-describedby="picker-hint"></div>
            <p class="map-status" role="status" aria-live="polite">{move || status.get()}</p>
        </div>
    }
}

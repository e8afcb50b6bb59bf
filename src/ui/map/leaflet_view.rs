//! The thin layer over Leaflet (through the `leaflet` crate's bindings). Runs in the browser
//! only: it is called from effects and event handlers, never while rendering on the server.
//! Popups are built as DOM nodes with text content, never from HTML strings.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use leaflet::{
    DivIconOptions, Icon, LatLng as LLatLng, LatLngBounds, LayerGroup, LocateOptions, Map, MapOptions, Marker,
    MarkerOptions, MouseEvents, Point, TileLayer, TileLayerOptions, Zoom, ZoomOptions,
};
use wasm_bindgen::prelude::{wasm_bindgen, Closure};
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use web_sys::{Document, HtmlElement};

use super::{TileSettings, META_TILE_ATTRIBUTION, META_TILE_URL};
use crate::domain::grid::Grid;
use crate::domain::{BBox, Category, LatLng};
use crate::i18n::{label, n, relative, t, t_args};
use crate::wire::posts::{CellCount, PostSummary};

/// Wait after the map stops moving before asking for the new area.
const MOVE_DEBOUNCE_MS: u32 = 350;

/// A Leaflet map with a layer of post pins.
pub struct MapView {
    map: Map,
    pins: LayerGroup,
    /// Told how the last "Autour de moi" went; the Leaflet handlers are registered once.
    located: Rc<RefCell<Option<LocateDone>>>,
    /// The debounced "moved" call waiting to run: cancelled when the map is removed (it would
    /// read the bounds of a map that no longer exists).
    pending_move: Rc<RefCell<Option<Timeout>>>,
    /// False once removed: late Leaflet events must not touch the map.
    alive: Rc<std::cell::Cell<bool>>,
    /// The posts pinned now, with their markers (empty while count bubbles are shown). A new
    /// page of posts only replaces the pins that changed, so an open popup stays open when the
    /// map moves (its own panning asks for the new area) or the same posts load again.
    shown: RefCell<Vec<(PostSummary, Marker)>>,
}

type LocateDone = Box<dyn Fn(Result<(), String>)>;

fn document() -> Result<Document, String> {
    web_sys::window().and_then(|w| w.document()).ok_or_else(|| t("map-unavailable"))
}

/// Whether the system asks for reduced motion (`prefers-reduced-motion: reduce`).
fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// The tile settings written by the server into the page.
fn tile_settings(doc: &Document) -> Option<TileSettings> {
    let meta = |name: &str| {
        doc.query_selector(&format!("meta[name=\"{name}\"]")).ok().flatten().and_then(|m| m.get_attribute("content"))
    };
    Some(TileSettings { url: meta(META_TILE_URL)?, attribution: meta(META_TILE_ATTRIBUTION).unwrap_or_default() })
}

fn leaflet_loaded() -> bool {
    web_sys::window().and_then(|w| js_sys::Reflect::get(&w, &"L".into()).ok()).is_some_and(|l| !l.is_undefined())
}

fn bounds(b: BBox) -> LatLngBounds {
    LatLngBounds::new(&LLatLng::new(b.south, b.west), &LLatLng::new(b.north, b.east))
}

#[wasm_bindgen]
extern "C" {
    /// `L.divIcon(options)`. (The `leaflet` crate's `DivIcon::new` builds an `L.Icon`, which
    /// throws "iconUrl not set".)
    #[wasm_bindgen(js_namespace = L, js_name = divIcon)]
    fn div_icon(options: &DivIconOptions) -> Icon;
}

fn pin_icon(category: Category, faded: bool) -> Icon {
    let opts = DivIconOptions::new();
    // Built from the domain's constants only: no user text in this HTML.
    opts.set_html(format!(
        "<span class=\"pin{}\" style=\"background:{}\" aria-hidden=\"true\">{}</span>",
        if faded { " pin-faded" } else { "" },
        category.colour(),
        category.icon()
    ));
    opts.set_class_name("pin-icon".into());
    opts.set_icon_size(Point::new(44.0, 44.0));
    opts.set_icon_anchor(Point::new(22.0, 22.0));
    opts.set_popup_anchor(Point::new(0.0, -20.0));
    div_icon(&opts)
}

/// A count bubble: its size grows with the count's number of digits (at least 44 px, a touch
/// target).
fn count_icon(count: i64) -> Icon {
    let opts = DivIconOptions::new();
    let size = match count {
        ..=999 => 44.0,
        1_000..=9_999 => 52.0,
        _ => 60.0,
    };
    let label = if count >= 10_000 { format!("{} k", count / 1000) } else { count.to_string() };
    // A number only: no user text in this HTML.
    opts.set_html(format!("<span class=\"cell-count\" aria-hidden=\"true\">{label}</span>"));
    opts.set_class_name("cell-icon".into());
    opts.set_icon_size(Point::new(size, size));
    opts.set_icon_anchor(Point::new(size / 2.0, size / 2.0));
    div_icon(&opts)
}

impl MapView {
    fn base(el: &HtmlElement, interactive: bool) -> Result<Map, String> {
        let doc = document()?;
        if !leaflet_loaded() {
            return Err(t("map-not-loaded"));
        }
        let tiles = tile_settings(&doc).ok_or_else(|| t("map-not-configured"))?;
        let opts = MapOptions::new();
        opts.set_keyboard(true);
        if prefers_reduced_motion() {
            // No zoom, fade or throw animations for people who asked their system for less motion.
            opts.set_zoom_animation(false);
            opts.set_fade_animation(false);
            opts.set_marker_zoom_animation(false);
            opts.set_inertia(false);
        }
        if !interactive {
            opts.set_dragging(false);
            opts.set_scroll_wheel_zoom(false);
            opts.set_touch_zoom(false);
            opts.set_box_zoom(false);
            opts.set_keyboard(false);
            opts.set_double_click_zoom(false.into());
        }
        // Leaflet's own zoom buttons are titled in English: ours, in French.
        opts.set_zoom_control(false);
        let map = Map::new_with_element(el, &opts).map_err(|_| t("map-not-created"))?;
        if interactive {
            let mut zoom = ZoomOptions::new();
            zoom.set_zoom_in_title(&t("map-zoom-in"));
            zoom.set_zoom_out_title(&t("map-zoom-out"));
            Zoom::new(&zoom).add_to(&map);
        }
        let tile_opts = TileLayerOptions::new();
        tile_opts.set_attribution(tiles.attribution);
        tile_opts.set_max_zoom(19.0);
        TileLayer::new_options(&tiles.url, &tile_opts).add_to(&map);
        Ok(map)
    }

    /// A browsable map showing `area`.
    pub fn new(el: &HtmlElement, area: BBox, interactive: bool) -> Result<MapView, String> {
        let map = Self::base(el, interactive)?;
        map.fit_bounds(&bounds(area));
        let pins = LayerGroup::new();
        pins.add_to(&map);
        let located: Rc<RefCell<Option<LocateDone>>> = Rc::default();
        let (found, failed) = (located.clone(), located.clone());
        map.on_location_found(Box::new(move |_| {
            if let Some(done) = found.borrow().as_ref() {
                done(Ok(()));
            }
        }));
        map.on_location_error(Box::new(move |e| {
            let message = match e.code() {
                1 => t("map-locate-denied"),
                3 => t("map-locate-timeout"),
                _ => t("map-locate-failed"),
            };
            if let Some(done) = failed.borrow().as_ref() {
                done(Err(message));
            }
        }));
        Ok(MapView {
            map,
            pins,
            located,
            pending_move: Rc::default(),
            alive: Rc::new(std::cell::Cell::new(true)),
            shown: RefCell::default(),
        })
    }

    /// A fixed map around one point with its pin.
    pub fn around(el: &HtmlElement, p: LatLng, category: Category, label: &str) -> Result<MapView, String> {
        let map = Self::base(el, false)?;
        map.set_view(&LLatLng::new(p.lat, p.lon), 14.0);
        let pins = LayerGroup::new();
        pins.add_to(&map);
        let opts = MarkerOptions::new();
        opts.set_icon(pin_icon(category, false));
        opts.set_title(label.to_owned());
        opts.set_keyboard(false);
        opts.set_interactive(false);
        Marker::new_with_options(&LLatLng::new(p.lat, p.lon), &opts).add_to_layer_group(&pins);
        Ok(MapView {
            map,
            pins,
            located: Rc::default(),
            pending_move: Rc::default(),
            alive: Rc::new(std::cell::Cell::new(true)),
            shown: RefCell::default(),
        })
    }

    /// A map to choose a place: a tap puts a pin (which can be dragged), and `on_pick` is told
    /// the new point. Starts at `initial` if given, else on the whole département.
    pub fn picker(
        el: &HtmlElement,
        initial: Option<LatLng>,
        on_pick: impl Fn(LatLng) + 'static,
    ) -> Result<MapView, String> {
        use leaflet::DragEvents;
        let view = Self::new(el, BBox::HAUT_RHIN, true)?;
        let pin: Rc<RefCell<Option<Marker>>> = Rc::default();
        let on_pick = Rc::new(on_pick);
        let place = {
            let (pins, pin, on_pick) = (view.pins.clone(), pin.clone(), on_pick.clone());
            move |p: LatLng, tell: bool| {
                let ll = LLatLng::new(p.lat, p.lon);
                let existing = pin.borrow().clone();
                match existing {
                    Some(m) => m.set_lat_lng(&ll),
                    None => {
                        let opts = MarkerOptions::new();
                        opts.set_draggable(true);
                        opts.set_keyboard(true);
                        opts.set_title(t("map-pin"));
                        opts.set_alt(t("map-pin"));
                        let m = Marker::new_with_options(&ll, &opts);
                        let on_pick = on_pick.clone();
                        let dragged = m.clone();
                        m.on_drag_end(Box::new(move |_| {
                            let at = dragged.get_lat_lng();
                            on_pick(LatLng { lat: at.lat(), lon: at.lng() });
                        }));
                        m.add_to_layer_group(&pins);
                        *pin.borrow_mut() = Some(m);
                    }
                }
                if tell {
                    on_pick(p);
                }
            }
        };
        if let Some(p) = initial {
            place(p, false);
            view.map.set_view(&LLatLng::new(p.lat, p.lon), 15.0);
        }
        let place = Rc::new(place);
        {
            let place = place.clone();
            view.map.on_mouse_click(Box::new(move |e| {
                let at = e.lat_lng();
                place(LatLng { lat: at.lat(), lon: at.lng() }, true);
            }));
        }
        {
            let (place, map) = (place.clone(), view.map.clone());
            view.map.on_location_found(Box::new(move |e| {
                let at = e.lat_lng();
                place(LatLng { lat: at.lat(), lon: at.lng() }, true);
                map.set_view(&at, 16.0);
            }));
        }
        Ok(view)
    }

    /// Pins `posts`: the pins of posts that are gone or changed are removed, new ones added, the
    /// others (and an open popup) left as they are.
    pub fn show(&self, posts: &[PostSummary], now: i64) {
        let mut shown = self.shown.borrow_mut();
        if shown.is_empty() {
            // Count bubbles (or nothing) were shown.
            self.pins.clear_layers();
        }
        shown.retain(|(p, marker)| {
            let keep = posts.contains(p);
            if !keep {
                self.pins.remove_layer(marker);
            }
            keep
        });
        let Ok(doc) = document() else { return };
        for p in posts {
            if shown.iter().any(|(q, _)| q == p) {
                continue;
            }
            let opts = MarkerOptions::new();
            opts.set_icon(pin_icon(p.category, !matches!(p.status, crate::domain::PostStatus::Published)));
            opts.set_title(format!("{} — {}", label("category", p.category.slug()), p.title));
            opts.set_keyboard(true);
            opts.set_rise_on_hover(true);
            let marker = Marker::new_with_options(&LLatLng::new(p.point.lat, p.point.lon), &opts);
            if let Some(content) = popup(&doc, p, now) {
                self.leave_by(&content);
                marker.bind_popup_with_options(&content, &wasm_bindgen::JsValue::UNDEFINED);
            }
            marker.add_to_layer_group(&self.pins);
            shown.push((p.clone(), marker));
        }
    }

    /// Replaces the pins with one bubble per cell saying how many posts it holds; a click (or
    /// Enter on the focused bubble) zooms on the cell, which then shows fewer posts.
    pub fn show_cells(&self, cells: &[CellCount], grid: Grid) {
        self.shown.borrow_mut().clear();
        self.pins.clear_layers();
        for c in cells {
            let opts = MarkerOptions::new();
            opts.set_icon(count_icon(c.count));
            opts.set_title(t_args("map-cell", &[("count", n(c.count as f64))]));
            opts.set_keyboard(true);
            opts.set_rise_on_hover(true);
            let marker = Marker::new_with_options(&LLatLng::new(c.centre.lat, c.centre.lon), &opts);
            let (map, cell, alive) = (self.map.clone(), grid.cell_bounds(c.cx, c.cy), self.alive.clone());
            let zoom = Rc::new(move || {
                if alive.get() {
                    map.fit_bounds(&bounds(cell));
                }
            });
            let by_click = zoom.clone();
            marker.on_click(Box::new(move |_| by_click()));
            // Leaflet turns Enter on a focused marker into a `keypress` event, not a click.
            let on_key = Closure::<dyn Fn(JsValue)>::new(move |e: JsValue| {
                let key = js_sys::Reflect::get(&e, &"originalEvent".into())
                    .and_then(|o| js_sys::Reflect::get(&o, &"key".into()))
                    .ok()
                    .and_then(|k| k.as_string());
                if matches!(key.as_deref(), Some("Enter" | " ")) {
                    zoom();
                }
            });
            marker.on("keypress", &on_key.into_js_value());
            marker.add_to_layer_group(&self.pins);
        }
    }

    /// A click on a link of `content` leaves the page: the move still waiting (the popup's own
    /// panning, 350 ms) is dropped, or it would bring the page back to the map's new area while
    /// the post's page loads (seen: « Voir l'annonce » led back to the map). A click that opens
    /// a new tab leaves nothing.
    fn leave_by(&self, content: &HtmlElement) {
        let pending = self.pending_move.clone();
        let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |e: web_sys::MouseEvent| {
            let on_link = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest("a[href]").ok().flatten())
                .is_some();
            let new_tab = e.button() != 0 || e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key();
            if on_link && !new_tab {
                pending.borrow_mut().take();
            }
        })
        .into_js_value();
        let _ = content.add_event_listener_with_callback("click", on_click.unchecked_ref());
    }

    /// Calls `f` with the visible area once the map has stopped moving.
    pub fn on_moved(&self, f: impl Fn(BBox) + 'static) {
        let map = self.map.clone();
        let pending = self.pending_move.clone();
        let alive = self.alive.clone();
        let f = Rc::new(f);
        self.map.on_move_end(Box::new(move |_| {
            if !alive.get() {
                return;
            }
            let (map, f, alive) = (map.clone(), f.clone(), alive.clone());
            // Replacing the timeout drops (cancels) the previous one.
            *pending.borrow_mut() = Some(Timeout::new(MOVE_DEBOUNCE_MS, move || {
                if !alive.get() {
                    return;
                }
                let b = map.get_bounds();
                let (sw, ne) = (b.get_south_west(), b.get_north_east());
                f(BBox {
                    west: sw.lng().max(-180.0),
                    south: sw.lat().max(-90.0),
                    east: ne.lng().min(180.0),
                    north: ne.lat().min(90.0),
                });
            }));
        }));
    }

    /// Centres the map on the browser's position; `done` says how it went, in French.
    pub fn locate(&self, done: impl Fn(Result<(), String>) + 'static) {
        *self.located.borrow_mut() = Some(Box::new(done));
        let mut opts = LocateOptions::new();
        opts.set_view(true).max_zoom(15.0).timeout(10_000.0);
        self.map.locate_with_options(&opts);
    }

    /// Frees the map (the page is being left).
    pub fn remove(&self) {
        self.alive.set(false);
        self.pending_move.borrow_mut().take();
        self.map.remove();
    }
}

/// The popup of a pin: title, category and kind, commune and date, and a link to the post.
fn popup(doc: &Document, p: &PostSummary, now: i64) -> Option<HtmlElement> {
    let el = |tag: &str, class: &str, text: &str| -> Option<web_sys::Element> {
        let e = doc.create_element(tag).ok()?;
        if !class.is_empty() {
            e.set_class_name(class);
        }
        e.set_text_content(Some(text));
        Some(e)
    };
    let root = doc.create_element("div").ok()?;
    root.set_class_name("popup");
    let meta1 = format!("{} · {}", label("category", p.category.slug()), label("kind", p.kind.slug()));
    let meta2 = format!("{} · {}", p.commune, relative(now, p.created_at));
    for child in [el("p", "popup-title", &p.title)?, el("p", "popup-meta", &meta1)?, el("p", "popup-meta", &meta2)?] {
        root.append_child(&child).ok()?;
    }
    let a = el("a", "popup-link", &t("map-see-post"))?;
    a.set_attribute("href", &format!("/posts/{}", p.id)).ok()?;
    root.append_child(&a).ok()?;
    root.dyn_into::<HtmlElement>().ok()
}

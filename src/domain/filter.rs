//! What the person asked to see: categories, requests or offers, the order, the area, a place
//! typed in the search box (a commune or a postcode) or their own position, with a radius
//! around it, words to search for, the days (today, tomorrow, this week), and which page of a
//! long list.
//! `PostQuery` is the raw text of the URL query (and of the API's query string); `PostFilter`
//! is the parsed, valid form. Filters live in the URL, so a filtered view is shareable.

use serde::{Deserialize, Serialize};

use super::{BBox, Category, PostKind};
use crate::error::FieldErrors;
use crate::i18n::Msg;

/// How the list is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SortOrder {
    /// Most recent first (the default without words).
    #[default]
    Recent,
    /// Nearest first: to the place searched or the person's position (for the API, without
    /// either, to the centre of the area).
    Nearest,
    /// Best match of the words first, then most recent (the default with words).
    Relevance,
}

impl SortOrder {
    pub const ALL: [SortOrder; 3] = [SortOrder::Relevance, SortOrder::Recent, SortOrder::Nearest];

    pub fn slug(self) -> &'static str {
        match self {
            SortOrder::Recent => "recent",
            SortOrder::Nearest => "nearest",
            SortOrder::Relevance => "relevance",
        }
    }
}
slug_parse_display!(SortOrder);

/// The URL query as typed: every field optional text. Categories are comma-separated slugs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PostQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bbox: Option<String>,
    /// A commune or a postcode, as typed in the place box.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Kilometres around the place (`RADII_KM`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub radius: Option<String>,
    /// Words to search for in titles and descriptions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    /// The person's own position, `lat,lon` (used when no place is typed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// Which page of a long list, from 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// The days: `today`, `tomorrow` or `week` (what happens then, `schedule::WhenFilter`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
}

/// The radii of the place box, in km.
pub const RADII_KM: [u32; 5] = [1, 2, 5, 10, 20];
/// The longest place one may type.
pub const PLACE_MAX: usize = 80;
/// The last page of a long list one may ask for (`LIST_WHEN_AGGREGATED` posts a page).
pub const PAGE_MAX: u32 = 200;
/// Decimals kept of a person's position: about 100 m, the precision of the distances shown.
const AT_DECIMALS: f64 = 1_000.0;

/// A valid filter.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PostFilter {
    /// Categories to show; empty means all.
    pub categories: Vec<Category>,
    /// Requests only, offers only, or both (`None`).
    pub kind: Option<PostKind>,
    pub sort: SortOrder,
    /// The area; `None` means the whole département (or, with a place, the area around it).
    pub bbox: Option<BBox>,
    /// The place typed (trimmed), to be found among the communes by the server.
    pub place: Option<String>,
    /// Only posts within this many km of the place (or of the position).
    pub radius_km: Option<u32>,
    /// Words to search for (trimmed, as typed); `terms()` are what is searched.
    pub words: Option<String>,
    /// The person's position, to about 100 m; a place typed wins over it.
    pub at: Option<super::LatLng>,
    /// Which page of a long list, from 0 (the URL's `page` is one more).
    pub page_index: u32,
    /// Only posts happening on these days (posts without a date are left out).
    pub when: Option<super::schedule::WhenFilter>,
    /// Where the place (or the position) is, once the server found it: distances and
    /// "nearest" are from here. Never read from the URL.
    #[serde(default, skip)]
    pub near: Option<super::LatLng>,
}

fn non_empty(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl PostFilter {
    /// Parses the query, naming each wrong parameter.
    pub fn parse(q: &PostQuery) -> Result<PostFilter, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut f = PostFilter::default();
        if let Some(raw) = non_empty(&q.category) {
            for slug in raw.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                match slug.parse::<Category>() {
                    Ok(c) if !f.categories.contains(&c) => f.categories.push(c),
                    Ok(_) => {}
                    Err(_) => errors.push(
                        "category",
                        Msg::new("filter-category-unknown")
                            .text("value", slug)
                            .text("known", Category::ALL.map(|c| c.slug()).join(", ")),
                    ),
                }
            }
            f.categories.sort();
        }
        match non_empty(&q.kind) {
            None | Some("all") => {}
            Some(k) => match k.parse::<PostKind>() {
                Ok(k) => f.kind = Some(k),
                Err(_) => errors.push("kind", Msg::new("filter-kind-unknown").text("value", k)),
            },
        }
        if let Some(w) = non_empty(&q.q) {
            let count = w.chars().count();
            if count > super::search::WORDS_MAX {
                errors.push("q", super::too_long("filter-words-too-long", count, super::search::WORDS_MAX));
            } else if super::search::terms(w).is_empty() {
                errors.push("q", Msg::new("filter-words-none").text("value", w));
            } else {
                f.words = Some(w.to_owned());
            }
        }
        f.sort = f.default_sort();
        if let Some(s) = non_empty(&q.sort) {
            match s.parse::<SortOrder>() {
                // Without words there is nothing to rank: a shared link keeps working.
                Ok(SortOrder::Relevance) => {}
                Ok(s) => f.sort = s,
                Err(_) => errors.push("sort", Msg::new("filter-sort-unknown").text("value", s)),
            }
        }
        if let Some(b) = non_empty(&q.bbox) {
            match BBox::parse(b) {
                Ok(b) => f.bbox = Some(b),
                Err(m) => errors.push("bbox", m),
            }
        }
        if let Some(p) = non_empty(&q.place) {
            if p.chars().count() > PLACE_MAX {
                errors.push("place", super::too_long("filter-place-too-long", p.chars().count(), PLACE_MAX));
            } else {
                f.place = Some(p.to_owned());
            }
        }
        if let Some(r) = non_empty(&q.radius) {
            match r.parse::<u32>() {
                Ok(r) if RADII_KM.contains(&r) => f.radius_km = Some(r),
                _ => errors.push(
                    "radius",
                    Msg::new("filter-radius-unknown")
                        .text("value", r)
                        .text("known", RADII_KM.map(|r| r.to_string()).join(", ")),
                ),
            }
        }
        if let Some(a) = non_empty(&q.at) {
            match parse_at(a) {
                Ok(at) => f.at = Some(at),
                Err(m) => errors.push("at", m),
            }
        }
        if let Some(w) = non_empty(&q.when) {
            match w.parse::<super::schedule::WhenFilter>() {
                Ok(w) => f.when = Some(w),
                Err(_) => errors.push("when", Msg::new("filter-when-unknown").text("value", w)),
            }
        }
        if let Some(p) = non_empty(&q.page) {
            match p.parse::<u32>() {
                Ok(n) if (1..=PAGE_MAX).contains(&n) => f.page_index = n - 1,
                _ => errors.push("page", Msg::new("filter-page-unknown").text("value", p).num("max", PAGE_MAX)),
            }
        }
        errors.into_result(f)
    }

    /// The order when none is asked: by relevance with words, else the most recent first.
    pub fn default_sort(&self) -> SortOrder {
        if self.words.is_some() {
            SortOrder::Relevance
        } else {
            SortOrder::Recent
        }
    }

    /// The search terms of the words (none without words).
    pub fn terms(&self) -> Vec<String> {
        self.words.as_deref().map(super::search::terms).unwrap_or_default()
    }

    /// Whether distances can be said and "nearest" has a meaning for a person: a place was
    /// typed or a position given.
    pub fn has_origin(&self) -> bool {
        self.place.is_some() || self.at.is_some()
    }

    /// The canonical query: defaults left out, categories sorted.
    pub fn to_query(&self) -> PostQuery {
        PostQuery {
            category: (!self.categories.is_empty())
                .then(|| self.categories.iter().map(|c| c.slug()).collect::<Vec<_>>().join(",")),
            kind: self.kind.map(|k| k.slug().to_owned()),
            sort: (self.sort != self.default_sort()).then(|| self.sort.slug().to_owned()),
            bbox: self.bbox.map(|b| b.to_query()),
            place: self.place.clone(),
            radius: self.radius_km.map(|r| r.to_string()),
            q: self.words.clone(),
            at: self.at.map(|a| format!("{:.3},{:.3}", a.lat, a.lon)),
            page: (self.page_index > 0).then(|| (self.page_index + 1).to_string()),
            when: self.when.map(|w| w.slug().to_owned()),
        }
    }

    /// The home page URL showing this filter.
    pub fn href(&self) -> String {
        let q = self.to_query();
        let mut parts = Vec::new();
        for (k, v) in [
            ("q", &q.q),
            ("place", &q.place),
            ("at", &q.at),
            ("radius", &q.radius),
            ("category", &q.category),
            ("kind", &q.kind),
            ("when", &q.when),
            ("sort", &q.sort),
            ("bbox", &q.bbox),
            ("page", &q.page),
        ] {
            if let Some(v) = v {
                parts.push(format!("{k}={}", encode_query_value(v)));
            }
        }
        if parts.is_empty() {
            "/".to_owned()
        } else {
            format!("/?{}", parts.join("&"))
        }
    }

    /// The same filter on its first page: what every change of the filter leads to.
    pub fn first_page(&self) -> PostFilter {
        PostFilter { page_index: 0, ..self.clone() }
    }

    /// The same filter on page `index` (from 0).
    pub fn on_page(&self, index: u32) -> PostFilter {
        PostFilter { page_index: index.min(PAGE_MAX - 1), ..self.clone() }
    }

    /// The same filter in `sort` order.
    pub fn sorted(&self, sort: SortOrder) -> PostFilter {
        PostFilter { sort, ..self.first_page() }
    }

    /// The same filter from the person's position (`lat`, `lon` kept to about 100 m), instead
    /// of a place, nearest first, in the area around it.
    pub fn from_position(&self, lat: f64, lon: f64) -> PostFilter {
        PostFilter {
            at: Some(kept(super::LatLng { lat, lon })),
            place: None,
            bbox: None,
            sort: SortOrder::Nearest,
            ..self.first_page()
        }
    }

    /// The same filter with `c` added, or removed if it was there.
    pub fn toggled(&self, c: Category) -> PostFilter {
        let mut f = self.first_page();
        if let Some(i) = f.categories.iter().position(|x| *x == c) {
            f.categories.remove(i);
        } else {
            f.categories.push(c);
            f.categories.sort();
        }
        f
    }

    /// The same filter showing requests, offers, or both.
    pub fn with_kind(&self, kind: Option<PostKind>) -> PostFilter {
        PostFilter { kind, ..self.first_page() }
    }

    /// The same filter showing what happens on `when`'s days (`None`: every post).
    pub fn with_when(&self, when: Option<super::schedule::WhenFilter>) -> PostFilter {
        PostFilter { when, ..self.first_page() }
    }

    /// Whether category `c` is shown (all are, when none is chosen).
    pub fn shows(&self, c: Category) -> bool {
        self.categories.is_empty() || self.categories.contains(&c)
    }

    /// The area to query: the chosen box, or the whole département.
    pub fn area(&self) -> BBox {
        self.bbox.unwrap_or(BBox::HAUT_RHIN)
    }

    /// The same filter without the place or position (and its radius).
    pub fn without_place(&self) -> PostFilter {
        let sort = if self.sort == SortOrder::Nearest { self.default_sort() } else { self.sort };
        PostFilter { place: None, at: None, radius_km: None, near: None, bbox: None, sort, ..self.first_page() }
    }

    /// The same filter without the words.
    pub fn without_words(&self) -> PostFilter {
        let sort = if self.sort == SortOrder::Relevance { SortOrder::Recent } else { self.sort };
        PostFilter { words: None, sort, ..self.first_page() }
    }
}

/// `lat,lon` of a person's position, kept to about 100 m.
fn parse_at(raw: &str) -> Result<super::LatLng, Msg> {
    let bad = || Msg::new("filter-at-bad").text("value", raw);
    let (lat, lon) = raw.split_once(',').ok_or_else(bad)?;
    let (lat, lon) = (lat.trim().parse::<f64>().map_err(|_| bad())?, lon.trim().parse::<f64>().map_err(|_| bad())?);
    Ok(kept(super::LatLng::parse(lat, lon).map_err(|_| bad())?))
}

/// A position kept to about 100 m.
fn kept(p: super::LatLng) -> super::LatLng {
    let round = |v: f64| (v * AT_DECIMALS).round() / AT_DECIMALS;
    super::LatLng { lat: round(p.lat), lon: round(p.lon) }
}

/// `v` as the value of a URL query: letters, digits and `-._~,` as they are, every other byte
/// percent-encoded (a place typed with spaces, accents or `&`).
pub fn encode_query_value(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for b in v.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~,".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The distance from the searched place to a post's public point, as said on its card: rounded
/// to 100 m, and never under 500 m (the public point is only good to the privacy grid). `None`
/// below 500 m means "moins de 500 m".
pub fn shown_distance_m(from: super::LatLng, to: super::LatLng) -> Option<u32> {
    let m = from.distance_m(to);
    if m < 500.0 {
        None
    } else {
        Some(((m / 100.0).round() * 100.0) as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(category: &str, kind: &str, sort: &str, bbox: &str) -> PostQuery {
        let o = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        PostQuery { category: o(category), kind: o(kind), sort: o(sort), bbox: o(bbox), ..Default::default() }
    }

    #[test]
    fn a_place_and_a_radius_round_trip_through_the_address() {
        let query = PostQuery {
            place: Some("  Sainte-Marie aux Mines & co ".into()),
            radius: Some("5".into()),
            sort: Some("nearest".into()),
            ..Default::default()
        };
        let f = PostFilter::parse(&query).unwrap();
        assert_eq!(f.place.as_deref(), Some("Sainte-Marie aux Mines & co"));
        assert_eq!(f.radius_km, Some(5));
        assert_eq!(f.href(), "/?place=Sainte-Marie%20aux%20Mines%20%26%20co&radius=5&sort=nearest");
        assert_eq!(PostFilter::parse(&f.to_query()).unwrap(), f);
        assert!(f.without_place().place.is_none() && f.without_place().radius_km.is_none());
        let bad = PostFilter::parse(&PostQuery {
            radius: Some("3".into()),
            place: Some("x".repeat(81)),
            ..Default::default()
        })
        .unwrap_err();
        assert!(bad.get("radius").unwrap().to_string().contains("« 3 »"));
        assert!(bad.get("place").is_some());
        assert_eq!(encode_query_value("Sélestat/68"), "S%C3%A9lestat%2F68");
    }

    #[test]
    fn words_a_position_and_a_page_round_trip_through_the_address() {
        let query = PostQuery {
            q: Some(" épicerie & vélo ".into()),
            at: Some("47.75049, 7.33971".into()),
            page: Some("3".into()),
            ..Default::default()
        };
        let f = PostFilter::parse(&query).unwrap();
        assert_eq!(f.words.as_deref(), Some("épicerie & vélo"));
        assert_eq!(f.sort, SortOrder::Relevance, "with words, the best match first");
        assert_eq!(f.at, Some(crate::domain::LatLng { lat: 47.75, lon: 7.34 }), "kept to about 100 m");
        assert_eq!(f.page_index, 2);
        assert_eq!(f.href(), "/?q=%C3%A9picerie%20%26%20v%C3%A9lo&at=47.750,7.340&page=3");
        assert_eq!(PostFilter::parse(&f.to_query()).unwrap(), f);
        // Every change of the filter goes back to the first page.
        assert_eq!(f.toggled(Category::Diy).page_index, 0);
        assert_eq!(f.with_kind(Some(PostKind::Offer)).page_index, 0);
        assert_eq!(
            f.sorted(SortOrder::Recent).href(),
            "/?q=%C3%A9picerie%20%26%20v%C3%A9lo&at=47.750,7.340&sort=recent"
        );
        assert_eq!(f.without_words().sort, SortOrder::Recent);
        assert!(f.without_place().at.is_none());
        assert_eq!(f.on_page(PAGE_MAX + 5).page_index, PAGE_MAX - 1);
        // Without words, "relevance" has nothing to rank: a shared link still opens.
        let plain = PostFilter::parse(&PostQuery { sort: Some("relevance".into()), ..Default::default() }).unwrap();
        assert_eq!(plain.sort, SortOrder::Recent);
        let near = PostFilter::default().from_position(47.75049, 7.33971);
        assert_eq!((near.sort, near.has_origin()), (SortOrder::Nearest, true));
    }

    #[test]
    fn bad_words_positions_and_pages_are_named() {
        let bad = PostFilter::parse(&PostQuery {
            q: Some("de la".into()),
            at: Some("47.7;7.3".into()),
            page: Some("0".into()),
            ..Default::default()
        })
        .unwrap_err();
        assert!(bad.get("q").unwrap().to_string().contains("« de la »"));
        assert!(bad.get("at").is_some());
        assert!(bad.get("page").unwrap().to_string().contains("« 0 »"));
        for (at, page) in [("91,7", "201"), ("NaN,7", "x"), ("47", "-1")] {
            let e =
                PostFilter::parse(&PostQuery { at: Some(at.into()), page: Some(page.into()), ..Default::default() })
                    .unwrap_err();
            assert!(e.get("at").is_some() && e.get("page").is_some(), "{at} {page}");
        }
        let long = PostFilter::parse(&PostQuery { q: Some("aide ".repeat(30)), ..Default::default() }).unwrap_err();
        assert!(long.get("q").unwrap().to_string().contains("149"));
    }

    #[test]
    fn distances_are_rounded_to_100_m_and_never_under_500_m() {
        let at = crate::domain::LatLng { lat: 47.75, lon: 7.34 };
        let north = |m: f64| crate::domain::LatLng { lat: at.lat + m / 111_195.0, lon: at.lon };
        assert_eq!(shown_distance_m(at, north(120.0)), None);
        assert_eq!(shown_distance_m(at, north(499.0)), None);
        assert_eq!(shown_distance_m(at, north(1_234.0)), Some(1_200));
        assert_eq!(shown_distance_m(at, north(1_260.0)), Some(1_300));
    }

    #[test]
    fn empty_query_is_the_default() {
        let f = PostFilter::parse(&PostQuery::default()).unwrap();
        assert_eq!(f, PostFilter::default());
        assert_eq!(f.href(), "/");
        assert_eq!(f.area(), BBox::HAUT_RHIN);
    }

    #[test]
    fn parses_several_categories_and_round_trips() {
        let f = PostFilter::parse(&q("homework, groceries,homework", "offer", "nearest", "7,47.5,7.5,48")).unwrap();
        assert_eq!(f.categories, vec![Category::Groceries, Category::Homework]);
        assert_eq!(f.kind, Some(PostKind::Offer));
        assert_eq!(f.sort, SortOrder::Nearest);
        assert_eq!(PostFilter::parse(&f.to_query()).unwrap(), f);
        assert_eq!(
            f.href(),
            "/?category=groceries,homework&kind=offer&sort=nearest&bbox=7.00000,47.50000,7.50000,48.00000"
        );
    }

    #[test]
    fn bad_values_are_named() {
        let e = PostFilter::parse(&q("cooking", "both", "random", "1,2")).unwrap_err();
        assert!(e.get("category").unwrap().to_string().contains("« cooking »"));
        assert!(e.get("kind").unwrap().to_string().contains("« both »"));
        assert!(e.get("sort").unwrap().to_string().contains("« random »"));
        assert!(e.get("bbox").is_some());
        assert!(PostFilter::parse(&q("", "all", "", "")).unwrap().kind.is_none());
    }

    #[test]
    fn toggling_a_category() {
        let f = PostFilter::default().toggled(Category::Diy).toggled(Category::Groceries);
        assert_eq!(f.categories, vec![Category::Groceries, Category::Diy]);
        assert!(f.shows(Category::Diy) && !f.shows(Category::Other));
        let g = f.toggled(Category::Diy);
        assert_eq!(g.categories, vec![Category::Groceries]);
        assert!(PostFilter::default().shows(Category::Other));
    }
}

//! What the person asked to see: categories, requests or offers, the order, the area, and a
//! place typed in the place box (a commune or a postcode) with a radius around it.
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
    /// Most recent first (the default).
    #[default]
    Recent,
    /// Nearest first: to the place searched, else to the centre of the area.
    Nearest,
}

impl SortOrder {
    pub const ALL: [SortOrder; 2] = [SortOrder::Recent, SortOrder::Nearest];

    pub fn slug(self) -> &'static str {
        match self {
            SortOrder::Recent => "recent",
            SortOrder::Nearest => "nearest",
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
}

/// The radii of the place box, in km.
pub const RADII_KM: [u32; 5] = [1, 2, 5, 10, 20];
/// The longest place one may type.
pub const PLACE_MAX: usize = 80;

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
    /// Only posts within this many km of the place.
    pub radius_km: Option<u32>,
    /// Where the place is, once the server found it: distances and "nearest" are from here.
    /// Never read from the URL.
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
        if let Some(s) = non_empty(&q.sort) {
            match s.parse::<SortOrder>() {
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
        errors.into_result(f)
    }

    /// The canonical query: defaults left out, categories sorted.
    pub fn to_query(&self) -> PostQuery {
        PostQuery {
            category: (!self.categories.is_empty())
                .then(|| self.categories.iter().map(|c| c.slug()).collect::<Vec<_>>().join(",")),
            kind: self.kind.map(|k| k.slug().to_owned()),
            sort: (self.sort != SortOrder::Recent).then(|| self.sort.slug().to_owned()),
            bbox: self.bbox.map(|b| b.to_query()),
            place: self.place.clone(),
            radius: self.radius_km.map(|r| r.to_string()),
        }
    }

    /// The home page URL showing this filter.
    pub fn href(&self) -> String {
        let q = self.to_query();
        let mut parts = Vec::new();
        for (k, v) in [
            ("place", &q.place),
            ("radius", &q.radius),
            ("category", &q.category),
            ("kind", &q.kind),
            ("sort", &q.sort),
            ("bbox", &q.bbox),
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

    /// The same filter with `c` added, or removed if it was there.
    pub fn toggled(&self, c: Category) -> PostFilter {
        let mut f = self.clone();
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
        PostFilter { kind, ..self.clone() }
    }

    /// Whether category `c` is shown (all are, when none is chosen).
    pub fn shows(&self, c: Category) -> bool {
        self.categories.is_empty() || self.categories.contains(&c)
    }

    /// The area to query: the chosen box, or the whole département.
    pub fn area(&self) -> BBox {
        self.bbox.unwrap_or(BBox::HAUT_RHIN)
    }

    /// The same filter without the place (and its radius).
    pub fn without_place(&self) -> PostFilter {
        PostFilter { place: None, radius_km: None, near: None, bbox: None, ..self.clone() }
    }
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

//! What the person asked to see: categories, requests or offers, the order, and the area.
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
    /// Nearest to the centre of the area first.
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
}

/// A valid filter.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PostFilter {
    /// Categories to show; empty means all.
    pub categories: Vec<Category>,
    /// Requests only, offers only, or both (`None`).
    pub kind: Option<PostKind>,
    pub sort: SortOrder,
    /// The area; `None` means the whole département.
    pub bbox: Option<BBox>,
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
        }
    }

    /// The home page URL showing this filter.
    pub fn href(&self) -> String {
        let q = self.to_query();
        let mut parts = Vec::new();
        for (k, v) in [("category", &q.category), ("kind", &q.kind), ("sort", &q.sort), ("bbox", &q.bbox)] {
            if let Some(v) = v {
                parts.push(format!("{k}={v}"));
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(category: &str, kind: &str, sort: &str, bbox: &str) -> PostQuery {
        let o = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        PostQuery { category: o(category), kind: o(kind), sort: o(sort), bbox: o(bbox) }
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

//! The fixed list of help categories: one slug per category, the same string in the URL, the
//! database, the GeoJSON API and the UI. Labels in French and English, a pictogram and a colour.
//! Adding a category means a row in the `categories` table (a migration) and a new code at the
//! end. Which categories need a vetted helper is configuration (`domain::vetting`).

use serde::{Deserialize, Serialize};

/// A kind of help. Serialized as its stable English slug (`food-aid`, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Groceries,
    Homework,
    Childcare,
    FoodAid,
    Transport,
    Diy,
    Company,
    Paperwork,
    Other,
    /// Visits to a person's home (company, small help at home).
    HomeVisit,
}

impl Category {
    /// Every category, in display order.
    pub const ALL: [Category; 10] = [
        Category::Groceries,
        Category::Homework,
        Category::Childcare,
        Category::FoodAid,
        Category::Transport,
        Category::Diy,
        Category::Company,
        Category::Paperwork,
        Category::HomeVisit,
        Category::Other,
    ];

    /// Stable slug used in URLs, the database and the open-data API.
    pub fn slug(self) -> &'static str {
        match self {
            Category::Groceries => "groceries",
            Category::Homework => "homework",
            Category::Childcare => "childcare",
            Category::FoodAid => "food-aid",
            Category::Transport => "transport",
            Category::Diy => "diy",
            Category::Company => "company",
            Category::Paperwork => "paperwork",
            Category::Other => "other",
            Category::HomeVisit => "home-visit",
        }
    }

    /// Stable small integer, the third dimension of the spatial index. Never renumber.
    pub fn code(self) -> i64 {
        match self {
            Category::Groceries => 0,
            Category::Homework => 1,
            Category::Childcare => 2,
            Category::FoodAid => 3,
            Category::Transport => 4,
            Category::Diy => 5,
            Category::Company => 6,
            Category::Paperwork => 7,
            Category::Other => 8,
            Category::HomeVisit => 9,
        }
    }

    /// A pictogram shown next to the label and inside the map marker (decorative: the label is
    /// always present as text).
    pub fn icon(self) -> &'static str {
        match self {
            Category::Groceries => "🛒",
            Category::Homework => "📚",
            Category::Childcare => "🧸",
            Category::FoodAid => "🥖",
            Category::Transport => "🚗",
            Category::Diy => "🔧",
            Category::Company => "☕",
            Category::Paperwork => "📄",
            Category::Other => "🤝",
            Category::HomeVisit => "🏠",
        }
    }

    /// Marker colour; each passes WCAG AA (4.5:1) against white text.
    pub fn colour(self) -> &'static str {
        match self {
            Category::Groceries => "#1b6e3a",
            Category::Homework => "#2b4fa3",
            Category::Childcare => "#a3366f",
            Category::FoodAid => "#9a4a00",
            Category::Transport => "#00646e",
            Category::Diy => "#5c4a9e",
            Category::Company => "#8a3b2e",
            Category::Paperwork => "#3f5466",
            Category::Other => "#555555",
            Category::HomeVisit => "#6b4e16",
        }
    }
}

slug_parse_display!(Category);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_and_codes_are_unique() {
        let mut codes = std::collections::HashSet::new();
        for c in Category::ALL {
            assert_eq!(c.slug().parse::<Category>(), Ok(c));
            assert_eq!(serde_json::to_string(&c).unwrap(), format!("\"{}\"", c.slug()));
            assert!(codes.insert(c.code()));
        }
        assert_eq!(codes.len(), Category::ALL.len());
    }

    #[test]
    fn unknown_slug_is_refused() {
        assert_eq!("Groceries".parse::<Category>(), Err(crate::domain::UnknownSlug("Groceries".into())));
        assert!("".parse::<Category>().is_err());
    }

    #[test]
    fn marker_colours_are_dark_enough_for_white_text() {
        fn lum(hex: &str) -> f64 {
            let ch = |i: usize| {
                let v = u8::from_str_radix(&hex[i..i + 2], 16).unwrap() as f64 / 255.0;
                if v <= 0.03928 {
                    v / 12.92
                } else {
                    ((v + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * ch(1) + 0.7152 * ch(3) + 0.0722 * ch(5)
        }
        for c in Category::ALL {
            let ratio = 1.05 / (lum(c.colour()) + 0.05);
            assert!(ratio >= 4.5, "{c}: contrast {ratio:.2}");
        }
    }
}

//! The vocabulary of the product, in plain Rust shared by the server and the browser:
//! no framework, database or HTTP types here. Validation by parsing; pure, unit-tested rules.

/// `FromStr` and `Display` through the type's stable `slug()` and its `ALL` list.
macro_rules! slug_parse_display {
    ($t:ty) => {
        impl ::std::str::FromStr for $t {
            type Err = $crate::domain::UnknownSlug;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <$t>::ALL.into_iter().find(|v| v.slug() == s).ok_or_else(|| $crate::domain::UnknownSlug(s.to_owned()))
            }
        }
        impl ::std::fmt::Display for $t {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.slug())
            }
        }
    };
}

pub mod alert;
pub mod announcement;
pub mod building;
pub mod category;
pub mod commune;
pub mod conversation;
pub mod export;
pub mod filter;
pub mod follow_up;
pub mod geo;
pub mod grid;
pub mod intake;
pub mod local_path;
pub mod moderation;
pub mod notification;
pub mod period;
pub mod post;
pub mod privacy;
pub mod retention;
pub mod schedule;
pub mod search;
pub mod site_page;
pub mod stats;
pub mod steps;
pub mod territory;
pub mod time;
pub mod triage;
pub mod user;
pub mod vetting;

pub use category::Category;
pub use filter::{PostFilter, PostQuery, SortOrder};
pub use geo::{BBox, LatLng};
pub use post::{PostKind, PostStatus, PosterKind};

/// A slug that names none of the known values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownSlug(pub String);

/// "The X is too long: `count` characters, `max` at most", for the message `id` (which takes
/// `$count` and `$max`).
pub(crate) fn too_long(id: &str, count: usize, max: usize) -> crate::i18n::Msg {
    crate::i18n::Msg::new(id).num("count", count as i64).num("max", max as i64)
}

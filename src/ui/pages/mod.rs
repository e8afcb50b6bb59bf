//! One file per route; each component is named `…Page`.

pub mod home;
pub mod not_found;
pub mod post;

//! Components only, shared by the server render and the browser: layout, pages, the list, the
//! filters and the map. No SQL, no business rule (they live in `domain/`), no `crate::server`.

pub mod components;
pub mod geolocate;
pub mod layout;
pub mod lazy_pages;
pub mod map;
pub mod pages;
pub mod push;
pub mod pwa;
pub mod state;
pub mod writes;

//! The types that cross the wire between the server and the browser: what server functions
//! return and what form posts leave for their page. Shared by both builds; they depend only on
//! `domain`, `error` and `i18n`, so `server/` builds them and `api/` returns them without either
//! importing the other.

pub mod alerts;
pub mod announcements;
pub mod buildings;
pub mod carers;
pub mod conversations;
pub mod follow_ups;
pub mod forms;
pub mod intakes;
pub mod moderation;
pub mod pages;
pub mod people;
pub mod posts;
pub mod vetting;

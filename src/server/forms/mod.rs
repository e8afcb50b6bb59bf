//! The plain form posts: each parses with the domain, calls a service, and either redirects
//! (303) or renders its page again with what was typed and the errors (the page reads them
//! through `api::forms::read_form_echo`). Works the same with or without JavaScript. One module
//! per feature, beside `api/X`, `services/X` and `db/X`; `kit` is what they share.

pub mod account_links;
pub mod accounts;
pub mod alerts;
pub mod announcements;
pub mod buildings;
pub mod carers;
pub mod conversations;
pub mod exports;
pub mod follow_ups;
pub mod intakes;
pub(crate) mod kit;
pub mod moderation;
pub mod pages;
pub mod people;
pub mod posts;
pub mod privacy;
pub mod vetting;

//! The server functions: the public HTTP API shared with the browser. Each is a thin adapter —
//! check who may call it, parse the arguments into domain types, call a service, return a DTO —
//! and states who may call it. No SQL and no business rule here.

pub mod alerts;
pub mod announcements;
pub mod auth;
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
pub mod stats;
pub mod vetting;

//! Business operations over the database: who may see or change what, transactions, and the
//! translation of failures into `AppError`. Testable without HTTP (`#[sqlx::test]`).

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
pub mod moderation;
pub mod notifications;
pub mod pages;
pub mod people;
pub mod posts;
pub mod privacy;
pub mod push;
pub mod retention;
pub mod stats;
pub mod territories;
pub mod vetting;

/// Now, in UTC seconds since the epoch.
pub fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

//! One file per route; each component is named `…Page`.

pub mod account;
pub mod account_links;
pub mod alerts;
pub mod announcements;
pub mod carer_invitation;
pub mod edit_post;
pub mod exports;
pub mod figures;
pub mod follow_ups;
pub mod home;
pub mod intakes;
pub mod log_in;
pub mod messages;
pub mod moderation;
pub mod my_posts;
pub mod not_found;
pub mod notice;
pub mod notifications;
pub mod offline;
pub mod people;
pub mod post;
pub mod publish;
pub mod publish_steps;
pub mod sign_up;
pub mod site_pages;
pub mod vetting;

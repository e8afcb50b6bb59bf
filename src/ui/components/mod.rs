//! Reusable pieces of pages.

pub mod announcement;
pub mod carers;
pub mod charts;
pub mod decision;
pub mod draft;
pub mod emergency;
pub mod error_box;
pub mod filter_bar;
pub mod form_field;
pub mod http_status;
pub mod post_form;
pub mod post_list;
pub mod restricted;
pub mod schedule_field;
pub mod vetted;

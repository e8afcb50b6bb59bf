//! The home page's announcements, as everyone reads them and as admins manage them.

use serde::{Deserialize, Serialize};

/// An announcement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Announcement {
    pub id: i64,
    pub message: String,
    pub starts_at: i64,
    pub ends_at: i64,
}

/// The admins' page: the current and coming announcements.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Announcements {
    pub items: Vec<Announcement>,
    pub now: i64,
}

//! The site's pages as the public reads them, and as their editors see them.

use serde::{Deserialize, Serialize};

use crate::domain::site_page::SitePage;

/// A page to show: its HTML is the server's rendering of the Markdown, sanitized.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageView {
    pub page: SitePage,
    pub title: String,
    pub html: String,
    /// When it was last published (`None`: the text shipped with the application).
    pub published_at: Option<i64>,
    /// How many times it was published.
    pub version: i64,
}

/// One revision in the history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revision {
    pub id: i64,
    pub title: String,
    pub author: String,
    pub created_at: i64,
    pub published_at: Option<i64>,
    pub publisher: Option<String>,
}

/// The editor of one page: what the public reads, the text to edit (the newest revision,
/// else the published text), its preview, and the history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageEditor {
    pub current: PageView,
    pub title: String,
    pub body: String,
    pub preview: String,
    /// The newest revision when it is not published yet (what « Publier » publishes).
    pub draft: Option<i64>,
    pub revisions: Vec<Revision>,
    /// Whether the reader may publish (admins).
    pub can_publish: bool,
}

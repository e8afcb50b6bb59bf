//! Follow-ups as staff read them (« Suivi ») and as an author answers one ("Avez-vous reçu
//! l'aide ?"). The staff types carry the author's name and e-mail: staff-only functions only.

use serde::{Deserialize, Serialize};

use crate::domain::follow_up::HelpAnswer;
use crate::domain::Category;

/// A line of the staff's follow-up list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FollowUpLine {
    pub id: i64,
    pub post_id: i64,
    pub title: String,
    pub category: Category,
    pub commune: String,
    pub created_at: i64,
    /// When the sweep raised it (or the author answered "Non").
    pub raised_at: i64,
    /// Filed by phone: staff call the person (« Mes saisies »).
    pub by_phone: bool,
    pub author_name: Option<String>,
    pub author_email: Option<String>,
    /// For help that may never have come: "Non", or `None` when the author did not answer.
    pub answer: Option<HelpAnswer>,
    pub helper: Option<String>,
}

/// « Suivi »: requests nobody answered, and help that may never have come.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FollowUps {
    pub unanswered: Vec<FollowUpLine>,
    pub help: Vec<FollowUpLine>,
    pub now: i64,
}

/// "Avez-vous reçu l'aide ?", as its author sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HelpQuestion {
    pub id: i64,
    pub post_id: i64,
    pub title: String,
    /// What the author already answered.
    pub answer: Option<HelpAnswer>,
}

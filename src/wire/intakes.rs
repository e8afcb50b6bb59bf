//! Phone intake as staff read it: "Mes saisies" and "Toutes les saisies". These carry the name
//! and phone of the person who called: only staff-only server functions return them.

use serde::{Deserialize, Serialize};

use crate::domain::intake::NextStep;
use crate::domain::{Category, PostKind, PostStatus};

/// One request or offer filed by phone, with what to do next.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IntakeLine {
    pub post_id: i64,
    pub kind: PostKind,
    pub category: Category,
    pub status: PostStatus,
    pub title: String,
    pub commune: String,
    pub created_at: i64,
    pub expires_at: i64,
    pub person_name: String,
    pub person_phone: String,
    pub call_times: Option<String>,
    /// The person agreed that their phone be given to the accepted helper.
    pub share_phone: bool,
    /// Who filed it (shown in "Toutes les saisies").
    pub filed_by: String,
    /// Filed by the person reading: they answer for it.
    pub mine: bool,
    /// People who answered.
    pub answers: i64,
    /// Conversations with messages not read yet.
    pub unread: i64,
    /// The conversations of the people who answered: id and display name, the oldest first.
    pub conversations: Vec<(i64, String)>,
    /// The display name of the accepted helper, if any.
    pub helper: Option<String>,
    pub next: NextStep,
    /// The open "Avez-vous reçu l'aide ?", which staff answer for the person once they called.
    pub help_check: Option<i64>,
}

/// "Mes saisies" (or every intake, for admins).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Intakes {
    pub items: Vec<IntakeLine>,
    /// Every staff member's intakes, not only mine.
    pub all: bool,
    pub now: i64,
}

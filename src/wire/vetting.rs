//! Vetted helpers, as a volunteer reads their own standing and as staff keep the register.

use serde::{Deserialize, Serialize};

use crate::domain::Category;

/// « Devenir bénévole vérifié »: where I stand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyVetting {
    /// Valid until then (UTC seconds), when I am vetted now.
    pub vetted_until: Option<i64>,
    /// My open request: when, and my note.
    pub asked_at: Option<i64>,
    pub note: Option<String>,
    /// My last check, when it is over: when it ended and whether staff withdrew it.
    pub ended_at: Option<i64>,
    pub withdrawn: bool,
    /// May I ask now (no open request, and not vetted for more than two months yet)?
    pub may_ask: bool,
    /// The categories that need a vetted helper here.
    pub categories: Vec<Category>,
    pub now: i64,
}

/// A volunteer's request, as staff read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VettingRequest {
    pub user_id: i64,
    pub name: String,
    pub email: String,
    pub asked_at: i64,
    pub note: Option<String>,
    /// The end of the person's current check, for a renewal.
    pub vetted_until: Option<i64>,
}

/// A helper vetted now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VettedHelper {
    pub user_id: i64,
    pub name: String,
    pub association: Option<String>,
    pub checked_on: i64,
    pub checked_by: String,
    pub recorded_by: String,
    pub expires_at: i64,
}

/// Staff's « Bénévoles vérifiés » page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VettingDesk {
    pub requests: Vec<VettingRequest>,
    pub vetted: Vec<VettedHelper>,
    /// The staff member's name, the default of « Rencontré par ».
    pub my_name: String,
    /// Today as `YYYY-MM-DD` (Paris), the default day of the meeting.
    pub today: String,
    pub categories: Vec<Category>,
    pub now: i64,
}

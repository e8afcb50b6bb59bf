//! « Personnes », the admins' page of accounts. Only admin-only server functions return these.

use serde::{Deserialize, Serialize};

use crate::domain::moderation::ReportReason;
use crate::domain::user::Role;
use crate::domain::PostStatus;

/// An account as the list shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersonLine {
    pub id: i64,
    pub display_name: String,
    pub email: String,
    pub role: Role,
    pub organisation: Option<String>,
    pub disabled: bool,
    pub verified: bool,
    pub created_at: i64,
    pub posts: i64,
    /// Open reports about the person's posts.
    pub open_reports: i64,
}

/// The result of a search.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct People {
    pub items: Vec<PersonLine>,
    /// More accounts matched than are shown.
    pub more: bool,
    pub now: i64,
}

/// A post of the person.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersonPost {
    pub id: i64,
    pub title: String,
    pub status: PostStatus,
    pub created_at: i64,
}

/// A report about one of the person's posts, or made by the person.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersonReport {
    pub post_id: i64,
    pub title: String,
    pub reason: ReportReason,
    pub at: i64,
    pub open: bool,
    pub made: bool,
}

/// One person, with their posts and reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersonView {
    pub person: PersonLine,
    pub posts: Vec<PersonPost>,
    pub reports: Vec<PersonReport>,
    /// The admin reading is this person (their own role and account are not changed here).
    pub me: bool,
    /// Where a staff member acts, when the instance serves several territories (else `None`).
    pub territories: Option<StaffTerritories>,
    pub now: i64,
}

/// Where a staff member acts, and what the admin reading may give them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaffTerritories {
    /// Every territory (no territory chosen).
    pub national: bool,
    /// The territories, each checked if the person acts in it; only those the admin reading
    /// acts in are listed when they are not national.
    pub choices: Vec<TerritoryChoice>,
    /// The admin reading is national (may make someone national).
    pub may_national: bool,
    /// The admin reading may change this person's territories.
    pub may_change: bool,
}

/// A territory to tick.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TerritoryChoice {
    pub code: String,
    pub name: String,
    pub checked: bool,
}

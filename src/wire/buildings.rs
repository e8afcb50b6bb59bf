//! « Mon immeuble »: the groups I belong to and their posts, the page a join code opens, the
//! notice for the hall. A building is named by its street and commune only, never a number.

use serde::{Deserialize, Serialize};

use crate::domain::{Category, PostKind, PostStatus};

/// A building's group, as its members read it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BuildingView {
    pub id: i64,
    pub street: String,
    pub commune: String,
    /// The join code as printed, « ABCD-EFGH ».
    pub code: String,
    pub members: i64,
    /// Its open posts, newest first.
    pub posts: Vec<BuildingPost>,
}

/// A post for one building, in « Mon immeuble ».
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BuildingPost {
    pub id: i64,
    pub kind: PostKind,
    pub category: Category,
    pub status: PostStatus,
    pub title: String,
    pub author: Option<String>,
    pub created_at: i64,
}

/// What a join code leads to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum JoinPreview {
    /// The building of that code; whether the reader already belongs to it.
    Found { street: String, commune: String, member: bool },
    /// No building has that code (or it is not a code).
    Unknown,
}

/// The notice for the hall of a building.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BuildingNotice {
    pub id: i64,
    pub street: String,
    pub commune: String,
    pub code: String,
    /// The address to type, without its scheme: « entraide.example.fr/immeuble ».
    pub address: String,
}

//! Relatives and carers who follow a post (« un proche à mes côtés »): what the author sees of
//! them, what a relative sees of the posts they follow, and the invitation page.

use serde::{Deserialize, Serialize};

use crate::domain::{Category, PostKind, PostStatus};

/// A relative of one of my posts, or my invitation still waiting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CarerView {
    pub id: i64,
    /// Their display name once they accepted; `None` while the invitation waits.
    pub name: Option<String>,
    /// The address I invited, while the invitation waits.
    pub email: Option<String>,
    /// The day the waiting link stops working.
    pub until: i64,
}

/// A post I follow as a relative: its state and who answers it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FollowedPost {
    /// The link between me and the post (to stop following).
    pub carer_id: i64,
    pub post_id: i64,
    pub title: String,
    pub kind: PostKind,
    pub category: Category,
    pub status: PostStatus,
    pub commune: String,
    /// The author, whose relative I am.
    pub author_name: String,
    pub expired: bool,
    pub hidden: bool,
    /// Its conversations, the accepted helpers first.
    pub conversations: Vec<FollowedConversation>,
}

/// A conversation of a post I follow.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FollowedConversation {
    pub id: i64,
    /// The person who answered.
    pub with: String,
    /// Accepted as the helper.
    pub helper: bool,
}

/// The page an invitation link opens.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Invitation {
    /// The link works: who invites, for which post.
    Open { author_name: String, title: String, commune: String, i_am_author: bool, already: bool },
    /// Unknown, used, cancelled, or past its day.
    Gone,
}

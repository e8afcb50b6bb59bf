//! Conversations between a responder and a post's author, as a participant (or staff, once a
//! message was reported) reads them. The private details of a post (exact point, building note,
//! phone) travel only in `ConversationView::private`, and only to the accepted helper and the
//! author.

use serde::{Deserialize, Serialize};

use crate::domain::intake::Caller;
use crate::domain::{LatLng, PostKind, PostStatus};

/// A line of "Mes messages".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConversationSummary {
    pub id: i64,
    pub post_id: i64,
    pub post_title: String,
    pub post_kind: PostKind,
    pub post_status: PostStatus,
    /// The other participant's display name.
    pub other_name: String,
    /// The other participant is the helper and was vetted in person by the Département (a
    /// check valid now).
    #[serde(default)]
    pub other_vetted: bool,
    /// Whether I wrote the post (otherwise I answered it).
    pub i_am_author: bool,
    pub accepted: bool,
    pub last_message_at: i64,
    pub unread: i64,
    /// I follow the post as a relative of its author: their name (the other is the responder).
    #[serde(default)]
    pub carer_of: Option<String>,
}

/// "Mes messages".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conversations {
    pub items: Vec<ConversationSummary>,
    pub now: i64,
}

/// One message.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MessageView {
    pub id: i64,
    /// Sent by the person reading.
    pub mine: bool,
    pub sender: String,
    pub body: String,
    pub at: i64,
    /// Written by a relative of the author (« proche de … »).
    #[serde(default)]
    pub by_carer: bool,
}

/// What only the author and the accepted helper see of a post.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PrivateDetails {
    /// The exact point the author gave.
    pub exact: LatLng,
    /// Building, stairwell, door code.
    pub private_note: Option<String>,
    /// Shared by the author when accepting, if they chose to.
    pub phone: Option<String>,
}

/// What the reader may do now.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actions {
    pub reply: bool,
    pub accept: bool,
    pub withdraw: bool,
    /// The helper says the help was given.
    pub mark_done: bool,
    /// The author confirms the help was given: the post is fulfilled.
    pub confirm: bool,
    /// Leave a thank-you note (the post is fulfilled and I have not written one yet).
    pub thank: bool,
    /// Block the other side (they can no longer write here), or lift my block.
    pub block: bool,
    pub unblock: bool,
}

/// A conversation as one participant sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConversationView {
    pub id: i64,
    pub post_id: i64,
    pub post_title: String,
    pub post_kind: PostKind,
    pub post_status: PostStatus,
    pub commune: String,
    pub i_am_author: bool,
    /// Read by staff because a message was reported (they do not take part).
    pub staff_view: bool,
    pub other_name: String,
    /// The author's display name (the relatives' messages read « proche de » it).
    #[serde(default)]
    pub author_name: String,
    /// I read it as a relative of the author: I may write, nothing more.
    #[serde(default)]
    pub i_am_carer: bool,
    /// The other participant is the helper, vetted in person by the Département.
    #[serde(default)]
    pub other_vetted: bool,
    pub accepted: bool,
    /// The helper said the help was given; the author has not confirmed yet.
    pub helper_done: bool,
    pub private: Option<PrivateDetails>,
    /// For the staff member acting for a person who called (phone intake): who the person is,
    /// their phone, when to call them, and whether their phone may be given to the helper.
    pub caller: Option<Caller>,
    pub messages: Vec<MessageView>,
    pub actions: Actions,
    /// The author blocked the responder, or the responder the author: the blocked side can no
    /// longer write here (both sides and staff see it).
    pub author_blocked: bool,
    pub responder_blocked: bool,
    pub now: i64,
}

//! What the public reads of posts: the list of an area (the home page's single data source for
//! the list and the map), one post's page, my posts. What these types carry is public: never the
//! exact point.

use serde::{Deserialize, Serialize};

use crate::domain::grid::Grid;
use crate::domain::{BBox, Category, LatLng, PostKind, PostStatus, PosterKind};

pub use crate::domain::grid::{AGGREGATE_ABOVE, LIST_WHEN_AGGREGATED};

/// A post as shown on the map and in the list. `point` is the public point (privacy grid).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PostSummary {
    pub id: i64,
    pub kind: PostKind,
    pub category: Category,
    pub poster_kind: PosterKind,
    pub status: PostStatus,
    pub title: String,
    /// Name of the commune the post is in.
    pub commune: String,
    pub point: LatLng,
    /// UTC seconds.
    pub created_at: i64,
    /// When it happens, if it says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<crate::domain::schedule::Schedule>,
    /// Published by someone close to the person helped, with their agreement.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub for_relative: bool,
}

/// How many matching posts one cell of the map's grid holds, and where their centre of mass is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CellCount {
    pub cx: i64,
    pub cy: i64,
    pub count: i64,
    pub centre: LatLng,
}

/// The posts of an area, as the home page shows them. Up to `AGGREGATE_ABOVE` matching posts,
/// every one is listed and pinned. Beyond, the map shows `cells` (counts on `grid`) and the list
/// the `LIST_WHEN_AGGREGATED` most relevant posts in the requested order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PostPage {
    /// The posts to list (and to pin when `cells` is empty), in the requested order.
    pub posts: Vec<PostSummary>,
    /// How many posts match in the whole area.
    pub total: i64,
    /// The area that was counted: the requested one, or, when counted by cells, the requested
    /// one rounded out to whole cells.
    pub area: BBox,
    /// The grid of `cells`; `None` when every post is pinned.
    pub grid: Option<Grid>,
    /// The counts per cell, when the area holds more than `AGGREGATE_ABOVE` posts.
    pub cells: Vec<CellCount>,
    /// Server time of the answer (UTC seconds), so relative dates read the same on both sides.
    pub now: i64,
    /// The place searched (or the person's position), once found: the cards say how far each
    /// post is from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<PlaceView>,
    /// How many posts of the list come before `posts` (the pages of a long list).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub offset: i64,
}

fn is_zero(n: &i64) -> bool {
    *n == 0
}

/// A place of the search box, as the server found it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceView {
    /// The commune's name; `None` for the person's own position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its town hall, where distances are measured from.
    pub centre: LatLng,
    pub radius_km: Option<u32>,
}

/// Everything public about one post.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PostDetail {
    pub summary: PostSummary,
    pub description: String,
    pub updated_at: i64,
    pub expires_at: i64,
    /// Whether the person asking wrote it.
    pub mine: bool,
    /// Filed by the département's staff for a person who called: shown as "Déposée par le
    /// Département" (who the person is stays private).
    pub by_phone: bool,
    /// The conversation the person asking has with the author about it, if any.
    pub my_conversation: Option<i64>,
    /// Whether new people may answer it ("Je peux aider" / "Ça m'intéresse").
    pub open_to_responses: bool,
    /// Set when only helpers vetted by the Département may answer it (childcare, home visits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vetted_helper: Option<VettedHelper>,
    /// Thank-you notes, once the help was given.
    pub thanks: Vec<ThanksView>,
    /// Server time of the answer (UTC seconds).
    pub now: i64,
    /// For the members of one building only: its street and commune (« Mon immeuble »).
    #[serde(default)]
    pub building: Option<(String, String)>,
    /// Whom to ask about posts there: the team of the post's territory, when it gave a contact.
    #[serde(default)]
    pub contact: Option<TerritoryContact>,
}

/// The contact of a territory's team (an e-mail address or a phone, or both; may be empty).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TerritoryContact {
    pub territory: String,
    pub email: String,
    pub phone: String,
}

/// A post that only vetted helpers answer, as the person reading it stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VettedHelper {
    /// The person reading holds a valid check.
    pub me: bool,
}

/// What the printed notice of a public post shows (« Imprimer une affichette »): never more than
/// its public page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    pub summary: PostSummary,
    /// The beginning of the description, cut at a word.
    pub excerpt: String,
    /// The post's page as a person types it: the public address without `https://`.
    pub address: String,
}

/// A thank-you note on a fulfilled post.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThanksView {
    /// The writer's name, only when they chose to sign the note.
    pub writer: Option<String>,
    pub body: String,
    pub at: i64,
}

/// One of my posts, as "Mes annonces" lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyPost {
    pub id: i64,
    pub kind: PostKind,
    pub category: Category,
    pub status: PostStatus,
    pub title: String,
    pub commune: String,
    pub created_at: i64,
    pub expires_at: i64,
    /// Past its expiry: off the map and list.
    pub expired: bool,
    /// Hidden from the public after reports, until staff review it.
    pub hidden: bool,
    /// The latest decision of the moderation team (with what was changed, for a redaction).
    pub decision: Option<DecisionForAuthor>,
    /// When it happens, if it says.
    #[serde(default)]
    pub when: Option<crate::domain::schedule::Schedule>,
    /// Published for someone close.
    #[serde(default)]
    pub for_relative: bool,
    /// The relatives who follow it, and the invitations still waiting.
    #[serde(default)]
    pub carers: Vec<crate::wire::carers::CarerView>,
}

/// The latest decision on one of my posts, as its author reads it: what the team decided and
/// why, never who decided (moderators stay anonymous) nor anything the page does not show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DecisionForAuthor {
    pub action: crate::domain::moderation::ModerationAction,
    pub reason: Option<crate::domain::moderation::DecisionReason>,
    pub message: Option<String>,
    /// Title and description before and after a redaction.
    pub before: Option<(String, String)>,
    pub after: Option<(String, String)>,
}

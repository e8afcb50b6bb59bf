//! Reading posts: the list of an area (the home page's single data source for the list and the
//! map) and one post's page. What these DTOs carry is public: never the exact point.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

use crate::domain::commune::CommuneRef;
use crate::domain::grid::Grid;
use crate::domain::{BBox, Category, LatLng, PostKind, PostQuery, PostStatus, PosterKind};
use crate::error::AppError;

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
    /// The conversation the person asking has with the author about it, if any.
    pub my_conversation: Option<i64>,
    /// Whether new people may answer it ("Je peux aider" / "Ça m'intéresse").
    pub open_to_responses: bool,
    /// Thank-you notes, once the help was given.
    pub thanks: Vec<ThanksView>,
    /// Server time of the answer (UTC seconds).
    pub now: i64,
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

/// Anyone may call it. The communes of the département, in alphabetical order.
#[server(input = GetUrl, prefix = "/api", endpoint = "list_communes")]
pub async fn list_communes() -> Result<Vec<CommuneRef>, AppError> {
    crate::server::context::answer(
        async {
            let state = crate::server::context::app_state()?;
            Ok(state.communes.refs())
        }
        .await,
    )
}

/// Logged-in users only. My posts, whatever their status, newest first.
#[server(input = GetUrl, prefix = "/api", endpoint = "my_posts")]
pub async fn my_posts() -> Result<Vec<MyPost>, AppError> {
    use crate::server::{context, services};
    crate::server::context::answer(
        async {
            let state = context::app_state()?;
            let me = context::require_user().await?;
            services::posts::mine(&state.db, &me, services::now()).await
        }
        .await,
    )
}

/// Anyone may call it. The public, unexpired posts of an area matching the filter.
/// Parameters are the home page's URL query: `category` (comma-separated slugs), `kind`
/// (`request`, `offer` or `all`), `sort` (`recent`, `nearest`), `bbox` (`W,S,E,N`).
#[server(input = GetUrl, prefix = "/api", endpoint = "list_posts")]
pub async fn list_posts(
    category: Option<String>,
    kind: Option<String>,
    sort: Option<String>,
    bbox: Option<String>,
) -> Result<PostPage, AppError> {
    use crate::domain::PostFilter;
    use crate::server::{context, services};
    crate::server::context::answer(
        async {
            let state = context::app_state()?;
            let filter = PostFilter::parse(&PostQuery { category, kind, sort, bbox })?;
            services::posts::list_public(&state.db, &filter).await
        }
        .await,
    )
}

/// Anyone may call it. One public post, or one of the caller's own posts whatever its status;
/// `NotFound` for anything else.
#[server(input = GetUrl, prefix = "/api", endpoint = "get_post")]
pub async fn get_post(id: i64) -> Result<PostDetail, AppError> {
    use crate::server::{context, services};
    crate::server::context::answer(
        async {
            let state = context::app_state()?;
            let me = context::current_user().await?;
            services::posts::get_visible(&state.db, id, me.as_ref()).await
        }
        .await,
    )
}

/// Calls `list_posts` with a parsed-or-raw query (the UI keeps the URL's text).
pub async fn fetch_posts(q: PostQuery) -> Result<PostPage, AppError> {
    list_posts(q.category, q.kind, q.sort, q.bbox).await
}

/// Logged-in authors only, for their own posts. The post as its edit form shows it.
#[server(input = GetUrl, prefix = "/api", endpoint = "get_editable_post")]
pub async fn get_editable_post(id: i64) -> Result<crate::domain::post::PostForm, AppError> {
    use crate::server::{context, services};
    crate::server::context::answer(
        async {
            let state = context::app_state()?;
            let me = context::require_user().await?;
            services::posts::editable(&state.db, &state.communes, &me, id).await
        }
        .await,
    )
}

//! Reading posts: the list of an area, one post's page, my posts, the communes. Types in
//! `wire::posts`.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::domain::commune::CommuneRef;
use crate::domain::PostQuery;
use crate::error::AppError;
use crate::wire::posts::{MyPost, PostDetail, PostPage};

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
/// (`request`, `offer` or `all`), `sort` (`recent`, `nearest`, `relevance`), `bbox` (`W,S,E,N`),
/// `place` (a commune or a postcode: "nearest" and the distances are from its town hall;
/// without `bbox`, the area around it), `at` (`lat,lon`, the person's position, used like a
/// place when none is typed), `radius` (km around the place: 1, 2, 5, 10, 20), `q` (words
/// searched in titles and descriptions, best match first), `page` (from 1, of a list longer
/// than the map pins).
#[server(input = GetUrl, prefix = "/api", endpoint = "list_posts")]
pub async fn list_posts(#[server(flatten)] q: PostQuery) -> Result<PostPage, AppError> {
    use crate::domain::PostFilter;
    use crate::server::{context, services};
    crate::server::context::answer(
        async {
            let state = context::app_state()?;
            let filter = PostFilter::parse(&q)?;
            let (filter, place) = services::posts::locate_place(&state.communes, &filter)?;
            let mut page = services::posts::list_public(&state.db, &filter).await?;
            page.place = place;
            Ok(page)
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
            services::posts::get_visible(&state.db, &state.vetted, id, me.as_ref()).await
        }
        .await,
    )
}

/// Anyone may call it. What the printed notice of a public, unexpired post shows; `NotFound`
/// for anything else (a pending post, an expired one, someone's own draft).
#[server(input = GetUrl, prefix = "/api", endpoint = "get_notice")]
pub async fn get_notice(id: i64) -> Result<crate::wire::posts::Notice, AppError> {
    use crate::server::{context, services};
    crate::server::context::answer(
        async {
            let state = context::app_state()?;
            services::posts::notice(&state.db, id).await
        }
        .await,
    )
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

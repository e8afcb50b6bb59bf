//! The list of posts: the server-rendered content of the home page, and the map's text
//! alternative. It shows exactly the posts the map shows.

use leptos::prelude::*;

use crate::api::posts::{PostPage, PostSummary};
use crate::domain::time::{absolute_fr, relative_fr};
use crate::domain::{PostFilter, PostKind, PostStatus};
use crate::ui::components::filter_bar::SortLinks;

/// The posts of `page`, with how many there are and the choice of order.
#[component]
pub fn PostList(page: PostPage, filter: Signal<PostFilter>) -> impl IntoView {
    let shown = page.posts.len() as i64;
    let more = page.total - shown;
    let heading = match page.total {
        0 => "Aucune annonce dans cette zone".to_owned(),
        1 => "1 annonce dans cette zone".to_owned(),
        n => format!("{n} annonces dans cette zone"),
    };
    let now = page.now;
    view! {
        <div class="list-head">
            <h2 id="annonces-titre" class="list-heading" aria-live="polite">{heading}</h2>
            <SortLinks filter=filter/>
        </div>
        {(page.total == 0).then(|| view! {
            <p class="empty">
                "Essayez d'élargir la carte ou d'enlever un filtre. "
                <a href="/">"Voir toutes les annonces du Haut-Rhin"</a>
            </p>
        })}
        <ul class="post-list">
            {page.posts.into_iter().map(|p| view! { <PostCard post=p now=now/> }).collect_view()}
        </ul>
        {(more > 0).then(|| view! {
            <p class="more">
                {format!("{more} autres annonces dans cette zone : zoomez sur la carte ou choisissez une catégorie pour les voir.")}
            </p>
        })}
    }
}

/// One post in the list.
#[component]
pub fn PostCard(post: PostSummary, now: i64) -> impl IntoView {
    let kind_class = match post.kind {
        PostKind::Request => "badge badge-request",
        PostKind::Offer => "badge badge-offer",
    };
    view! {
        <li class="post-card">
            <article aria-labelledby=format!("post-{}", post.id)>
                <h3 id=format!("post-{}", post.id) class="post-title">
                    <a href=format!("/posts/{}", post.id)>{post.title.clone()}</a>
                </h3>
                <p class="post-tags">
                    <span class=kind_class>{post.kind.label_fr()}</span>
                    <span class="cat" style=format!("--cat:{}", post.category.colour())>
                        <span aria-hidden="true">{post.category.icon()}</span>
                        {post.category.label_fr()}
                    </span>
                    {(post.status == PostStatus::InProgress).then(|| view! { <span class="badge badge-progress">"En cours"</span> })}
                </p>
                <p class="post-meta">
                    {post.commune.clone()}
                    " · "
                    <time datetime=crate::domain::time::rfc3339(post.created_at) title=absolute_fr(post.created_at)>
                        {relative_fr(now, post.created_at)}
                    </time>
                    " · "
                    {post.poster_kind.label_fr()}
                </p>
            </article>
        </li>
    }
}

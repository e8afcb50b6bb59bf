//! The list of posts: the server-rendered content of the home page, and the map's text
//! alternative. It shows exactly the posts the map shows.

use leptos::prelude::*;

use crate::domain::filter::shown_distance_m;
use crate::domain::{LatLng, PostFilter, PostKind, PostStatus};
use crate::i18n::{absolute, label, lang, n, relative, s, t, t_args, Lang};
use crate::ui::components::filter_bar::SortLinks;
use crate::wire::posts::{PostPage, PostSummary};

/// The posts of `page`, with how many there are and the choice of order.
#[component]
pub fn PostList(page: PostPage, filter: Signal<PostFilter>) -> impl IntoView {
    let shown = page.posts.len() as i64;
    let more = page.total - shown;
    let heading = t_args("list-heading", &[("count", n(page.total as f64))]);
    let now = page.now;
    let from = page.place.as_ref().map(|p| p.centre);
    view! {
        <div class="list-head">
            <h2 id="annonces-titre" class="list-heading" aria-live="polite">{heading}</h2>
            <SortLinks filter=filter/>
        </div>
        <p class="alert-cta"><a href="/alertes">{t("list-alert-cta")}</a></p>
        {(page.total == 0).then(|| view! {
            <p class="empty">
                {t("list-empty")}" "
                <a href="/">{t("list-see-all")}</a>
            </p>
        })}
        <ul class="post-list">
            {page.posts.into_iter().map(|p| view! { <PostCard post=p now=now from=from/> }).collect_view()}
        </ul>
        {(more > 0).then(|| view! {
            <p class="more">
                {t_args("list-more", &[("count", n(more as f64))])}
            </p>
        })}
    }
}

/// "à 1,2 km" from the place searched to `to`, in the page's language.
fn distance(from: LatLng, to: LatLng) -> String {
    match shown_distance_m(from, to) {
        None => t("distance-near"),
        Some(m) => {
            let km = format!("{:.1}", f64::from(m) / 1000.0);
            let km = if lang() == Lang::Fr { km.replace('.', ",") } else { km };
            t_args("distance-km", &[("km", s(km))])
        }
    }
}

/// One post in the list; with `from`, how far it is from the place searched.
#[component]
pub fn PostCard(post: PostSummary, now: i64, #[prop(default = None)] from: Option<LatLng>) -> impl IntoView {
    let away = from.map(|f| distance(f, post.point));
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
                    <span class=kind_class>{label("kind", post.kind.slug())}</span>
                    <span class="cat" style=format!("--cat:{}", post.category.colour())>
                        <span aria-hidden="true">{post.category.icon()}</span>
                        {label("category", post.category.slug())}
                    </span>
                    {(post.status == PostStatus::InProgress).then(|| view! {
                        <span class="badge badge-progress">{label("status", PostStatus::InProgress.slug())}</span>
                    })}
                </p>
                <p class="post-meta">
                    {post.commune.clone()}
                    " · "
                    <time datetime=crate::domain::time::rfc3339(post.created_at) title=absolute(post.created_at)>
                        {relative(now, post.created_at)}
                    </time>
                    " · "
                    {label("poster", post.poster_kind.slug())}
                    {away.map(|d| view! { " · " <span class="distance">{d}</span> })}
                </p>
            </article>
        </li>
    }
}

//! The list of posts: the server-rendered content of the home page, and the map's text
//! alternative. It shows exactly the posts the map shows.

use leptos::prelude::*;

use crate::domain::filter::shown_distance_m;
use crate::domain::{LatLng, PostFilter, PostKind, PostStatus};
use crate::i18n::{absolute, label, lang, n, relative, s, t, t_args, Lang};
use crate::ui::components::filter_bar::SortLinks;
use crate::wire::posts::{PostPage, PostSummary};

/// The posts of `page`, with how many there are, the words searched, the choice of order, and
/// the pages of a long list.
#[component]
pub fn PostList(page: PostPage, filter: Signal<PostFilter>) -> impl IntoView {
    let shown = page.posts.len() as i64;
    let more = page.total - shown - page.offset;
    let heading = t_args("list-heading", &[("count", n(page.total as f64))]);
    let now = page.now;
    let from = page.place.as_ref().map(|p| p.centre);
    let words = move || {
        let f = filter.get();
        f.words.clone().map(|w| {
            view! {
                <p class="list-words">
                    <span>{t_args("list-words", &[("words", s(w))])}</span>" "
                    <a href=f.without_words().href()>{t("words-clear")}</a>
                </p>
            }
        })
    };
    let pager = (page.total > shown && shown > 0)
        .then(|| view! { <Pager offset=page.offset shown=shown total=page.total filter=filter/> });
    view! {
        <div class="list-head">
            <h2 id="annonces-titre" class="list-heading" aria-live="polite">{heading}</h2>
            <SortLinks filter=filter/>
        </div>
        {words}
        <p class="alert-cta"><a href="/alertes">{t("list-alert-cta")}</a></p>
        {(shown == 0 && page.offset > 0 && page.total > 0).then(|| view! {
            <p class="empty">
                {t("pager-beyond")}" "
                <a href=format!("{}#annonces", filter.get_untracked().first_page().href())>{t("pager-first")}</a>
            </p>
        })}
        {(page.total == 0).then(|| view! {
            <p class="empty">
                {t("list-empty")}" "
                <a href="/">{t("list-see-all")}</a>
            </p>
        })}
        <ul class="post-list">
            {page.posts.into_iter().map(|p| view! { <PostCard post=p now=now from=from/> }).collect_view()}
        </ul>
        {(more > 0 && page.offset == 0).then(|| view! {
            <p class="more">
                {t_args("list-more", &[("count", n(more as f64))])}
            </p>
        })}
        {pager}
    }
}

/// "Annonces 51 à 100 sur 1 234", with links to the previous and the next posts: how a long
/// list is read without the map (without JavaScript, or with a screen reader). Plain links, in
/// the address, each back to the top of the list.
#[component]
fn Pager(offset: i64, shown: i64, total: i64, filter: Signal<PostFilter>) -> impl IntoView {
    use crate::domain::filter::PAGE_MAX;
    use crate::domain::grid::LIST_WHEN_AGGREGATED as PER_PAGE;
    let index = (offset / PER_PAGE) as u32;
    let link = move |to: u32| format!("{}#annonces", filter.get_untracked().on_page(to).href());
    let range = t_args(
        "pager-range",
        &[("from", n((offset + 1).min(total) as f64)), ("to", n((offset + shown) as f64)), ("total", n(total as f64))],
    );
    let next = (total - offset - shown).min(PER_PAGE);
    view! {
        <nav class="pager" aria-label=t("pager")>
            <p class="pager-range">{range}</p>
            <ul class="pager-links">
                {(index > 0).then(|| view! {
                    <li><a class="btn btn-small btn-secondary" rel="prev" href=link(index - 1)>
                        <span aria-hidden="true">"← "</span>{t_args("pager-previous", &[("count", n(PER_PAGE as f64))])}
                    </a></li>
                })}
                {(next > 0 && index + 1 < PAGE_MAX).then(|| view! {
                    <li><a class="btn btn-small" rel="next" href=link(index + 1)>
                        {t_args("pager-next", &[("count", n(next as f64))])}<span aria-hidden="true">" →"</span>
                    </a></li>
                })}
            </ul>
        </nav>
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

/// When a post happens, as a line of its card.
#[component]
pub fn WhenLine(when: crate::domain::schedule::Schedule) -> impl IntoView {
    view! {
        <p class="when-line">
            <span aria-hidden="true">"🗓"</span>
            <span><span class="visually-hidden">{format!("{} — ", t("when-label"))}</span>{crate::i18n::schedule(&when)}</span>
        </p>
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
                    {post.for_relative.then(|| view! { <span class="badge badge-relative">{t("badge-for-relative")}</span> })}
                </p>
                {post.when.map(|w| view! { <WhenLine when=w/> })}
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

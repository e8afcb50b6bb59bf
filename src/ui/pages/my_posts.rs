//! `/mes-annonces`: my posts with their status; close ("réalisée", "retirée") or extend them;
//! invite a relative to follow one (« Un proche à mes côtés »); the posts I follow as a relative.
//! With JavaScript, each action is taken without leaving the page (`PostForm`): the list is read
//! again and the notice (or the mistake) shows above it.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::carers::followed_posts;
use crate::api::posts::my_posts;
use crate::domain::PostStatus;
use crate::error::AppError;
use crate::i18n::{absolute, label, s as text, t, t_args};
use crate::ui::components::decision::AuthorDecision;
use crate::ui::components::form_field::FormMessage;
use crate::ui::components::http_status::set_http_status;
use crate::ui::components::post_form::PostForm;
use crate::ui::writes::{echo_resource, written};
use crate::wire::forms::FormEcho;
use crate::wire::posts::MyPost;

/// The author's list.
#[component]
pub fn MyPostsPage() -> impl IntoView {
    let echo = echo_resource();
    // Read again after each action taken without a reload.
    let posts = Resource::new(written, |_| my_posts());
    let followed = Resource::new(written, |_| followed_posts());
    let query = use_query_map().read_untracked();
    let published = query.get("publiee").is_some();
    let edited = query.get("modifiee").is_some();
    let now_following = query.get("suivie").is_some();
    if published {
        // The post left: the draft kept on the device is done with (browser only).
        Effect::new(|_| crate::ui::components::draft::forget());
    }
    view! {
        <Title text=t("my-posts-title")/>
        <div class="page narrow">
            <h1>{t("nav-my-posts")}</h1>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let echo = echo.await.ok().flatten().unwrap_or_default();
                    // After an action, its own notice replaces the one the address carries.
                    let (published, edited) = (published && echo.form.is_empty(), edited && echo.form.is_empty());
                    match posts.await {
                        Ok(list) => {
                            let followed = followed.await.unwrap_or_default();
                            view! {
                                {now_following.then(|| view! {
                                    <div class="notice" role="status"><p>{t("carer-now-following")}</p></div>
                                })}
                                <MyPostList list=list echo=echo published=published edited=edited/>
                                <crate::ui::components::carers::Followed list=followed/>
                            }.into_any()
                        }
                        Err(AppError::Unauthenticated) => {
                            set_http_status(401);
                            view! {
                                <p>{t("my-posts-log-in")}</p>
                                <p><a class="btn" href="/connexion?next=/mes-annonces">{t("nav-log-in")}</a></p>
                            }
                                .into_any()
                        }
                        Err(e) => view! { <div class="alert" role="alert"><p>{e.to_string()}</p></div> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn MyPostList(list: Vec<MyPost>, echo: FormEcho, published: bool, edited: bool) -> impl IntoView {
    let empty = list.is_empty();
    view! {
        {published.then(|| view! {
            <div class="notice" role="status">
                <p>{t("my-posts-published")}</p>
            </div>
        })}
        {edited.then(|| view! {
            <div class="notice" role="status">
                <p>{t("my-posts-edited")}</p>
            </div>
        })}
        <FormMessage form="my_posts" echo=echo.clone()/>
        <p class="row-actions">
            <a class="btn" href="/publier">{t("publish-heading")}</a>
            <a class="btn btn-secondary" href="/immeuble">{t("building-heading")}</a>
        </p>
        {empty.then(|| view! { <p>{t("my-posts-none")}</p> })}
        <ul class="post-list">{list.into_iter().map(|p| view! { <MyPostItem post=p echo=echo.clone()/> }).collect_view()}</ul>
    }
}

#[component]
fn MyPostItem(post: MyPost, echo: FormEcho) -> impl IntoView {
    let status = if post.hidden && post.status.is_public() {
        t("my-posts-hidden")
    } else if post.expired && post.status.is_public() {
        t("status-expired")
    } else {
        label("status", post.status.slug())
    };
    let decision = post.decision.clone();
    let open = matches!(post.status, PostStatus::Pending | PostStatus::Published | PostStatus::InProgress);
    let editable = matches!(post.status, PostStatus::Pending | PostStatus::Published | PostStatus::Rejected);
    let can_fulfil = post.status.can_become(PostStatus::Fulfilled);
    // One copy per form (each form's fields are built when it is).
    let (extend_id, fulfil_id, close_id) = (post.id.to_string(), post.id.to_string(), post.id.to_string());
    // What comes back is confirmed a month at a time; a day's post stays until that evening.
    let recurring = post.when.is_some_and(|w| w.is_recurring());
    let extendable = post.when.is_none() || recurring;
    view! {
        <li class="post-card">
            <article aria-labelledby=format!("mine-{}", post.id)>
                <h2 id=format!("mine-{}", post.id) class="post-title">
                    <a href=format!("/posts/{}", post.id)>{post.title.clone()}</a>
                </h2>
                <p class="post-tags">
                    <span class="badge badge-status" class:badge-pending=post.status == PostStatus::Pending || post.hidden>{status}</span>
                    <span class="cat" style=format!("--cat:{}", post.category.colour())>
                        <span aria-hidden="true">{post.category.icon()}</span>
                        {label("category", post.category.slug())}
                    </span>
                </p>
                {post.when.map(|w| view! { <crate::ui::components::post_list::WhenLine when=w/> })}
                <p class="post-meta">
                    {post.commune.clone()} " · " {t_args("my-posts-published-on", &[("date", text(absolute(post.created_at)))])}
                    {open.then(|| format!(" · {}", t_args("my-posts-online-until", &[("date", text(absolute(post.expires_at)))])))}
                </p>
                {decision.map(|d| view! { <AuthorDecision event=d/> })}
                {editable.then(|| view! {
                    <p class="row-actions">
                        <a class="btn btn-small btn-secondary" href=format!("/mes-annonces/{}/modifier", post.id)>{t("my-posts-edit")}</a>
                    </p>
                })}
                {open.then(|| view! {
                    <div class="row-actions">
                        {extendable.then(|| view! {
                        <PostForm action="/mes-annonces">
                            <input type="hidden" name="form" value="extend"/>
                            <input type="hidden" name="id" value=extend_id/>
                            <input type="hidden" name="days" value="30"/>
                            <button type="submit" class="btn btn-small btn-secondary">
                                {if recurring { t("my-posts-confirm") } else { t("my-posts-extend") }}
                            </button>
                        </PostForm>
                        })}
                        {can_fulfil.then(|| view! {
                            <PostForm action="/mes-annonces">
                                <input type="hidden" name="form" value="close"/>
                                <input type="hidden" name="id" value=fulfil_id/>
                                <input type="hidden" name="outcome" value="fulfilled"/>
                                <button type="submit" class="btn btn-small btn-secondary">{t("my-posts-fulfilled")}</button>
                            </PostForm>
                        })}
                        <PostForm action="/mes-annonces">
                            <input type="hidden" name="form" value="close"/>
                            <input type="hidden" name="id" value=close_id/>
                            <input type="hidden" name="outcome" value="closed"/>
                            <button type="submit" class="btn btn-small btn-secondary">{t("my-posts-withdraw")}</button>
                        </PostForm>
                    </div>
                })}
                {(open || !post.carers.is_empty()).then(|| view! {
                    <crate::ui::components::carers::Relatives post_id=post.id carers=post.carers.clone() open=open echo=echo/>
                })}
            </article>
        </li>
    }
}

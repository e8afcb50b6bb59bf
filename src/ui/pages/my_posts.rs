//! `/mes-annonces`: my posts with their status; close ("réalisée", "retirée") or extend them.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::forms::{read_form_echo, FormEcho};
use crate::api::posts::{my_posts, MyPost};
use crate::domain::time::absolute_fr;
use crate::domain::PostStatus;
use crate::error::AppError;
use crate::ui::components::decision::AuthorDecision;
use crate::ui::components::form_field::FormMessage;
use crate::ui::components::http_status::set_http_status;

/// The author's list.
#[component]
pub fn MyPostsPage() -> impl IntoView {
    let echo = Resource::new(|| (), |_| read_form_echo());
    let posts = Resource::new(|| (), |_| my_posts());
    let query = use_query_map().read_untracked();
    let published = query.get("publiee").is_some();
    let edited = query.get("modifiee").is_some();
    if published {
        // The post left: the draft kept on the device is done with (browser only).
        Effect::new(|_| crate::ui::components::draft::forget());
    }
    view! {
        <Title text="Mes annonces — Entraide Haut-Rhin"/>
        <div class="page narrow">
            <h1>"Mes annonces"</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let echo = echo.await.ok().flatten().unwrap_or_default();
                    match posts.await {
                        Ok(list) => view! { <MyPostList list=list echo=echo published=published edited=edited/> }.into_any(),
                        Err(AppError::Unauthenticated) => {
                            set_http_status(401);
                            view! {
                                <p>"Connectez-vous pour voir vos annonces."</p>
                                <p><a class="btn" href="/connexion?next=/mes-annonces">"Se connecter"</a></p>
                            }
                                .into_any()
                        }
                        Err(e) => view! { <div class="alert" role="alert"><p>{e.to_string()}</p></div> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn MyPostList(list: Vec<MyPost>, echo: FormEcho, published: bool, edited: bool) -> impl IntoView {
    let empty = list.is_empty();
    view! {
        {published.then(|| view! {
            <div class="notice" role="status">
                <p>"Votre annonce est enregistrée. Elle sera visible de tous après validation par l'équipe du Département."</p>
            </div>
        })}
        {edited.then(|| view! {
            <div class="notice" role="status">
                <p>"Vos modifications sont enregistrées. L'annonce sera de nouveau visible après validation."</p>
            </div>
        })}
        <FormMessage form="my_posts" echo=echo/>
        <p><a class="btn" href="/publier">"Publier une annonce"</a></p>
        {empty.then(|| view! { <p>"Vous n'avez pas encore publié d'annonce."</p> })}
        <ul class="post-list">{list.into_iter().map(|p| view! { <MyPostItem post=p/> }).collect_view()}</ul>
    }
}

#[component]
fn MyPostItem(post: MyPost) -> impl IntoView {
    let label = if post.hidden && post.status.is_public() {
        "Masquée le temps d'une vérification".to_owned()
    } else if post.expired && post.status.is_public() {
        "Expirée".to_owned()
    } else {
        post.status.label_fr().to_owned()
    };
    let decision = post.decision.clone();
    let open = matches!(post.status, PostStatus::Pending | PostStatus::Published | PostStatus::InProgress);
    let editable = matches!(post.status, PostStatus::Pending | PostStatus::Published | PostStatus::Rejected);
    let can_fulfil = post.status.can_become(PostStatus::Fulfilled);
    let id = post.id.to_string();
    view! {
        <li class="post-card">
            <article aria-labelledby=format!("mine-{}", post.id)>
                <h2 id=format!("mine-{}", post.id) class="post-title">
                    <a href=format!("/posts/{}", post.id)>{post.title.clone()}</a>
                </h2>
                <p class="post-tags">
                    <span class="badge badge-status" class:badge-pending=post.status == PostStatus::Pending || post.hidden>{label}</span>
                    <span class="cat" style=format!("--cat:{}", post.category.colour())>
                        <span aria-hidden="true">{post.category.icon()}</span>
                        {post.category.label_fr()}
                    </span>
                </p>
                <p class="post-meta">
                    {post.commune.clone()} " · publiée le " {absolute_fr(post.created_at)}
                    {open.then(|| format!(" · en ligne jusqu'au {}", absolute_fr(post.expires_at)))}
                </p>
                {decision.map(|d| view! { <AuthorDecision event=d/> })}
                {editable.then(|| view! {
                    <p class="row-actions">
                        <a class="btn btn-small btn-secondary" href=format!("/mes-annonces/{}/modifier", post.id)>"Modifier"</a>
                    </p>
                })}
                {open.then(|| view! {
                    <div class="row-actions">
                        <form method="post" action="/mes-annonces">
                            <input type="hidden" name="form" value="extend"/>
                            <input type="hidden" name="id" value=id.clone()/>
                            <input type="hidden" name="days" value="30"/>
                            <button type="submit" class="btn btn-small btn-secondary">"Prolonger de 30 jours"</button>
                        </form>
                        {can_fulfil.then(|| view! {
                            <form method="post" action="/mes-annonces">
                                <input type="hidden" name="form" value="close"/>
                                <input type="hidden" name="id" value=id.clone()/>
                                <input type="hidden" name="outcome" value="fulfilled"/>
                                <button type="submit" class="btn btn-small btn-secondary">"Marquer comme réalisée"</button>
                            </form>
                        })}
                        <form method="post" action="/mes-annonces">
                            <input type="hidden" name="form" value="close"/>
                            <input type="hidden" name="id" value=id.clone()/>
                            <input type="hidden" name="outcome" value="closed"/>
                            <button type="submit" class="btn btn-small btn-secondary">"Retirer l'annonce"</button>
                        </form>
                    </div>
                })}
            </article>
        </li>
    }
}

//! « Un proche à mes côtés » on « Mes annonces »: under each of my posts, the relatives who
//! follow it and the invitation form (`Relatives`); below my posts, the posts I follow as a
//! relative, with their state and who answers (`Followed`). Plain forms: the same without
//! JavaScript.

use leptos::prelude::*;

use crate::domain::PostStatus;
use crate::i18n::{day, label, s as text, t, t_args};
use crate::ui::components::form_field::TextField;
use crate::ui::components::post_form::PostForm;
use crate::wire::carers::{CarerView, FollowedPost};
use crate::wire::forms::FormEcho;

/// The name of the invitation form of post `id` (as `server::forms::carers::invite_form`).
fn invite_form(id: i64) -> String {
    format!("carer-{id}")
}

/// The relatives of one of my posts, and the form to invite one (while the post is open).
#[component]
pub fn Relatives(post_id: i64, carers: Vec<CarerView>, open: bool, echo: FormEcho) -> impl IntoView {
    let form = invite_form(post_id);
    // Open after a mistake in its form, or when someone follows already.
    let unfold = echo.form == form || !carers.is_empty();
    let count = carers.len();
    let heading_id = format!("carers-{post_id}");
    view! {
        <details class="carers" open=unfold>
            <summary id=heading_id.clone()>
                {t("carer-heading")}
                {(count > 0).then(|| format!(" ({count})"))}
            </summary>
            <p class="hint">{t("carer-explain")}</p>
            {(!carers.is_empty()).then(|| view! {
                <ul class="carer-list" aria-labelledby=heading_id.clone()>
                    {carers.into_iter().map(|c| view! { <RelativeItem carer=c/> }).collect_view()}
                </ul>
            })}
            {open.then(|| view! {
                <PostForm action="/mes-annonces" class="form carer-invite" novalidate=true>
                    <input type="hidden" name="form" value="invite-carer"/>
                    <input type="hidden" name="id" value=post_id.to_string()/>
                    <TextField form=form.clone() name="email" label=t("carer-email") kind="email" echo=echo.clone()
                        autocomplete="off" hint=t("carer-email-hint")/>
                    <button type="submit" class="btn btn-small">{t("carer-invite")}</button>
                </PostForm>
            })}
        </details>
    }
}

#[component]
fn RelativeItem(carer: CarerView) -> impl IntoView {
    // The button says the short verb; its name for a screen reader says whom.
    let (who, state, button) = match (&carer.name, &carer.email) {
        (Some(name), _) => (name.clone(), t("carer-following"), t("carer-remove")),
        (None, email) => {
            let email = email.clone().unwrap_or_default();
            let state = t_args("carer-waiting", &[("date", text(day(carer.until)))]);
            (email, state, t("carer-cancel"))
        }
    };
    let whom = format!(" {who}");
    view! {
        <li class="carer">
            <span><strong class="carer-who">{who}</strong> " — " {state}</span>
            <PostForm action="/mes-annonces">
                <input type="hidden" name="form" value="remove-carer"/>
                <input type="hidden" name="carer" value=carer.id.to_string()/>
                <button type="submit" class="btn btn-small btn-secondary">
                    {button}<span class="visually-hidden">{whom}</span>
                </button>
            </PostForm>
        </li>
    }
}

/// The posts I follow as a relative of their author.
#[component]
pub fn Followed(list: Vec<FollowedPost>) -> impl IntoView {
    (!list.is_empty()).then(|| {
        view! {
            <section id="proches" class="followed" aria-labelledby="followed-heading">
                <h2 id="followed-heading">{t("carer-followed-heading")}</h2>
                <p class="hint">{t("carer-followed-explain")}</p>
                <ul class="post-list">{list.into_iter().map(|p| view! { <FollowedItem post=p/> }).collect_view()}</ul>
            </section>
        }
    })
}

#[component]
fn FollowedItem(post: FollowedPost) -> impl IntoView {
    let status = if post.hidden && post.status.is_public() {
        t("my-posts-hidden")
    } else if post.expired && post.status.is_public() {
        t("status-expired")
    } else {
        label("status", post.status.slug())
    };
    let helpers: Vec<String> = post.conversations.iter().filter(|c| c.helper).map(|c| c.with.clone()).collect();
    let pending = post.status == PostStatus::Pending;
    view! {
        <li class="post-card">
            <article aria-labelledby=format!("followed-{}", post.post_id)>
                <h3 id=format!("followed-{}", post.post_id) class="post-title">
                    {if pending {
                        view! { <span>{post.title.clone()}</span> }.into_any()
                    } else {
                        view! { <a href=format!("/posts/{}", post.post_id)>{post.title.clone()}</a> }.into_any()
                    }}
                </h3>
                <p class="post-tags">
                    <span class="badge badge-status" class:badge-pending=pending || post.hidden>{status}</span>
                    <span class="cat" style=format!("--cat:{}", post.category.colour())>
                        <span aria-hidden="true">{post.category.icon()}</span>
                        {label("category", post.category.slug())}
                    </span>
                </p>
                <p class="post-meta">
                    {t_args("carer-post-of", &[("name", text(&post.author_name))])} " · " {post.commune.clone()}
                </p>
                <p>
                    {if helpers.is_empty() {
                        t("carer-no-helper")
                    } else {
                        t_args("carer-helper", &[("names", text(helpers.join(", ")))])
                    }}
                </p>
                {(!post.conversations.is_empty()).then(|| view! {
                    <ul class="carer-conversations">
                        {post.conversations.iter().map(|c| view! {
                            <li>
                                <a href=format!("/messages/{}", c.id)>
                                    {t_args("carer-conversation-with", &[("name", text(&c.with))])}
                                </a>
                            </li>
                        }).collect_view()}
                    </ul>
                })}
                <PostForm action="/mes-annonces" class="row-actions">
                    <input type="hidden" name="form" value="remove-carer"/>
                    <input type="hidden" name="carer" value=post.carer_id.to_string()/>
                    <button type="submit" class="btn btn-small btn-secondary">{t("carer-stop")}</button>
                </PostForm>
            </article>
        </li>
    }
}

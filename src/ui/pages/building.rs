//! « Mon immeuble » (#18 §3): `/immeuble` (my buildings' groups and their posts; create one,
//! join one with its code, leave), `/immeuble/rejoindre?code=…` (what the QR code of a notice
//! opens) and `/immeuble/:id/affiche` (the notice for the hall: A4, large type, a QR code and
//! the code). Plain forms posted to `/immeuble` (`server/forms/buildings.rs`).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::buildings::{building_notice, building_preview, my_buildings};
use crate::api::posts::list_communes;
use crate::domain::commune::CommuneRef;
use crate::error::AppError;
use crate::i18n::{absolute, label, s as text, t, t_args};
use crate::ui::components::error_box::ErrorBox;
use crate::ui::components::form_field::{FormMessage, TextField};
use crate::ui::components::http_status::set_http_status;
use crate::ui::components::post_form::PostForm;
use crate::ui::pages::not_found::NotFoundPage;
use crate::ui::pages::notice::print;
use crate::ui::state::{hydrated, use_current_user};
use crate::ui::writes::{echo_resource, written};
use crate::wire::buildings::{BuildingNotice, BuildingView, JoinPreview};
use crate::wire::forms::FormEcho;

/// « Immeuble, rue des Tilleuls, Colmar ».
fn building_name(street: &str, commune: &str) -> String {
    t_args("building-label", &[("street", text(street)), ("commune", text(commune))])
}

/// `/immeuble`.
#[component]
pub fn MyBuildingPage() -> impl IntoView {
    let echo = echo_resource();
    // Read again after a group created, joined or left without a reload.
    let buildings = Resource::new(written, |_| my_buildings());
    let communes = Resource::new(|| (), |_| list_communes());
    let query = use_query_map();
    view! {
        <Title text=t("building-title")/>
        <div class="page narrow">
            <h1>{t("building-heading")}</h1>
            <p class="lead">{t("building-intro")}</p>
            <Transition fallback=|| ()>
                {move || {
                    // What was just done (the address a write leads to).
                    let said = query.with(|q| {
                        [("cree", "building-created"), ("rejoint", "building-joined"), ("quitte", "building-left")]
                            .into_iter()
                            .find(|(k, _)| q.get(k).is_some())
                            .map(|(_, key)| t(key))
                    });
                    Suspend::new(async move {
                    let echo = echo.await.ok().flatten().unwrap_or_default();
                    let communes = communes.await.unwrap_or_default();
                    match buildings.await {
                        Ok(list) => view! {
                            {said.map(|s| view! { <div class="notice" role="status"><p>{s}</p></div> })}
                            <FormMessage form="building_leave" echo=echo.clone()/>
                            {list.into_iter().map(|b| view! { <Building b=b/> }).collect_view()}
                            <JoinForm echo=echo.clone() code=String::new()/>
                            <CreateForm echo=echo communes=communes/>
                        }.into_any(),
                        Err(AppError::Unauthenticated) => {
                            set_http_status(401);
                            view! {
                                <p>{t("building-log-in")}</p>
                                <p><a class="btn" href="/connexion?next=/immeuble">{t("nav-log-in")}</a></p>
                            }.into_any()
                        }
                        Err(e) => view! { <ErrorBox error=e/> }.into_any(),
                    }
                })}}
            </Transition>
        </div>
    }
}

#[component]
fn Building(b: BuildingView) -> impl IntoView {
    let name = building_name(&b.street, &b.commune);
    let heading = format!("immeuble-{}", b.id);
    let empty = b.posts.is_empty();
    view! {
        <section class="building" id=heading.clone() aria-labelledby=format!("{heading}-h")>
            <h2 id=format!("{heading}-h")>{name}</h2>
            <p class="post-meta">
                {t_args("building-members", &[("count", crate::i18n::n(b.members as f64))])}" · "
                {t_args("building-code", &[("code", text(&b.code))])}
            </p>
            <p class="row-actions">
                <a class="btn btn-small" href=format!("/publier?immeuble={}", b.id)>{t("building-publish")}</a>
                <a class="btn btn-small btn-secondary" href=format!("/immeuble/{}/affiche", b.id)>{t("building-print")}</a>
            </p>
            <h3>{t("building-posts")}</h3>
            {empty.then(|| view! { <p>{t("building-no-posts")}</p> })}
            <ul class="post-list">
                {b.posts.into_iter().map(|p| view! {
                    <li class="post-card">
                        <article aria-labelledby=format!("bpost-{}", p.id)>
                            <h4 id=format!("bpost-{}", p.id) class="post-title">
                                <a href=format!("/posts/{}", p.id)>{p.title.clone()}</a>
                            </h4>
                            <p class="post-tags">
                                <span class=format!("badge badge-{}", p.kind.slug())>{label("kind", p.kind.slug())}</span>
                                <span class="cat" style=format!("--cat:{}", p.category.colour())>
                                    <span aria-hidden="true">{p.category.icon()}</span>
                                    {label("category", p.category.slug())}
                                </span>
                            </p>
                            <p class="post-meta">
                                {p.author.clone().unwrap_or_default()}" · "{absolute(p.created_at)}
                            </p>
                        </article>
                    </li>
                }).collect_view()}
            </ul>
            <details class="building-leave">
                <summary>{t("building-leave")}</summary>
                <PostForm action="/immeuble">
                    <input type="hidden" name="form" value="leave"/>
                    <input type="hidden" name="id" value=b.id.to_string()/>
                    <p class="hint">{t("building-leave-hint")}</p>
                    <button type="submit" class="btn btn-small btn-secondary">{t("building-leave-confirm")}</button>
                </PostForm>
            </details>
        </section>
    }
}

#[component]
fn JoinForm(echo: FormEcho, code: String) -> impl IntoView {
    const F: &str = "building_join";
    view! {
        <section class="building-form" aria-labelledby="building-join-h">
            <h2 id="building-join-h">{t("building-join-heading")}</h2>
            <PostForm action="/immeuble" class="form" novalidate=true>
                <input type="hidden" name="form" value="join"/>
                <FormMessage form=F echo=echo.clone()/>
                <TextField form=F name="code" label=t("building-code-label") echo=echo.clone() initial=code
                    autocomplete="off" hint=t("building-code-hint")/>
                <button type="submit" class="btn">{t("building-join")}</button>
            </PostForm>
        </section>
    }
}

#[component]
fn CreateForm(echo: FormEcho, communes: Vec<CommuneRef>) -> impl IntoView {
    const F: &str = "building_create";
    view! {
        <section class="building-form" aria-labelledby="building-create-h">
            <h2 id="building-create-h">{t("building-create-heading")}</h2>
            <p>{t("building-create-intro")}</p>
            <PostForm action="/immeuble" class="form" novalidate=true>
                <input type="hidden" name="form" value="create"/>
                <FormMessage form=F echo=echo.clone()/>
                <TextField form=F name="street" label=t("building-street") echo=echo.clone()
                    autocomplete="off" hint=t("building-street-hint")/>
                <TextField form=F name="commune" label=t("publish-commune") echo=echo.clone()
                    autocomplete="off" list="building-communes"/>
                <datalist id="building-communes">
                    {communes.into_iter().map(|c| view! { <option value=c.label()/> }).collect_view()}
                </datalist>
                <button type="submit" class="btn">{t("building-create")}</button>
            </PostForm>
        </section>
    }
}

/// `/immeuble/rejoindre?code=…`: the page the QR code of a notice opens.
#[component]
pub fn BuildingJoinPage() -> impl IntoView {
    let code = use_query_map().read_untracked().get("code").unwrap_or_default();
    let preview = Resource::new(
        {
            let code = code.clone();
            move || code.clone()
        },
        building_preview,
    );
    view! {
        <Title text=t("building-join-title")/>
        <div class="page narrow">
            <h1>{t("building-join-heading")}</h1>
            <Suspense fallback=|| ()>
                {move || {
                    let code = code.clone();
                    Suspend::new(async move {
                    let logged_in = match use_current_user() {
                        Some(u) => u.await.ok().flatten().is_some(),
                        None => false,
                    };
                    match preview.await {
                        Ok(JoinPreview::Found { street, commune, member }) => {
                            let name = building_name(&street, &commune);
                            view! {
                                <p class="lead">{t_args("building-join-text", &[("building", text(name))])}</p>
                                <ul class="carer-means">
                                    <li>{t("building-how-1")}</li>
                                    <li>{t("building-how-2")}</li>
                                    <li>{t("building-how-3")}</li>
                                </ul>
                                {if member {
                                    view! {
                                        <p class="notice" role="status">{t("building-already")}</p>
                                        <p><a class="btn" href="/immeuble">{t("building-heading")}</a></p>
                                    }.into_any()
                                } else if logged_in {
                                    view! {
                                        <form method="post" action="/immeuble" class="form">
                                            <input type="hidden" name="form" value="join"/>
                                            <input type="hidden" name="code" value=code.clone()/>
                                            <button type="submit" class="btn">{t("building-join")}</button>
                                        </form>
                                    }.into_any()
                                } else {
                                    let next = crate::domain::local_path::encode_query_value(
                                        &format!("/immeuble/rejoindre?code={code}"));
                                    view! {
                                        <p>{t("carer-invitation-account")}</p>
                                        <p class="row-actions">
                                            <a class="btn" href=format!("/connexion?next={next}")>{t("nav-log-in")}</a>
                                            <a class="btn btn-secondary" href=format!("/inscription?next={next}")>{t("sign-up-heading")}</a>
                                        </p>
                                    }.into_any()
                                }}
                            }.into_any()
                        }
                        Ok(JoinPreview::Unknown) => {
                            set_http_status(404);
                            view! {
                                <div class="notice notice-warning" role="alert"><p>{t("building-code-unknown")}</p></div>
                                <p><a class="btn" href="/immeuble">{t("building-heading")}</a></p>
                            }.into_any()
                        }
                        Err(e) => view! { <ErrorBox error=e/> }.into_any(),
                    }
                })}}
            </Suspense>
        </div>
    }
}

/// `/immeuble/:id/affiche`: the notice for the hall, for the building's members.
#[component]
pub fn BuildingNoticePage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok());
    let notice = Resource::new(id, |id| async move {
        match id {
            Some(id) => building_notice(id).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match notice.await {
                    Ok(n) => view! { <Poster n=n/> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFoundPage/> }.into_any(),
                    Err(e) => view! { <ErrorBox error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Poster(n: BuildingNotice) -> impl IntoView {
    let hydrated = hydrated();
    let name = building_name(&n.street, &n.commune);
    let qr_alt = t_args("building-qr-alt", &[("building", text(name.clone()))]);
    view! {
        <Title text=t_args("building-notice-title", &[("building", text(name.clone()))])/>
        <div class="notice-screen no-print">
            <p class="back"><a href="/immeuble">{format!("← {}", t("building-heading"))}</a></p>
            <p>{t("building-notice-how")}</p>
            <Show when=move || hydrated.get()>
                <button type="button" class="btn" on:click=|_| print()>{t("notice-print")}</button>
            </Show>
        </div>
        <article class="notice-sheet building-sheet" aria-labelledby="affiche-titre">
            <p class="notice-brand"><span aria-hidden="true">"🤝 "</span>{t("notice-brand")}</p>
            <p class="notice-kind">{name}</p>
            <h1 id="affiche-titre" class="notice-title">{t("building-notice-heading")}</h1>
            <ol class="building-how">
                <li>{t("building-how-1")}</li>
                <li>{t("building-how-2")}</li>
                <li>{t("building-how-3")}</li>
                <li>{t("building-how-4")}</li>
            </ol>
            <div class="notice-answer">
                <img class="notice-qr" src=format!("/immeuble/{}/qr.svg", n.id) alt=qr_alt width="240" height="240"/>
                <div>
                    <p class="notice-answer-how">{t("building-notice-scan")}</p>
                    <p class="notice-address">{n.address.clone()}</p>
                    <p class="notice-answer-how">{t("building-notice-code")}</p>
                    <p class="building-code-big">{n.code.clone()}</p>
                </div>
            </div>
            <p class="notice-help">{t("notice-no-internet")}</p>
        </article>
    }
}

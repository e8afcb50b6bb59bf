//! « Personnes », for admins. `/admin/personnes`: search accounts by name or e-mail (a plain
//! GET form). `/admin/personnes/:id`: one person, their posts and reports, and the forms that
//! change the role, disable or enable the account, or send a password-reset link (plain posts,
//! `server/forms/people.rs`).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::people::{get_person, search_people};
use crate::domain::user::Role;
use crate::error::AppError;
use crate::i18n::{absolute, label, n, s as text, t, t_args};
use crate::ui::components::form_field::FormMessage;
use crate::ui::components::post_form::PostForm;
use crate::ui::components::restricted::Restricted;
use crate::ui::pages::not_found::NotFoundPage;
use crate::ui::writes::{by_route_id, echo_resource};
use crate::wire::forms::FormEcho;
use crate::wire::people::{People, PersonLine, PersonView, StaffTerritories};

/// The search.
#[component]
pub fn PeoplePage() -> impl IntoView {
    let q = use_query_map().read_untracked().get("q").unwrap_or_default();
    let words = q.clone();
    let found = Resource::new(move || words.clone(), search_people);
    view! {
        <Title text=t("people-title")/>
        <div class="page staff-page">
            <h1>{t("people-heading")}</h1>
            <p><a href="/admin/annonces">{t("announcements-heading")}</a></p>
            <form method="get" action="/admin/personnes" class="search-form" role="search">
                <label for="people-q">{t("people-search")}</label>
                <div class="search-row">
                    <input id="people-q" name="q" type="search" value=q autocomplete="off"/>
                    <button type="submit" class="btn">{t("people-search-button")}</button>
                </div>
            </form>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match found.await {
                        Ok(people) => view! { <PeopleList people=people/> }.into_any(),
                        Err(e) => view! { <Restricted error=e next="/admin/personnes"/> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn PeopleList(people: People) -> impl IntoView {
    let empty = people.items.is_empty();
    view! {
        <p role="status">{t_args("people-found", &[("count", n(people.items.len() as f64))])}</p>
        {people.more.then(|| view! { <p class="hint">{t("people-more")}</p> })}
        {empty.then(|| view! { <p class="empty">{t("people-none")}</p> })}
        <ul class="people">
            {people.items.into_iter().map(|p| view! { <PersonItem person=p/> }).collect_view()}
        </ul>
    }
}

fn role_badges(p: &PersonLine) -> impl IntoView {
    view! {
        <span class="badge badge-status">{label("role", p.role.slug())}</span>
        {p.disabled.then(|| view! { " "<span class="badge badge-pending">{t("people-disabled")}</span> })}
        {(!p.verified).then(|| view! { " "<span class="badge">{t("people-unverified")}</span> })}
    }
}

#[component]
fn PersonItem(person: PersonLine) -> impl IntoView {
    view! {
        <li class="person">
            <a href=format!("/admin/personnes/{}", person.id)><strong>{person.display_name.clone()}</strong></a>
            " · "{person.email.clone()}
            <p class="post-tags">{role_badges(&person)}</p>
            <p class="post-meta">
                {t_args("people-posts", &[("count", n(person.posts as f64))])}
                {(person.open_reports > 0).then(|| format!(" · {}", t_args("people-open-reports", &[("count", n(person.open_reports as f64))])))}
            </p>
        </li>
    }
}

/// One person.
#[component]
pub fn PersonPage() -> impl IntoView {
    // Read again after each action taken without a reload.
    let person = by_route_id(get_person);
    let echo = echo_resource();
    let query = use_query_map();
    view! {
        <Title text=t("people-title")/>
        <div class="page staff-page">
            <p><a href="/admin/personnes">{t("people-back")}</a></p>
            <Transition fallback=|| ()>
                {move || {
                    let done = query.read().get("fait");
                    Suspend::new(async move {
                        let echo = echo.await.ok().flatten().unwrap_or_default();
                        match person.await {
                            Ok(p) => view! { <Person view=p echo=echo done=done/> }.into_any(),
                            Err(AppError::NotFound) => view! { <NotFoundPage/> }.into_any(),
                            Err(e) => view! { <Restricted error=e next="/admin/personnes"/> }.into_any(),
                        }
                    })
                }}
            </Transition>
        </div>
    }
}

#[component]
fn Person(view: PersonView, echo: FormEcho, done: Option<String>) -> impl IntoView {
    let p = view.person.clone();
    let (id, disabled) = (p.id, p.disabled);
    let action = format!("/admin/personnes/{id}");
    let said = done
        .filter(|d| matches!(d.as_str(), "role" | "disable" | "enable" | "reset-link" | "territories"))
        .map(|d| t(&format!("people-done-{d}")));
    let roles: Vec<Role> = Role::ALL.into_iter().filter(|r| *r != p.role).collect();
    view! {
        <h1>{p.display_name.clone()}</h1>
        {said.map(|s| view! { <div class="notice" role="status"><p>{s}</p></div> })}
        <FormMessage form="person" echo=echo.clone()/>
        <p class="post-tags">{role_badges(&p)}</p>
        <dl class="facts facts-wide-values">
            <dt>{t("people-email")}</dt>
            <dd>{p.email.clone()}</dd>
            {p.organisation.clone().map(|o| view! { <dt>{t("people-organisation")}</dt><dd>{o}</dd> })}
            <dt>{t("people-since")}</dt>
            <dd>{absolute(p.created_at)}</dd>
        </dl>
        {if view.me {
            view! { <p class="hint">{t("people-yourself")}</p> }.into_any()
        } else {
            view! {
                <section class="people-actions" aria-labelledby="people-actions-title">
                    <h2 id="people-actions-title">{t("people-actions")}</h2>
                    <div class="row-actions">
                        {roles.into_iter().map(|r| view! {
                            <PostForm action=action.clone()>
                                <input type="hidden" name="action" value="role"/>
                                <input type="hidden" name="role" value=r.slug()/>
                                <button type="submit" class="btn btn-small btn-secondary">
                                    {t_args("people-make", &[("role", text(label("role", r.slug())))])}
                                </button>
                            </PostForm>
                        }).collect_view()}
                        <PostForm action=action.clone()>
                            <input type="hidden" name="action" value=if disabled { "enable" } else { "disable" }/>
                            <button type="submit" class="btn btn-small btn-secondary">
                                {if disabled { t("people-enable") } else { t("people-disable") }}
                            </button>
                        </PostForm>
                        {(!p.disabled).then(|| view! {
                            <PostForm action=action.clone()>
                                <input type="hidden" name="action" value="reset-link"/>
                                <button type="submit" class="btn btn-small btn-secondary">{t("people-reset-link")}</button>
                            </PostForm>
                        })}
                    </div>
                </section>
            }.into_any()
        }}
        {view.territories.clone().map(|st| {
            let err = echo.error("person", "territories");
            view! { <Territories st=st action=action.clone() me=view.me err=err/> }
        })}
        <h2>{t_args("people-posts", &[("count", n(view.posts.len() as f64))])}</h2>
        <ul class="people-posts">
            {view.posts.into_iter().map(|post| view! {
                <li>
                    <a href=format!("/moderation/annonces/{}", post.id)>{post.title}</a>
                    " · "{label("status", post.status.slug())}" · "{absolute(post.created_at)}
                </li>
            }).collect_view()}
        </ul>
        <h2>{t("people-reports")}</h2>
        {view.reports.is_empty().then(|| view! { <p>{t("people-no-reports")}</p> })}
        <ul class="people-posts">
            {view.reports.into_iter().map(|r| view! {
                <li>
                    {if r.made { t("people-report-made") } else { t("people-report-about") }}" "
                    <a href=format!("/moderation/annonces/{}", r.post_id)>{r.title}</a>
                    " · "{label("report-reason", r.reason.slug())}" · "{absolute(r.at)}
                    {r.open.then(|| format!(" · {}", t("people-report-open")))}
                </li>
            }).collect_view()}
        </ul>
    }
}

/// Where a staff member acts, and the form that changes it (admins who may).
#[component]
fn Territories(st: StaffTerritories, action: String, me: bool, err: Option<String>) -> impl IntoView {
    let named = |name: &str, code: &str| format!("{name} ({code})");
    let now = if st.national {
        t("people-territories-national")
    } else {
        st.choices.iter().filter(|c| c.checked).map(|c| named(&c.name, &c.code)).collect::<Vec<_>>().join(", ")
    };
    let form = (st.may_change && !me).then(|| {
        let invalid = err.is_some();
        view! {
            <PostForm action=action>
                <input type="hidden" name="action" value="territories"/>
                <fieldset class="field" class:field-invalid=invalid>
                    <legend>{t("people-territories-choose")}</legend>
                    {err.map(|e| view! { <p class="field-error">{e}</p> })}
                    {st.may_national.then(|| view! {
                        <label class="choice">
                            <input type="checkbox" name="national" value="on" checked=st.national/>
                            {t("people-territories-national")}
                        </label>
                    })}
                    {st.choices.into_iter().map(|c| view! {
                        <label class="choice">
                            <input type="checkbox" name=format!("territory-{}", c.code) value="on" checked=c.checked/>
                            {named(&c.name, &c.code)}
                        </label>
                    }).collect_view()}
                </fieldset>
                <button type="submit" class="btn btn-small btn-secondary">{t("people-territories-save")}</button>
            </PostForm>
        }
    });
    view! {
        <section class="people-territories" aria-labelledby="people-territories-title">
            <h2 id="people-territories-title">{t("people-territories")}</h2>
            <p>{t_args("people-territories-now", &[("list", text(now))])}</p>
            {form}
        </section>
    }
}

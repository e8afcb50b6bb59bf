//! Phone intake, for staff. `/saisie`: "Déposer une demande pour quelqu'un" — the post's form
//! with the person's fields first (plain form post, see `server/forms/intakes.rs`). `/saisies`:
//! "Mes saisies" (`?tous=1`: every intake, for admins), each with what to do next.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::intakes::my_intakes;
use crate::api::posts::list_communes;
use crate::domain::intake::NextStep;
use crate::domain::user::Role;
use crate::error::AppError;
use crate::i18n::{absolute, label, n, s as text, t, t_args};
use crate::ui::components::form_field::FormMessage;
use crate::ui::components::post_form::PostForm;
use crate::ui::components::restricted::Restricted;
use crate::ui::pages::publish::PostEditor;
use crate::ui::state::use_current_user;
use crate::ui::writes::{echo_resource, written};
use crate::wire::forms::FormEcho;
use crate::wire::intakes::{IntakeLine, Intakes};

/// "Déposer une demande pour quelqu'un".
#[component]
pub fn IntakePage() -> impl IntoView {
    let echo = echo_resource();
    let communes = Resource::new(|| (), |_| list_communes());
    let user = use_current_user();
    view! {
        <Title text=t("intake-title")/>
        <div class="page narrow">
            <h1>{t("intake-heading")}</h1>
            <p><a href="/saisies">{t("intakes-heading")}</a></p>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let echo = echo.await.ok().flatten().unwrap_or_default();
                    let communes = communes.await.unwrap_or_default();
                    let me = match user {
                        Some(u) => u.await.ok().flatten(),
                        None => None,
                    };
                    match me {
                        Some(me) if me.role.is_staff() => view! {
                            <PostEditor echo=echo communes=communes action="/saisie".into() submit=t("intake-submit")
                                new=true owner=me.id intake=true/>
                        }
                            .into_any(),
                        Some(_) => view! { <Restricted error=AppError::Forbidden next="/saisie"/> }.into_any(),
                        None => view! { <Restricted error=AppError::Unauthenticated next="/saisie"/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

/// "Mes saisies", or "Toutes les saisies" for admins.
#[component]
pub fn IntakesPage() -> impl IntoView {
    let query = use_query_map();
    let all = query.read_untracked().get("tous").as_deref() == Some("1");
    let echo = echo_resource();
    // Read again after each step marked without a reload.
    let list = Resource::new(move || (all, written()), |(all, _)| my_intakes(all));
    let user = use_current_user();
    let next = if all { "/saisies?tous=1" } else { "/saisies" };
    view! {
        <Title text=if all { t("intakes-all-title") } else { t("intakes-title") }/>
        <div class="page staff-page">
            <h1>{if all { t("intakes-all-heading") } else { t("intakes-heading") }}</h1>
            <Transition fallback=|| ()>
                {move || {
                    // What was just done, said at the top (the address a write leads to).
                    let query = query.read();
                    let filed = query.get("deposee").and_then(|id| id.parse::<i64>().ok());
                    let done = query.get("fait");
                    let (called, answered) = (done.as_deref() == Some("rappel"), done.as_deref() == Some("aide"));
                    Suspend::new(async move {
                    let echo = echo.await.ok().flatten().unwrap_or_default();
                    let admin = match user {
                        Some(u) => u.await.ok().flatten().is_some_and(|u| u.role == Role::Admin),
                        None => false,
                    };
                    match list.await {
                        Ok(list) => view! {
                            <IntakeList list=list echo=echo filed=filed called=called answered=answered admin=admin/>
                        }
                            .into_any(),
                        Err(e) => view! { <Restricted error=e next=next/> }.into_any(),
                    }
                })}}
            </Transition>
        </div>
    }
}

#[component]
fn IntakeList(
    list: Intakes,
    echo: FormEcho,
    filed: Option<i64>,
    called: bool,
    answered: bool,
    admin: bool,
) -> impl IntoView {
    let now = list.now;
    let all = list.all;
    let to_do = list.items.iter().filter(|i| i.next.urgent()).count();
    let empty = list.items.is_empty();
    view! {
        {filed.map(|id| view! {
            <div class="notice" role="status">
                <p>{t("intake-filed")}" "<a href=format!("/posts/{id}")>{t("intake-filed-see")}</a></p>
            </div>
        })}
        {called.then(|| view! { <div class="notice" role="status"><p>{t("intake-called-done")}</p></div> })}
        {answered.then(|| view! { <div class="notice" role="status"><p>{t("intake-help-answered")}</p></div> })}
        <p class="actions">
            <a class="btn" href="/saisie">{t("intake-heading")}</a>
            {admin.then(|| if all {
                view! { <a class="btn btn-secondary" href="/saisies">{t("intakes-heading")}</a> }.into_any()
            } else {
                view! { <a class="btn btn-secondary" href="/saisies?tous=1">{t("intakes-all-heading")}</a> }.into_any()
            })}
        </p>
        <p class="queue-health" class:queue-late={to_do > 0}>
            {if to_do > 0 { t_args("intakes-to-do", &[("count", n(to_do as f64))]) } else { t("intakes-nothing-to-do") }}
        </p>
        {empty.then(|| view! { <p class="empty">{t("intakes-none")}</p> })}
        <ul class="post-list">
            {list.items.into_iter().map(|i| view! { <IntakeItem item=i echo=echo.clone() now=now all=all/> }).collect_view()}
        </ul>
    }
}

#[component]
fn IntakeItem(item: IntakeLine, echo: FormEcho, now: i64, all: bool) -> impl IntoView {
    let id = item.post_id;
    let form = format!("called-{id}");
    let next = item.next;
    let next_text = match next {
        NextStep::ExpiresSoon => t_args("intake-next-expires-soon", &[("date", text(absolute(item.expires_at)))]),
        NextStep::CallHelperAccepted => {
            t_args("intake-next-call-accepted", &[("helper", text(item.helper.clone().unwrap_or_default()))])
        }
        other => t(&format!("intake-next-{}", other.slug())),
    };
    let call_back = matches!(next, NextStep::CallHelperAccepted | NextStep::CallDone | NextStep::ExpiresSoon);
    let status = if item.expires_at <= now && item.status.is_public() {
        t("status-expired")
    } else {
        label("status", item.status.slug())
    };
    view! {
        <li class="post-card">
            <article aria-labelledby=format!("intake-{id}")>
                <h2 id=format!("intake-{id}") class="post-title">
                    <a href=format!("/posts/{id}")>{item.title.clone()}</a>
                </h2>
                <p class="post-tags">
                    <span class="badge badge-status">{status}</span>
                    <span class="cat" style=format!("--cat:{}", item.category.colour())>
                        <span aria-hidden="true">{item.category.icon()}</span>
                        {label("category", item.category.slug())}
                    </span>
                </p>
                <p class="next-step" class:next-step-urgent=next.urgent()>
                    <strong>{t("intake-next")}</strong>" "{next_text}
                </p>
                <dl class="facts facts-wide-values">
                    <dt>{t("intake-person-name")}</dt>
                    <dd>{item.person_name.clone()}</dd>
                    // Empty once erased, months after the post ended.
                    {(!item.person_phone.is_empty()).then(|| view! {
                        <dt>{t("intake-person-phone")}</dt>
                        <dd><a href=format!("tel:{}", item.person_phone.replace(' ', ""))>{item.person_phone.clone()}</a></dd>
                    })}
                    {item.call_times.clone().map(|w| view! {
                        <dt>{t("intake-call-times")}</dt>
                        <dd>{w}</dd>
                    })}
                    <dt>{t("intake-answers")}</dt>
                    <dd>
                        {t_args("intake-answers-count", &[("count", n(item.answers as f64))])}
                        {(item.unread > 0).then(|| format!(" ({})", t_args("intake-unread", &[("count", n(item.unread as f64))])))}
                    </dd>
                    {item.helper.clone().map(|h| view! {
                        <dt>{t("intake-helper")}</dt>
                        <dd>{h}</dd>
                    })}
                    <dt>{t("post-place")}</dt>
                    <dd>{item.commune.clone()}</dd>
                    {all.then(|| view! {
                        <dt>{t("intake-filed-by")}</dt>
                        <dd>{item.filed_by.clone()}</dd>
                    })}
                </dl>
                <FormMessage form=form.clone() echo=echo/>
                <div class="row-actions">
                    {item.mine.then(|| item.conversations.iter().map(|(cid, name)| view! {
                        <a class="btn btn-small btn-secondary" href=format!("/messages/{cid}")>
                            {t_args("intake-answer-of", &[("name", text(name.clone()))])}
                        </a>
                    }).collect_view())}
                    {item.mine.then(|| view! {
                        <a class="btn btn-small btn-secondary" href="/mes-annonces">{t("intake-manage")}</a>
                    })}
                    {item.help_check.filter(|_| item.mine).map(|check| view! {
                        <PostForm action=format!("/suivi/{check}")>
                            <input type="hidden" name="answer" value="yes"/>
                            <input type="hidden" name="back" value="/saisies"/>
                            <button type="submit" class="btn btn-small">{t("intake-help-yes")}</button>
                        </PostForm>
                        <PostForm action=format!("/suivi/{check}")>
                            <input type="hidden" name="answer" value="no"/>
                            <input type="hidden" name="back" value="/saisies"/>
                            <button type="submit" class="btn btn-small btn-secondary">{t("intake-help-no")}</button>
                        </PostForm>
                    })}
                    {call_back.then(|| view! {
                        <PostForm action="/saisies">
                            <input type="hidden" name="action" value="called-back"/>
                            <input type="hidden" name="id" value=id.to_string()/>
                            {all.then(|| view! { <input type="hidden" name="tous" value="1"/> })}
                            <button type="submit" class="btn btn-small">{t("intake-called-back")}</button>
                        </PostForm>
                    })}
                </div>
            </article>
        </li>
    }
}

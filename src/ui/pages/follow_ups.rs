//! Nobody left waiting. `/suivi` (staff): requests nobody answered and help that may never
//! have come, oldest first, with what staff can do and « Traité ». `/suivi/:id` (the author):
//! "Avez-vous reçu l'aide ?" — Oui / Non. Plain form posts (`server/forms/follow_ups.rs`).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::follow_ups::{get_help_question, list_follow_ups};
use crate::domain::follow_up::HelpAnswer;
use crate::error::AppError;
use crate::i18n::{absolute, label, n, relative, s as text, t, t_args};
use crate::ui::components::form_field::FormMessage;
use crate::ui::components::post_form::PostForm;
use crate::ui::components::restricted::Restricted;
use crate::ui::pages::not_found::NotFoundPage;
use crate::ui::writes::{by_route_id, echo_resource, written};
use crate::wire::follow_ups::{FollowUpLine, FollowUps, HelpQuestion};
use crate::wire::forms::FormEcho;

/// « Suivi ».
#[component]
pub fn FollowUpsPage() -> impl IntoView {
    // Read again after each line marked « Traité » without a reload.
    let list = Resource::new(written, |_| list_follow_ups());
    let echo = echo_resource();
    let query = use_query_map();
    view! {
        <Title text=t("follow-ups-title")/>
        <div class="page staff-page">
            <h1>{t("follow-ups-heading")}</h1>
            {move || query.read().get("fait").is_some().then(|| view! {
                <div class="notice" role="status"><p>{t("follow-up-done")}</p></div>
            })}
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let echo = echo.await.ok().flatten().unwrap_or_default();
                    match list.await {
                        Ok(list) => view! { <Lists list=list echo=echo/> }.into_any(),
                        Err(e) => view! { <Restricted error=e next="/suivi"/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn Lists(list: FollowUps, echo: FormEcho) -> impl IntoView {
    let now = list.now;
    let (unanswered, help) = (list.unanswered.len(), list.help.len());
    view! {
        <section aria-labelledby="sans-reponse">
            <h2 id="sans-reponse">{t_args("follow-ups-unanswered", &[("count", n(unanswered as f64))])}</h2>
            <p class="hint">{t("follow-ups-unanswered-hint")}</p>
            <ul class="post-list">
                {list.unanswered.into_iter().map(|l| view! { <Line line=l echo=echo.clone() now=now help=false/> }).collect_view()}
            </ul>
        </section>
        <section aria-labelledby="aide-non-recue">
            <h2 id="aide-non-recue">{t_args("follow-ups-help", &[("count", n(help as f64))])}</h2>
            <p class="hint">{t("follow-ups-help-hint")}</p>
            <ul class="post-list">
                {list.help.into_iter().map(|l| view! { <Line line=l echo=echo.clone() now=now help=true/> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn Line(line: FollowUpLine, echo: FormEcho, now: i64, help: bool) -> impl IntoView {
    let id = line.id;
    let form = format!("follow-up-{id}");
    let todo = if line.by_phone {
        t("follow-up-todo-phone")
    } else if help {
        t("follow-up-todo-help")
    } else {
        t("follow-up-todo-unanswered")
    };
    let answer = if help {
        Some(match line.answer {
            Some(HelpAnswer::No) => t("follow-up-answer-no"),
            _ => t("follow-up-answer-none"),
        })
    } else {
        None
    };
    view! {
        <li class="post-card">
            <article aria-labelledby=format!("suivi-{id}")>
                <h3 id=format!("suivi-{id}") class="post-title"><a href=format!("/moderation/annonces/{}", line.post_id)>{line.title.clone()}</a></h3>
                <p class="post-tags">
                    <span class="cat" style=format!("--cat:{}", line.category.colour())>
                        <span aria-hidden="true">{line.category.icon()}</span>
                        {label("category", line.category.slug())}
                    </span>
                </p>
                <p class="post-meta">
                    {line.commune.clone()}" · "{t_args("follow-up-posted", &[("when", text(relative(now, line.created_at)))])}
                </p>
                {answer.map(|a| view! { <p class="next-step next-step-urgent">{a}</p> })}
                <dl class="facts facts-wide-values">
                    {line.author_name.clone().map(|a| view! {
                        <dt>{t("follow-up-author")}</dt>
                        <dd>{a}{line.author_email.clone().map(|e| format!(" <{e}>"))}</dd>
                    })}
                    {line.helper.clone().map(|h| view! { <dt>{t("intake-helper")}</dt><dd>{h}</dd> })}
                    <dt>{t("follow-up-raised")}</dt>
                    <dd>{absolute(line.raised_at)}</dd>
                </dl>
                <p><strong>{t("intake-next")}</strong>" "{todo}</p>
                <FormMessage form=form echo=echo/>
                <PostForm action="/suivi" class="row-actions">
                    <input type="hidden" name="id" value=id.to_string()/>
                    <button type="submit" class="btn btn-small">{t("follow-up-resolve")}</button>
                </PostForm>
            </article>
        </li>
    }
}

/// "Avez-vous reçu l'aide ?"
#[component]
pub fn HelpQuestionPage() -> impl IntoView {
    // Read again once answered without a reload.
    let question = by_route_id(get_help_question);
    let echo = echo_resource();
    view! {
        <Title text=t("help-question-title")/>
        <div class="page narrow">
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let echo = echo.await.ok().flatten().unwrap_or_default();
                    match question.await {
                        Ok(q) => view! { <Question question=q echo=echo/> }.into_any(),
                        Err(AppError::NotFound) => view! { <NotFoundPage/> }.into_any(),
                        Err(e) => view! { <Restricted error=e next="/notifications"/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn Question(question: HelpQuestion, echo: FormEcho) -> impl IntoView {
    let q = question;
    view! {
        <h1>{t("help-question-heading")}</h1>
        <p>{t("help-question-about")}" "<a href=format!("/posts/{}", q.post_id)>{q.title.clone()}</a></p>
        <FormMessage form="help" echo=echo/>
        {match q.answer {
            Some(HelpAnswer::Yes) => view! { <div class="notice" role="status"><p>{t("help-question-yes-done")}</p></div> }.into_any(),
            Some(HelpAnswer::No) => view! { <div class="notice" role="status"><p>{t("help-question-no-done")}</p></div> }.into_any(),
            None => view! {
                <div class="actions">
                    <PostForm action=format!("/suivi/{}", q.id)>
                        <input type="hidden" name="answer" value="yes"/>
                        <button type="submit" class="btn">{t("help-question-yes")}</button>
                    </PostForm>
                    <PostForm action=format!("/suivi/{}", q.id)>
                        <input type="hidden" name="answer" value="no"/>
                        <button type="submit" class="btn btn-secondary">{t("help-question-no")}</button>
                    </PostForm>
                </div>
                <p class="hint">{t("help-question-hint")}</p>
            }.into_any(),
        }}
    }
}

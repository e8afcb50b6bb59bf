//! `/moderation/signalements`: posts reported by residents, the most reported first. Staff
//! dismiss the reports, unpublish the post (back to validation, with a reason), or disable
//! its author.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::parts::{ActionNotice, History, QueueTabs, Reports, StaffPostDetails, Tab};
use super::{orphan_echo, reason_options};
use crate::api::moderation::report_queue;
use crate::i18n::{n, t, t_args};
use crate::ui::components::form_field::{FormMessage, SelectField, TextArea};
use crate::ui::components::post_form::PostForm;
use crate::ui::components::restricted::Restricted;
use crate::ui::writes::{echo_resource, written};
use crate::wire::forms::FormEcho;
use crate::wire::moderation::{QueuePage, StaffPost};

/// The reports queue.
#[component]
pub fn ReportsPage() -> impl IntoView {
    let echo = echo_resource();
    // Read again after each decision taken without a reload.
    let queue = Resource::new(written, |_| report_queue());
    let query = use_query_map();
    view! {
        <Title text=t("reports-title")/>
        <div class="page staff-page">
            <h1>{t("reports-heading")}</h1>
            <Transition fallback=|| view! { <p class="loading">{t("reports-loading")}</p> }>
                {move || {
                    let done = query.read().get("fait");
                    Suspend::new(async move {
                        let echo = echo.await.ok().flatten().unwrap_or_default();
                        match queue.await {
                            Ok(q) => view! { <ReportQueue queue=q echo=echo done=done/> }.into_any(),
                            Err(e) => view! { <Restricted error=e next="/moderation/signalements"/> }.into_any(),
                        }
                    })
                }}
            </Transition>
        </div>
    }
}

#[component]
fn ReportQueue(queue: QueuePage, echo: FormEcho, done: Option<String>) -> impl IntoView {
    let empty = queue.posts.is_empty();
    let orphan = orphan_echo(&echo, queue.posts.iter().map(|p| p.id));
    view! {
        <QueueTabs stats=queue.stats.clone() current=Tab::Reports/>
        <ActionNotice done=done/>
        {orphan.map(|form| view! { <FormMessage form=form echo=echo.clone()/> })}
        {empty.then(|| view! { <p class="empty">{t("reports-empty")}</p> })}
        <ol class="queue">
            {queue
                .posts
                .into_iter()
                .map(|p| view! { <li><ReportedCard post=p echo=echo.clone()/></li> })
                .collect_view()}
        </ol>
    }
}

#[component]
fn ReportedCard(post: StaffPost, echo: FormEcho) -> impl IntoView {
    let id = post.id;
    let heading = format!("annonce-{id}-titre");
    let (dismiss, unpublish, disable) = (format!("dismiss-{id}"), format!("unpublish-{id}"), format!("disable-{id}"));
    let unpublish_open = echo.form == unpublish;
    let disable_open = echo.form == disable;
    let can_disable = post.author.as_ref().is_some_and(|a| !a.staff && !a.disabled);
    let open_reports = post.reports.iter().filter(|r| r.open).count();
    // One copy per form: each form's fields are its own.
    let (echo_dismiss, echo_unpublish, echo_disable) = (echo.clone(), echo.clone(), echo);
    view! {
        <article class="mod-card" id=format!("annonce-{id}") aria-labelledby=format!("annonce-{id}-titre")>
            <header class="mod-card-head">
                <h2 id=heading>{post.title.clone()}</h2>
                <p class="age">{t_args("reports-open", &[("count", n(open_reports as f64))])}</p>
            </header>
            <Reports reports=post.reports.clone()/>
            <StaffPostDetails post=post.clone()/>
            <History post=post.clone()/>
            <p><a href=format!("/moderation/annonces/{id}")>{t("moderation-full-history")}</a></p>
            <div class="mod-actions">
                <PostForm action="/moderation/signalements">
                    <FormMessage form=dismiss.clone() echo=echo_dismiss.clone()/>
                    <input type="hidden" name="id" value=id.to_string()/>
                    <button type="submit" class="btn btn-secondary" name="action" value="dismiss">
                        {t("reports-dismiss")}
                    </button>
                </PostForm>
                <details open=unpublish_open>
                    <summary>{t("reports-unpublish-open")}</summary>
                    <PostForm action="/moderation/signalements">
                        <FormMessage form=unpublish.clone() echo=echo_unpublish.clone()/>
                        <input type="hidden" name="id" value=id.to_string()/>
                        <p class="hint">{t("reports-unpublish-hint")}</p>
                        <SelectField form=unpublish.clone() name="reason" label=t("reports-reason") echo=echo_unpublish.clone() options=reason_options()/>
                        <TextArea
                            form=unpublish.clone()
                            name="message"
                            label=t("moderation-message")
                            echo=echo_unpublish.clone()
                            required=false
                            rows=3
                            maxlength=1000
                        />
                        <button type="submit" class="btn btn-danger" name="action" value="unpublish">{t("my-posts-withdraw")}</button>
                    </PostForm>
                </details>
                {can_disable.then(|| view! {
                    <details open=disable_open>
                        <summary>{t("reports-disable-open")}</summary>
                        <PostForm action="/moderation/signalements">
                            <FormMessage form=disable.clone() echo=echo_disable.clone()/>
                            <input type="hidden" name="id" value=id.to_string()/>
                            <p class="hint">{t("reports-disable-hint")}</p>
                            <button type="submit" class="btn btn-danger" name="action" value="disable">{t("reports-disable")}</button>
                        </PostForm>
                    </details>
                })}
            </div>
        </article>
    }
}

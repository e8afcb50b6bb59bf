//! `/moderation`: the validation queue for staff. Pending posts oldest first; on each card
//! three forms: publish, refuse with a reason, or redact then publish. Works without JavaScript
//! and from the keyboard (native forms, `details` for the longer actions); with it, a decision
//! takes the post out of the queue without reloading the page (`PostForm`).

pub mod history;
pub mod parts;
pub mod reports;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::moderation::moderation_queue;
use crate::domain::moderation::DecisionReason;
use crate::i18n::{label, relative, t};
use crate::ui::components::form_field::{FormMessage, SelectField, TextArea, TextField};
use crate::ui::components::post_form::PostForm;
use crate::ui::components::restricted::Restricted;
use crate::ui::writes::{echo_resource, written};
use crate::wire::forms::FormEcho;
use crate::wire::moderation::{QueuePage, StaffPost};
use parts::{ActionNotice, History, QueueTabs, StaffPostDetails, Tab};

/// The validation queue.
#[component]
pub fn ModerationPage() -> impl IntoView {
    let echo = echo_resource();
    // Read again after each decision taken without a reload.
    let queue = Resource::new(written, |_| moderation_queue());
    let query = use_query_map();
    view! {
        <Title text=t("moderation-title")/>
        <div class="page staff-page">
            <h1>{t("moderation-heading")}</h1>
            <Transition fallback=|| view! { <p class="loading">{t("moderation-loading")}</p> }>
                {move || {
                    let done = query.read().get("fait");
                    Suspend::new(async move {
                        let echo = echo.await.ok().flatten().unwrap_or_default();
                        match queue.await {
                            Ok(q) => view! { <Queue queue=q echo=echo done=done/> }.into_any(),
                            Err(e) => view! { <Restricted error=e next="/moderation"/> }.into_any(),
                        }
                    })
                }}
            </Transition>
        </div>
    }
}

#[component]
fn Queue(queue: QueuePage, echo: FormEcho, done: Option<String>) -> impl IntoView {
    let now = queue.stats.now;
    let empty = queue.posts.is_empty();
    let orphan = orphan_echo(&echo, queue.posts.iter().map(|p| p.id));
    view! {
        <QueueTabs stats=queue.stats.clone() current=Tab::Pending/>
        <ActionNotice done=done/>
        {orphan.map(|form| view! { <FormMessage form=form echo=echo.clone()/> })}
        {empty.then(|| view! { <p class="empty">{t("moderation-empty")}</p> })}
        <ol class="queue">
            {queue
                .posts
                .into_iter()
                .map(|p| view! { <li><PendingCard post=p echo=echo.clone() now=now/></li> })
                .collect_view()}
        </ol>
    }
}

/// The form of `echo` when it belongs to no card shown (the post left the queue meanwhile, e.g.
/// another moderator decided first), so that its message is shown at the top instead.
pub fn orphan_echo(echo: &FormEcho, shown: impl IntoIterator<Item = i64>) -> Option<String> {
    let id = echo.form.rsplit_once('-').and_then(|(_, id)| id.parse::<i64>().ok())?;
    (!shown.into_iter().any(|s| s == id)).then(|| echo.form.clone())
}

/// The reasons staff choose from, as (slug, label).
pub fn reason_options() -> Vec<(&'static str, String)> {
    DecisionReason::ALL.iter().map(|r| (r.slug(), label("decision-reason", r.slug()))).collect()
}

#[component]
fn PendingCard(post: StaffPost, echo: FormEcho, now: i64) -> impl IntoView {
    let id = post.id;
    let heading = format!("annonce-{id}-titre");
    let (approve, reject, redact) = (format!("approve-{id}"), format!("reject-{id}"), format!("redact-{id}"));
    let reject_open = echo.form == reject;
    let redact_open = echo.form == redact;
    let waited = relative(now, post.created_at);
    let late = now - post.created_at > 48 * 3600;
    let (title, description) = (post.title.clone(), post.description.clone());
    // One copy per form (each form's fields are made inside it).
    let (echo_approve, echo_reject, echo_redact) = (echo.clone(), echo.clone(), echo);
    view! {
        <article class="mod-card" id=format!("annonce-{id}") aria-labelledby=format!("annonce-{id}-titre")>
            <header class="mod-card-head">
                <h2 id=heading>{post.title.clone()}</h2>
                <p class="age" class:queue-late=late>{t("moderation-submitted")}" "{waited}</p>
            </header>
            <StaffPostDetails post=post.clone()/>
            <History post=post.clone()/>
            <p><a href=format!("/moderation/annonces/{id}")>{t("moderation-full-history")}</a></p>
            <div class="mod-actions">
                <PostForm action="/moderation">
                    <FormMessage form=approve.clone() echo=echo_approve.clone()/>
                    <input type="hidden" name="id" value=id.to_string()/>
                    <button type="submit" class="btn" name="action" value="approve">{t("steps-publish")}</button>
                </PostForm>
                <details open=reject_open>
                    <summary>{t("moderation-reject-open")}</summary>
                    <PostForm action="/moderation">
                        <FormMessage form=reject.clone() echo=echo_reject.clone()/>
                        <input type="hidden" name="id" value=id.to_string()/>
                        <SelectField form=reject.clone() name="reason" label=t("moderation-reject-reason") echo=echo_reject.clone() options=reason_options()/>
                        <TextArea
                            form=reject.clone()
                            name="message"
                            label=t("moderation-message")
                            hint=t("moderation-message-hint")
                            echo=echo_reject.clone()
                            required=false
                            rows=3
                            maxlength=1000
                        />
                        <button type="submit" class="btn btn-danger" name="action" value="reject">{t("moderation-reject")}</button>
                    </PostForm>
                </details>
                <details open=redact_open>
                    <summary>{t("moderation-redact-open")}</summary>
                    <PostForm action="/moderation">
                        <FormMessage form=redact.clone() echo=echo_redact.clone()/>
                        <input type="hidden" name="id" value=id.to_string()/>
                        <p class="hint">
                            {t("moderation-redact-hint")}
                        </p>
                        <TextField form=redact.clone() name="title" label=t("publish-field-title") echo=echo_redact.clone() initial=title/>
                        <TextArea form=redact.clone() name="description" label=t("publish-field-description") echo=echo_redact.clone() initial=description rows=6 maxlength=2000/>
                        <TextArea
                            form=redact.clone()
                            name="message"
                            label=t("moderation-message")
                            echo=echo_redact.clone()
                            required=false
                            rows=2
                            maxlength=1000
                        />
                        <button type="submit" class="btn" name="action" value="redact">{t("moderation-redact")}</button>
                    </PostForm>
                </details>
            </div>
        </article>
    }
}

//! Moderation decisions as people read them: a post's history for staff, the latest decision
//! for its author, and what a redaction changed.

use leptos::prelude::*;

use crate::domain::moderation::ModerationAction;
use crate::domain::time::rfc3339;
use crate::i18n::{absolute, label, s as text, t, t_args};
use crate::wire::moderation::EventView;

/// One entry of a post's history. Staff see who acted; authors see "l'équipe".
#[component]
pub fn EventItem(event: EventView, staff: bool) -> impl IntoView {
    let who = match (&event.actor, staff) {
        (Some(name), true) => format!(" {}", t_args("event-by", &[("name", text(name.clone()))])),
        (None, true) => format!(" {}", t("event-automatic")),
        _ => String::new(),
    };
    let reason = event
        .reason
        .map(|r| format!(" — {}", t_args("event-reason", &[("reason", text(label("decision-reason", r.slug())))])));
    view! {
        <li class="event">
            <p>
                <time datetime=rfc3339(event.at)>{absolute(event.at)}</time>
                " — "<strong>{label("action", event.action.slug())}</strong>{who}{reason}
            </p>
            {event.message.clone().map(|m| view! { <p class="event-message">{t_args("event-message", &[("message", text(m))])}</p> })}
            {event.before.clone().zip(event.after.clone()).map(|(b, a)| view! { <TextChange before=b after=a/> })}
        </li>
    }
}

/// The text before and after a redaction, the changed parts side by side.
#[component]
pub fn TextChange(before: (String, String), after: (String, String)) -> impl IntoView {
    let title_changed = before.0 != after.0;
    view! {
        <div class="text-change">
            <div class="text-before">
                <p class="text-change-label">{t("change-before")}</p>
                {title_changed.then(|| view! { <p><strong>{before.0.clone()}</strong></p> })}
                <p class="pre-line">{before.1}</p>
            </div>
            <div class="text-after">
                <p class="text-change-label">{t("change-after")}</p>
                {title_changed.then(|| view! { <p><strong>{after.0.clone()}</strong></p> })}
                <p class="pre-line">{after.1}</p>
            </div>
        </div>
    }
}

/// The latest decision on one of my posts, said to its author.
#[component]
pub fn AuthorDecision(event: crate::wire::posts::DecisionForAuthor) -> impl IntoView {
    let reason = |id: &str, r: Option<crate::domain::moderation::DecisionReason>| match r {
        Some(r) => t_args(&format!("{id}-because"), &[("reason", text(label("decision-reason", r.slug())))]),
        None => t(id),
    };
    let headline = match event.action {
        ModerationAction::Approve => t("author-approved"),
        ModerationAction::Redact => t("author-redacted"),
        ModerationAction::Reject => reason("author-rejected", event.reason),
        ModerationAction::Unpublish => reason("author-unpublished", event.reason),
        other => label("action", other.slug()),
    };
    let is_problem = matches!(event.action, ModerationAction::Reject | ModerationAction::Unpublish);
    view! {
        <div class="decision" class:decision-problem=is_problem>
            <p>{headline}</p>
            {event.message.clone().map(|m| view! { <p>{t_args("author-team-message", &[("message", text(m))])}</p> })}
            {event.before.clone().zip(event.after.clone()).map(|(b, a)| view! {
                <details>
                    <summary>{t("author-see-change")}</summary>
                    <TextChange before=b after=a/>
                </details>
            })}
            {is_problem.then(|| view! {
                <p class="hint">{t("author-can-edit")}</p>
            })}
        </div>
    }
}

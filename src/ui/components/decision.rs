//! Moderation decisions as people read them: a post's history for staff, the latest decision
//! for its author, and what a redaction changed.

use leptos::prelude::*;

use crate::api::moderation::EventView;
use crate::domain::moderation::ModerationAction;
use crate::domain::time::{absolute_fr, rfc3339};

/// One entry of a post's history. Staff see who acted; authors see "l'équipe".
#[component]
pub fn EventItem(event: EventView, staff: bool) -> impl IntoView {
    let who = match (&event.actor, staff) {
        (Some(name), true) => format!(" par {name}"),
        (None, true) => " automatiquement".to_owned(),
        _ => String::new(),
    };
    let reason = event.reason.map(|r| format!(" — motif : {}", r.label_fr()));
    view! {
        <li class="event">
            <p>
                <time datetime=rfc3339(event.at)>{absolute_fr(event.at)}</time>
                " — "<strong>{event.action.label_fr()}</strong>{who}{reason}
            </p>
            {event.message.clone().map(|m| view! { <p class="event-message">"Message : « "{m}" »"</p> })}
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
                <p class="text-change-label">"Avant"</p>
                {title_changed.then(|| view! { <p><strong>{before.0.clone()}</strong></p> })}
                <p class="pre-line">{before.1}</p>
            </div>
            <div class="text-after">
                <p class="text-change-label">"Publié"</p>
                {title_changed.then(|| view! { <p><strong>{after.0.clone()}</strong></p> })}
                <p class="pre-line">{after.1}</p>
            </div>
        </div>
    }
}

/// The latest decision on one of my posts, said to its author.
#[component]
pub fn AuthorDecision(event: EventView) -> impl IntoView {
    let headline = match event.action {
        ModerationAction::Approve => "Publiée par l'équipe du Département.".to_owned(),
        ModerationAction::Redact => {
            "Publiée après une modification par l'équipe (pour protéger des informations personnelles).".to_owned()
        }
        ModerationAction::Reject => match event.reason {
            Some(r) => format!("Refusée : {}.", r.label_fr()),
            None => "Refusée.".to_owned(),
        },
        ModerationAction::Unpublish => match event.reason {
            Some(r) => format!("Retirée de la carte en attendant une vérification : {}.", r.label_fr()),
            None => "Retirée de la carte en attendant une vérification.".to_owned(),
        },
        other => other.label_fr().to_owned(),
    };
    let is_problem = matches!(event.action, ModerationAction::Reject | ModerationAction::Unpublish);
    view! {
        <div class="decision" class:decision-problem=is_problem>
            <p>{headline}</p>
            {event.message.clone().map(|m| view! { <p>"Message de l'équipe : « "{m}" »"</p> })}
            {event.before.clone().zip(event.after.clone()).map(|(b, a)| view! {
                <details>
                    <summary>"Voir ce qui a changé"</summary>
                    <TextChange before=b after=a/>
                </details>
            })}
            {is_problem.then(|| view! {
                <p class="hint">"Vous pouvez modifier l'annonce : elle sera de nouveau examinée."</p>
            })}
        </div>
    }
}

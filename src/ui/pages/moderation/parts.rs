//! What the staff pages share: the queue tabs with their figures, a post as staff see it,
//! its history and reports, and the word after an action.

use leptos::prelude::*;

use crate::api::moderation::{QueueStats, ReportView, StaffPost};
use crate::domain::time::{absolute_fr, relative_fr, rfc3339};
use crate::ui::components::decision::EventItem;
use crate::ui::map::PointMap;

/// Which queue a page shows.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Pending,
    Reports,
}

/// The two queues with their counts, and how long the oldest pending post has waited.
#[component]
pub fn QueueTabs(stats: QueueStats, current: Tab) -> impl IntoView {
    let oldest = stats.oldest_pending_at.map(|t| relative_fr(stats.now, t));
    let late = stats.oldest_pending_at.is_some_and(|t| stats.now - t > 48 * 3600);
    let aria = |t: Tab| (t == current).then_some("page");
    view! {
        <nav class="tabs" aria-label="Files de modération">
            <a href="/moderation" aria-current=aria(Tab::Pending)>
                "À valider " <span class="count" class:count-zero=stats.pending == 0>{stats.pending}</span>
            </a>
            <a href="/moderation/signalements" aria-current=aria(Tab::Reports)>
                "Signalements " <span class="count" class:count-zero=stats.reported_posts == 0>{stats.reported_posts}</span>
            </a>
        </nav>
        <p class="queue-health" class:queue-late=late>
            {match (stats.pending, oldest) {
                (0, _) | (_, None) => "Aucune annonce en attente de validation.".to_owned(),
                (1, Some(o)) => format!("1 annonce en attente, déposée {o}."),
                (n, Some(o)) => format!("{n} annonces en attente ; la plus ancienne a été déposée {o}."),
            }}
            {(stats.hidden > 0).then(|| format!(" {} annonce(s) masquée(s) après signalements.", stats.hidden))}
        </p>
    }
}

/// The word after an action (`?fait=approve`), said where a screen reader hears it.
#[component]
pub fn ActionNotice(done: Option<String>) -> impl IntoView {
    let text = done.and_then(|d| match d.as_str() {
        "approve" => Some("L'annonce est publiée. L'auteur est prévenu."),
        "reject" => Some("L'annonce est refusée. L'auteur est prévenu, avec le motif."),
        "redact" => Some("L'annonce est publiée avec le texte modifié. L'auteur voit ce qui a changé."),
        "dismiss" => Some("Les signalements sont classés sans suite. L'annonce est de nouveau visible."),
        "unpublish" => Some("L'annonce est retirée de la carte et revient en validation. L'auteur est prévenu."),
        "disable" => Some("Le compte de l'auteur est désactivé et ses annonces sont retirées."),
        _ => None,
    });
    text.map(|t| view! { <div class="notice" role="status"><p>{t}</p></div> })
}

/// A post as staff see it: text, author, exact place, private note.
#[component]
pub fn StaffPostDetails(post: StaffPost) -> impl IntoView {
    let paragraphs: Vec<String> =
        post.description.split("\n\n").map(str::to_owned).filter(|p| !p.trim().is_empty()).collect();
    let author = match &post.author {
        Some(a) => {
            let mut s = format!("{} <{}>", a.display_name, a.email);
            if let Some(o) = &a.organisation {
                s.push_str(&format!(" — {o}"));
            }
            if a.disabled {
                s.push_str(" (compte désactivé)");
            }
            s
        }
        None => "Données de démonstration (sans compte)".to_owned(),
    };
    let label = post.title.clone();
    view! {
        <p class="post-tags">
            <span class=if post.kind == crate::domain::PostKind::Request { "badge badge-request" } else { "badge badge-offer" }>
                {post.kind.label_fr()}
            </span>
            <span class="cat" style=format!("--cat:{}", post.category.colour())>
                <span aria-hidden="true">{post.category.icon()}</span>
                {post.category.label_fr()}
            </span>
            <span class="badge badge-status">{post.status.label_fr()}</span>
            {post.hidden.then(|| view! { <span class="badge badge-pending">"Masquée"</span> })}
        </p>
        <div class="post-body">{paragraphs.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}</div>
        <dl class="facts">
            <dt>"Auteur"</dt>
            <dd>{author}" · "{post.poster_kind.label_fr()}</dd>
            <dt>"Déposée"</dt>
            <dd><time datetime=rfc3339(post.created_at)>{absolute_fr(post.created_at)}</time></dd>
            <dt>"Lieu exact"</dt>
            <dd>{format!("{} ({:.5}, {:.5})", post.commune, post.exact.lat, post.exact.lon)}</dd>
            <dt>"Note privée"</dt>
            <dd>{post.private_note.clone().unwrap_or_else(|| "aucune".into())}</dd>
        </dl>
        <PointMap point=post.exact category=post.category label=label/>
    }
}

/// Every decision on a post, oldest first.
#[component]
pub fn History(post: StaffPost) -> impl IntoView {
    (!post.history.is_empty()).then(|| {
        view! {
            <h3>"Décisions précédentes"</h3>
            <ol class="history">
                {post.history.into_iter().map(|e| view! { <EventItem event=e staff=true/> }).collect_view()}
            </ol>
        }
    })
}

/// The reports on a post, open ones first.
#[component]
pub fn Reports(reports: Vec<ReportView>) -> impl IntoView {
    (!reports.is_empty()).then(|| {
        view! {
            <h3>"Signalements"</h3>
            <ul class="reports">
                {reports
                    .into_iter()
                    .map(|r| view! {
                        <li class:report-closed=!r.open>
                            <p>
                                <strong>{r.reason.label_fr()}</strong>
                                {format!(" — {}, le {}", r.reporter, absolute_fr(r.at))}
                                {(!r.open).then_some(" (traité)")}
                            </p>
                            {(!r.details.is_empty()).then(|| view! { <p class="event-message">"« "{r.details.clone()}" »"</p> })}
                            {r.message.clone().map(|m| view! { <p>"Message signalé : « "{m}" »"</p> })}
                            {r.conversation_id.map(|c| view! { <p><a href=format!("/messages/{c}")>"Lire la conversation"</a></p> })}
                        </li>
                    })
                    .collect_view()}
            </ul>
        }
    })
}

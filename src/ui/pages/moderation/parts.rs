//! What the staff pages share: the queue tabs with their figures, a post as staff see it,
//! its history and reports, and the word after an action.

use leptos::prelude::*;

use crate::domain::time::rfc3339;
use crate::i18n::{absolute, label, n, relative, s as text, t, t_args};
use crate::ui::components::decision::EventItem;
use crate::ui::map::PointMap;
use crate::wire::moderation::{QueueStats, ReportView, StaffPost};

/// Which queue a page shows.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Pending,
    Reports,
}

/// The two queues with their counts, and how long the oldest pending post has waited.
#[component]
pub fn QueueTabs(stats: QueueStats, current: Tab) -> impl IntoView {
    let oldest = stats.oldest_pending_at.map(|at| relative(stats.now, at));
    let late = stats.oldest_pending_at.is_some_and(|t| stats.now - t > 48 * 3600);
    let aria = |t: Tab| (t == current).then_some("page");
    view! {
        <nav class="tabs" aria-label=t("moderation-queues")>
            <a href="/moderation" aria-current=aria(Tab::Pending)>
                {t("moderation-tab-pending")}" " <span class="count" class:count-zero=stats.pending == 0>{stats.pending}</span>
            </a>
            <a href="/moderation/signalements" aria-current=aria(Tab::Reports)>
                {t("moderation-tab-reports")}" " <span class="count" class:count-zero=stats.reported_posts == 0>{stats.reported_posts}</span>
            </a>
            <a href="/saisies">{t("intakes-heading")}</a>
            <a href="/suivi">{t("follow-ups-heading")}</a>
            <a href="/verifications">{t("vetting-desk-heading")}</a>
            <a href="/pilotage">{t("stats-heading")}</a>
            <a href="/pilotage/exports">{t("exports-heading")}</a>
        </nav>
        <p class="queue-health" class:queue-late=late>
            {match oldest {
                Some(o) if stats.pending > 0 => {
                    t_args("moderation-health", &[("count", n(stats.pending as f64)), ("oldest", text(o))])
                }
                _ => t("moderation-health-none"),
            }}
            {(stats.hidden > 0).then(|| format!(" {}", t_args("moderation-hidden", &[("count", n(stats.hidden as f64))])))}
        </p>
        {(!stats.territories.is_empty()).then(|| view! {
            <p class="hint">{t_args("moderation-territories", &[("list", text(stats.territories.join(", ")))])}</p>
        })}
    }
}

/// The word after an action (`?fait=approve`), said where a screen reader hears it.
#[component]
pub fn ActionNotice(done: Option<String>) -> impl IntoView {
    let said = done
        .filter(|d| matches!(d.as_str(), "approve" | "reject" | "redact" | "dismiss" | "unpublish" | "disable"))
        .map(|d| t(&format!("moderation-done-{d}")));
    said.map(|said| view! { <div class="notice" role="status"><p>{said}</p></div> })
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
                s.push_str(&format!(" ({})", t("moderation-account-disabled")));
            }
            s
        }
        None => t("moderation-demo-data"),
    };
    let map_label = post.title.clone();
    view! {
        <p class="post-tags">
            <span class=if post.kind == crate::domain::PostKind::Request { "badge badge-request" } else { "badge badge-offer" }>
                {label("kind", post.kind.slug())}
            </span>
            <span class="cat" style=format!("--cat:{}", post.category.colour())>
                <span aria-hidden="true">{post.category.icon()}</span>
                {label("category", post.category.slug())}
            </span>
            <span class="badge badge-status">{label("status", post.status.slug())}</span>
            {post.hidden.then(|| view! { <span class="badge badge-pending">{t("moderation-hidden-badge")}</span> })}
            {(!post.urgent.is_empty()).then(|| view! { <span class="badge badge-urgent">{t("moderation-urgent-badge")}</span> })}
        </p>
        {post.building.clone().map(|(street, commune)| view! {
            <p class="notice building-only">
                {t_args("building-only-staff", &[("street", text(street)), ("commune", text(commune))])}
            </p>
        })}
        {(!post.urgent.is_empty()).then(|| {
            let signs = post.urgent.iter().map(|s| label("sign", s.slug())).collect::<Vec<_>>().join(", ");
            view! { <p class="notice notice-warning urgent-why">{t_args("moderation-urgent-why", &[("signs", text(signs))])}</p> }
        })}
        <div class="post-body">{paragraphs.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}</div>
        <dl class="facts">
            <dt>{t("moderation-author")}</dt>
            <dd>{author}" · "{label("poster", post.poster_kind.slug())}</dd>
            <dt>{t("moderation-submitted")}</dt>
            <dd><time datetime=rfc3339(post.created_at)>{absolute(post.created_at)}</time></dd>
            <dt>{t("moderation-exact")}</dt>
            <dd>{format!("{} ({:.5}, {:.5})", post.commune, post.exact.lat, post.exact.lon)}</dd>
            <dt>{t("moderation-private-note")}</dt>
            <dd>{post.private_note.clone().unwrap_or_else(|| t("private-none"))}</dd>
        </dl>
        <PointMap point=post.exact category=post.category label=map_label/>
    }
}

/// Every decision on a post, oldest first.
#[component]
pub fn History(post: StaffPost) -> impl IntoView {
    (!post.history.is_empty()).then(|| {
        view! {
            <h3>{t("moderation-previous")}</h3>
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
            <h3>{t("moderation-tab-reports")}</h3>
            <ul class="reports">
                {reports
                    .into_iter()
                    .map(|r| view! {
                        <li class:report-closed=!r.open>
                            <p>
                                <strong>{label("report-reason", r.reason.slug())}</strong>
                                {format!(" — {}", t_args("post-thanks-by", &[("writer", text(r.reporter.clone())), ("date", text(absolute(r.at)))]))}
                                {(!r.open).then(|| format!(" ({})", t("moderation-handled")))}
                            </p>
                            {(!r.details.is_empty()).then(|| view! { <p class="event-message">"« "{r.details.clone()}" »"</p> })}
                            {r.message.clone().map(|m| view! { <p>{t_args("moderation-reported-message", &[("message", text(m))])}</p> })}
                            {r.conversation_id.map(|c| view! { <p><a href=format!("/messages/{c}")>{t("moderation-read-conversation")}</a></p> })}
                        </li>
                    })
                    .collect_view()}
            </ul>
        }
    })
}

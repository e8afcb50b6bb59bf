//! `/notifications`: what the moderation team told me about my posts, newest first. With
//! JavaScript, « Tout marquer comme lu » works without leaving the page (`PostForm`): the list
//! and the header's badge are read again.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::moderation::my_notifications;
use crate::domain::notification::NotificationKind;
use crate::domain::time::rfc3339;
use crate::i18n::{n as num, relative, t, t_args};
use crate::ui::components::post_form::PostForm;
use crate::ui::components::restricted::Restricted;
use crate::ui::writes::written;
use crate::wire::moderation::Notifications;

/// My notifications.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let list = Resource::new(written, |_| my_notifications());
    view! {
        <Title text=t("notifications-title")/>
        <div class="page narrow">
            <h1>{t("nav-notifications")}</h1>
            <Transition fallback=|| view! { <p class="loading">{t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(n) => view! { <NotificationList list=n/> }.into_any(),
                        Err(e) => view! { <Restricted error=e next="/notifications"/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn NotificationList(list: Notifications) -> impl IntoView {
    let unread = list.items.iter().filter(|n| !n.read).count();
    let now = list.now;
    view! {
        <p>
            {t_args("notifications-new", &[("count", num(unread as f64))])}
        </p>
        <p><a href="/alertes">{t("notifications-alerts-link")}</a></p>
        {(unread > 0).then(|| view! {
            <PostForm action="/notifications" keep_scroll=true>
                <button type="submit" class="btn btn-small btn-secondary">{t("notifications-all-read")}</button>
            </PostForm>
        })}
        {list.items.is_empty().then(|| view! {
            <p class="empty">{t("notifications-empty")}</p>
        })}
        <ul class="notifications">
            {list
                .items
                .into_iter()
                .map(|n| view! {
                    <li class="notification" class:unread=!n.read>
                        {(!n.read).then(|| view! { <span class="visually-hidden">{format!("{} ", t("notifications-unread-mark"))}</span> })}
                        <p>{n.body.clone()}</p>
                        <p class="post-meta">
                            <time datetime=rfc3339(n.created_at)>{relative(now, n.created_at)}</time>
                            {n.question_id.map(|q| view! {
                                " · " <a href=format!("/suivi/{q}")>{t("help-question-answer")}</a>
                            })}
                            {match (n.conversation_id, n.post_id) {
                                _ if n.kind == NotificationKind::AlertsPaused => view! {
                                    " · " <a href="/alertes">{t("nav-alerts")}</a>
                                }.into_any(),
                                (None, Some(id)) if n.kind == NotificationKind::Alert => view! {
                                    " · " <a href=format!("/posts/{id}")>{t("map-see-post")}</a>
                                    " · " <a href="/alertes">{t("nav-alerts")}</a>
                                }.into_any(),
                                (Some(c), _) => view! { " · " <a href=format!("/messages/{c}")>{t("respond-see-conversation")}</a> }.into_any(),
                                (None, Some(id)) => view! {
                                    " · " <a href=format!("/posts/{id}")>{t("map-see-post")}</a>
                                    " · " <a href="/mes-annonces">{t("nav-my-posts")}</a>
                                }.into_any(),
                                (None, None) => ().into_any(),
                            }}
                        </p>
                    </li>
                })
                .collect_view()}
        </ul>
    }
}

//! `/notifications`: what the moderation team told me about my posts, newest first.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::moderation::{my_notifications, Notifications};
use crate::domain::time::{relative_fr, rfc3339};
use crate::ui::components::restricted::Restricted;

/// My notifications.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let list = Resource::new(|| (), |_| my_notifications());
    view! {
        <Title text="Notifications — Entraide Haut-Rhin"/>
        <div class="page narrow">
            <h1>"Notifications"</h1>
            <Suspense fallback=|| view! { <p class="loading">"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(n) => view! { <NotificationList list=n/> }.into_any(),
                        Err(e) => view! { <Restricted error=e next="/notifications"/> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn NotificationList(list: Notifications) -> impl IntoView {
    let unread = list.items.iter().filter(|n| !n.read).count();
    let now = list.now;
    view! {
        <p>
            {match unread {
                0 => "Vous n'avez pas de nouvelle notification.".to_owned(),
                1 => "1 nouvelle notification.".to_owned(),
                n => format!("{n} nouvelles notifications."),
            }}
        </p>
        {(unread > 0).then(|| view! {
            <form method="post" action="/notifications">
                <button type="submit" class="btn btn-small btn-secondary">"Tout marquer comme lu"</button>
            </form>
        })}
        {list.items.is_empty().then(|| view! {
            <p class="empty">"Les réponses à vos annonces et les décisions de l'équipe du Département s'afficheront ici."</p>
        })}
        <ul class="notifications">
            {list
                .items
                .into_iter()
                .map(|n| view! {
                    <li class="notification" class:unread=!n.read>
                        {(!n.read).then(|| view! { <span class="visually-hidden">"Nouveau : "</span> })}
                        <p>{n.body.clone()}</p>
                        <p class="post-meta">
                            <time datetime=rfc3339(n.created_at)>{relative_fr(now, n.created_at)}</time>
                            {match (n.conversation_id, n.post_id) {
                                (Some(c), _) => view! { " · " <a href=format!("/messages/{c}")>"Voir la conversation"</a> }.into_any(),
                                (None, Some(id)) => view! {
                                    " · " <a href=format!("/posts/{id}")>"Voir l'annonce"</a>
                                    " · " <a href="/mes-annonces">"Mes annonces"</a>
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

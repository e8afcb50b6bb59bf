//! `/messages`: my conversations, the most recent first, with what I have not read.

pub mod conversation;

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::conversations::{my_conversations, Conversations};
use crate::domain::time::{relative_fr, rfc3339};
use crate::ui::components::restricted::Restricted;

/// "Mes messages".
#[component]
pub fn MessagesPage() -> impl IntoView {
    let list = Resource::new(|| (), |_| my_conversations());
    view! {
        <Title text="Mes messages — Entraide Haut-Rhin"/>
        <div class="page narrow">
            <h1>"Mes messages"</h1>
            <Suspense fallback=|| view! { <p class="loading">"Chargement…"</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(l) => view! { <ConversationList list=l/> }.into_any(),
                        Err(e) => view! { <Restricted error=e next="/messages"/> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn ConversationList(list: Conversations) -> impl IntoView {
    let now = list.now;
    let empty = list.items.is_empty();
    view! {
        {empty.then(|| view! {
            <p class="empty">
                "Pas encore de conversation. Quand vous répondez à une annonce, ou quand quelqu'un répond à "
                "la vôtre, la conversation apparaît ici."
            </p>
        })}
        <ul class="conversations">
            {list
                .items
                .into_iter()
                .map(|c| {
                    let who = if c.i_am_author {
                        format!("{} a répondu à votre annonce", c.other_name)
                    } else {
                        format!("Vous avez écrit à {}", c.other_name)
                    };
                    view! {
                        <li class="conversation-item" class:unread={c.unread > 0}>
                            <a href=format!("/messages/{}", c.id)>
                                <span class="conversation-title">{c.post_title.clone()}</span>
                                {(c.unread > 0).then(|| view! {
                                    " "<span class="nav-badge">{c.unread}</span>
                                    <span class="visually-hidden">" message(s) non lu(s)"</span>
                                })}
                            </a>
                            <p class="post-meta">
                                {who}
                                {c.accepted.then_some(" · aide acceptée")}
                                " · "{c.post_status.label_fr()}" · "
                                <time datetime=rfc3339(c.last_message_at)>{relative_fr(now, c.last_message_at)}</time>
                            </p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

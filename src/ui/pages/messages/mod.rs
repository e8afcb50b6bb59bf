//! `/messages`: my conversations, the most recent first, with what I have not read.

pub mod conversation;

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::conversations::my_conversations;
use crate::domain::time::rfc3339;
use crate::i18n::{label, n, relative, s as text, t, t_args};
use crate::ui::components::restricted::Restricted;
use crate::ui::components::vetted::VettedBadge;
use crate::wire::conversations::Conversations;

/// "Mes messages".
#[component]
pub fn MessagesPage() -> impl IntoView {
    let list = Resource::new(|| (), |_| my_conversations());
    view! {
        <Title text=t("messages-title")/>
        <div class="page narrow">
            <h1>{t("messages-heading")}</h1>
            <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
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
            <p class="empty">{t("messages-empty")}</p>
        })}
        <ul class="conversations">
            {list
                .items
                .into_iter()
                .map(|c| {
                    let who = if let Some(author) = &c.carer_of {
                        t_args("messages-as-carer", &[("name", text(c.other_name.clone())), ("author", text(author.clone()))])
                    } else if c.i_am_author {
                        t_args("messages-answered-you", &[("name", text(c.other_name.clone()))])
                    } else {
                        t_args("messages-you-wrote", &[("name", text(c.other_name.clone()))])
                    };
                    view! {
                        <li class="conversation-item" class:unread={c.unread > 0}>
                            <a href=format!("/messages/{}", c.id)>
                                <span class="conversation-title">{c.post_title.clone()}</span>
                                {(c.unread > 0).then(|| view! {
                                    " "<span class="nav-badge">{c.unread}</span>
                                    <span class="visually-hidden">{format!(" {}", t_args("messages-unread", &[("count", n(c.unread as f64))]))}</span>
                                })}
                            </a>
                            <p class="post-meta">
                                {who}
                                {c.other_vetted.then(|| view! { " " <VettedBadge/> })}
                                {c.accepted.then(|| format!(" · {}", t("messages-accepted")))}
                                " · "{label("status", c.post_status.slug())}" · "
                                <time datetime=rfc3339(c.last_message_at)>{relative(now, c.last_message_at)}</time>
                            </p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

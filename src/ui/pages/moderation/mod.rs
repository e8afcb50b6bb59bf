//! `/moderation`: the validation queue for staff. Pending posts oldest first; on each card
//! three plain forms: publish, refuse with a reason, or redact then publish. Works without
//! JavaScript and from the keyboard (native forms, `details` for the longer actions).

pub mod history;
pub mod parts;
pub mod reports;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::forms::{read_form_echo, FormEcho};
use crate::api::moderation::{moderation_queue, QueuePage, StaffPost};
use crate::domain::moderation::DecisionReason;
use crate::domain::time::relative_fr;
use crate::ui::components::form_field::{FormMessage, SelectField, TextArea, TextField};
use crate::ui::components::restricted::Restricted;
use parts::{ActionNotice, History, QueueTabs, StaffPostDetails, Tab};

/// The validation queue.
#[component]
pub fn ModerationPage() -> impl IntoView {
    let echo = Resource::new(|| (), |_| read_form_echo());
    let queue = Resource::new(|| (), |_| moderation_queue());
    let done = use_query_map().read_untracked().get("fait");
    view! {
        <Title text="Validation des annonces — Entraide Haut-Rhin"/>
        <div class="page staff-page">
            <h1>"Validation des annonces"</h1>
            <Suspense fallback=|| view! { <p class="loading">"Chargement de la file…"</p> }>
                {move || {
                    let done = done.clone();
                    Suspend::new(async move {
                        let echo = echo.await.ok().flatten().unwrap_or_default();
                        match queue.await {
                            Ok(q) => view! { <Queue queue=q echo=echo done=done/> }.into_any(),
                            Err(e) => view! { <Restricted error=e next="/moderation"/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
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
        {empty.then(|| view! { <p class="empty">"Tout est à jour : aucune annonce n'attend de validation."</p> })}
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
    DecisionReason::ALL.iter().map(|r| (r.slug(), r.label_fr().to_owned())).collect()
}

#[component]
fn PendingCard(post: StaffPost, echo: FormEcho, now: i64) -> impl IntoView {
    let id = post.id;
    let heading = format!("annonce-{id}-titre");
    let (approve, reject, redact) = (format!("approve-{id}"), format!("reject-{id}"), format!("redact-{id}"));
    let reject_open = echo.form == reject;
    let redact_open = echo.form == redact;
    let waited = relative_fr(now, post.created_at);
    let late = now - post.created_at > 48 * 3600;
    let (title, description) = (post.title.clone(), post.description.clone());
    view! {
        <article class="mod-card" id=format!("annonce-{id}") aria-labelledby=format!("annonce-{id}-titre")>
            <header class="mod-card-head">
                <h2 id=heading>{post.title.clone()}</h2>
                <p class="age" class:queue-late=late>"Déposée "{waited}</p>
            </header>
            <StaffPostDetails post=post.clone()/>
            <History post=post.clone()/>
            <p><a href=format!("/moderation/annonces/{id}")>"Historique complet de l'annonce"</a></p>
            <div class="mod-actions">
                <form method="post" action="/moderation">
                    <FormMessage form=approve.clone() echo=echo.clone()/>
                    <input type="hidden" name="id" value=id.to_string()/>
                    <button type="submit" class="btn" name="action" value="approve">"Publier l'annonce"</button>
                </form>
                <details open=reject_open>
                    <summary>"Refuser…"</summary>
                    <form method="post" action="/moderation">
                        <FormMessage form=reject.clone() echo=echo.clone()/>
                        <input type="hidden" name="id" value=id.to_string()/>
                        <SelectField form=reject.clone() name="reason" label="Motif du refus" echo=echo.clone() options=reason_options()/>
                        <TextArea
                            form=reject.clone()
                            name="message"
                            label="Message à l'auteur (facultatif)"
                            hint="Il le lira dans ses notifications. Dites-lui comment corriger son annonce."
                            echo=echo.clone()
                            required=false
                            rows=3
                            maxlength=1000
                        />
                        <button type="submit" class="btn btn-danger" name="action" value="reject">"Refuser l'annonce"</button>
                    </form>
                </details>
                <details open=redact_open>
                    <summary>"Modifier puis publier…"</summary>
                    <form method="post" action="/moderation">
                        <FormMessage form=redact.clone() echo=echo.clone()/>
                        <input type="hidden" name="id" value=id.to_string()/>
                        <p class="hint">
                            "Retirez un numéro de téléphone, une adresse ou un nom de famille. L'auteur verra ce qui a changé."
                        </p>
                        <TextField form=redact.clone() name="title" label="Titre" echo=echo.clone() initial=title/>
                        <TextArea form=redact.clone() name="description" label="Description" echo=echo.clone() initial=description rows=6 maxlength=2000/>
                        <TextArea
                            form=redact.clone()
                            name="message"
                            label="Message à l'auteur (facultatif)"
                            echo=echo.clone()
                            required=false
                            rows=2
                            maxlength=1000
                        />
                        <button type="submit" class="btn" name="action" value="redact">"Publier le texte modifié"</button>
                    </form>
                </details>
            </div>
        </article>
    }
}

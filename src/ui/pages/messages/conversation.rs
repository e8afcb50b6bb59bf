//! `/messages/:id`: one conversation. The thread, a reply box, and what each side may do now:
//! accept the helper, withdraw, say the help was given, confirm it, thank. With JavaScript, new
//! messages appear without reloading; without it, a link shows them.

use gloo_timers::callback::Interval;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::conversations::{get_conversation, new_messages};
use crate::domain::moderation::ReportReason;
use crate::domain::time::rfc3339;
use crate::domain::{PostKind, PostStatus};
use crate::error::AppError;
use crate::i18n::{absolute, label, s as text, t, t_args};
use crate::ui::components::form_field::{FormMessage, SelectField, TextArea, TextField};
use crate::ui::components::post_form::PostForm;
use crate::ui::components::restricted::Restricted;
use crate::ui::components::vetted::VettedBadge;
use crate::ui::map::PointMap;
use crate::ui::pages::not_found::NotFoundPage;
use crate::ui::writes::{by_route_id, echo_resource};
use crate::wire::conversations::{ConversationView, MessageView};
use crate::wire::forms::FormEcho;

/// How often the page asks for new messages (JavaScript only).
const POLL_MS: u32 = 5_000;

/// A conversation.
#[component]
pub fn ConversationPage() -> impl IntoView {
    // Read again after each write done without a reload (a message sent, an action).
    let view_ = by_route_id(get_conversation);
    let echo = echo_resource();
    let query = use_query_map();
    view! {
        // A transition: after a write the thread stays on screen while it is read again.
        <Transition fallback=|| view! { <p class="loading">{t("conversation-loading")}</p> }>
            {move || {
                let done = query.read().get("fait");
                Suspend::new(async move {
                    let echo = echo.await.ok().flatten().unwrap_or_default();
                    match view_.await {
                        Ok(c) => view! { <Conversation c=c echo=echo done=done/> }.into_any(),
                        Err(AppError::NotFound) => view! { <NotFoundPage/> }.into_any(),
                        Err(e) => view! { <div class="page narrow"><Restricted error=e next="/messages"/></div> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
}

fn done_text(done: Option<String>) -> Option<String> {
    let done = done?;
    matches!(done.as_str(), "message" | "accept" | "withdraw" | "done" | "confirm" | "report")
        .then(|| t(&format!("conversation-done-{done}")))
}

#[component]
fn Conversation(c: ConversationView, echo: FormEcho, done: Option<String>) -> impl IntoView {
    let id = c.id;
    let name = || text(c.other_name.clone());
    let title = t_args("conversation-title", &[("name", name())]);
    let last = c.messages.last().map(|m| m.id).unwrap_or(0);
    let (messages, set_messages) = signal(c.messages.clone());
    // With JavaScript a message shows in the thread as it leaves, marked as being sent, until the
    // thread is read again (with it, or without it if it was refused).
    let show_at_once = Callback::new(move |data: web_sys::FormData| {
        let body = data.get("body").as_string().unwrap_or_default().trim().to_owned();
        if !body.is_empty() {
            set_messages.update(|list| {
                let id = -(list.len() as i64) - 1;
                let at = (js_sys::Date::now() / 1000.0) as i64;
                list.push(MessageView { id, mine: true, sender: String::new(), body, at, by_carer: false });
            });
        }
    });
    poll(id, last, set_messages, c.staff_view);
    let author = || text(c.author_name.clone());
    let heading = if c.i_am_carer {
        t_args("conversation-heading-carer", &[("name", name()), ("author", author())])
    } else if c.i_am_author {
        t_args("conversation-heading-author", &[("name", name())])
    } else {
        t_args("conversation-heading-helper", &[("name", name())])
    };
    let accepted_line = match (c.accepted, c.i_am_author) {
        (true, _) if c.i_am_carer => {
            Some(t_args("conversation-carer-accepted", &[("name", name()), ("author", author())]))
        }
        (true, true) => Some(t_args("conversation-you-accepted", &[("name", name())])),
        (true, false) => Some(t_args("conversation-accepted-you", &[("name", name())])),
        _ => None,
    };
    let helper_done = t_args("conversation-helper-done", &[("name", name())]);
    let others_msgs = echo.clone();
    let reportable = !c.staff_view && !c.i_am_carer;
    let author_name = c.author_name.clone();
    view! {
        <Title text=title/>
        <div class="page narrow conversation-page">
            <p class="back"><a href="/messages">{format!("← {}", t("messages-heading"))}</a></p>
            <h1>{heading}</h1>
            {c.other_vetted.then(|| view! { <p><VettedBadge/></p> })}
            <p class="post-meta">
                {t("conversation-about")}" "<a href=format!("/posts/{}", c.post_id)>{c.post_title.clone()}</a>
                " · "{c.commune.clone()}" · "{label("status", c.post_status.slug())}
            </p>
            {c.staff_view.then(|| view! {
                <div class="notice" role="status">
                    <p>{t("conversation-staff-view")}</p>
                </div>
            })}
            {c.i_am_carer.then(|| view! {
                <div class="notice carer-note">
                    <p>{t_args("conversation-as-carer", &[("author", author())])}</p>
                </div>
            })}
            {done_text(done).map(|t| view! { <div class="notice" role="status"><p>{t}</p></div> })}
            {block_line(&c).map(|t| view! { <p class="notice">{t}</p> })}
            {accepted_line.map(|t| view! { <p class="accepted-line">{t}</p> })}
            {(c.helper_done && c.i_am_author && c.actions.confirm).then(|| view! {
                <div class="notice"><p>{helper_done}</p></div>
            })}
            <CallerBox c=c.clone()/>
            <Private c=c.clone()/>
            <h2 class="visually-hidden">{t("nav-messages")}</h2>
            <ol class="thread" aria-live="polite">
                <For each=move || messages.get() key=|m| m.id let:m>
                    <MessageItem m=m conversation=id echo=others_msgs.clone() reportable=reportable
                        author=author_name.clone()/>
                </For>
            </ol>
            // A GET form, not a link: a link to the same page would only scroll.
            <form id="fin" method="get" action=format!("/messages/{id}") class="refresh">
                <button type="submit" class="btn btn-small btn-secondary">{t("conversation-refresh")}</button>
            </form>
            {c.actions.reply.then(|| { let echo = echo.clone(); view! {
                <PostForm action=format!("/messages/{id}") class="form reply-form" keep_scroll=true on_send=show_at_once>
                    <input type="hidden" name="action" value="message"/>
                    <FormMessage form="message" echo=echo.clone()/>
                    <TextArea form="message" name="body" label=t("conversation-your-message") echo=echo.clone() rows=3 maxlength=2000/>
                    <button type="submit" class="btn">{t("conversation-send")}</button>
                </PostForm>
            }})}
            <Actions c=c echo=echo/>
        </div>
    }
}

/// Asks for new messages every few seconds and adds them. Everything is made inside the effect,
/// which runs only in the browser: nothing thread-bound is created while rendering on the server.
fn poll(id: i64, last: i64, set_messages: WriteSignal<Vec<MessageView>>, staff_view: bool) {
    if staff_view {
        return;
    }
    Effect::new(move |_| {
        let after = StoredValue::new(last);
        let interval = Interval::new(POLL_MS, move || {
            leptos::task::spawn_local(async move {
                if let Ok(new) = new_messages(id, after.get_value()).await {
                    if let Some(m) = new.last() {
                        after.set_value(m.id);
                        set_messages.update(|list| list.extend(new));
                    }
                }
            });
        });
        let timer = StoredValue::new_local(Some(interval));
        // Stops when the page goes.
        on_cleanup(move || timer.set_value(None));
    });
}

#[component]
fn MessageItem(m: MessageView, conversation: i64, echo: FormEcho, reportable: bool, author: String) -> impl IntoView {
    let form = format!("report-{}", m.id);
    let open = echo.form == form;
    let options: Vec<(&'static str, String)> =
        ReportReason::ALL.iter().map(|r| (r.slug(), crate::i18n::label("report-reason", r.slug()))).collect();
    view! {
        <li class="message" class:message-mine=m.mine class:message-sending=m.id < 0>
            <p class="message-meta">
                <strong>{if m.mine { t("conversation-you") } else { m.sender.clone() }}</strong>
                {(m.id < 0).then(|| view! { " · "<span class="sending">{t("form-sending")}</span> })}
                {m.by_carer.then(|| view! {
                    " "<span class="carer-mark">{t_args("conversation-carer-of", &[("author", text(author.clone()))])}</span>
                })}
                " · "<time datetime=rfc3339(m.at)>{absolute(m.at)}</time>
            </p>
            <p class="pre-line">{m.body.clone()}</p>
            {(!m.mine && reportable).then(|| view! {
                <details class="report-message" open=open>
                    <summary>{t("conversation-report")}</summary>
                    <PostForm action=format!("/messages/{conversation}") keep_scroll=true>
                        <input type="hidden" name="action" value="report"/>
                        <input type="hidden" name="message_id" value=m.id.to_string()/>
                        <FormMessage form=form.clone() echo=echo.clone()/>
                        <SelectField form=form.clone() name="reason" label=t("report-reason") echo=echo.clone() options=options/>
                        <TextArea form=form name="details" label=t("report-details") echo=echo.clone() required=false rows=2 maxlength=1000/>
                        <button type="submit" class="btn btn-small btn-secondary">{t("conversation-report-send")}</button>
                    </PostForm>
                </details>
            })}
        </li>
    }
}

/// For staff acting for a person who called: who to call back, and when.
#[component]
fn CallerBox(c: ConversationView) -> impl IntoView {
    c.caller.map(|p| {
        view! {
            <section class="notice caller-box" aria-labelledby="appelant-titre">
                <h2 id="appelant-titre">{t("caller-heading")}</h2>
                <dl class="facts facts-wide-values">
                    <dt>{t("intake-person-name")}</dt>
                    <dd>{p.name.clone()}</dd>
                    {(!p.phone.is_empty()).then(|| view! {
                        <dt>{t("intake-person-phone")}</dt>
                        <dd><a href=format!("tel:{}", p.phone.replace(' ', ""))>{p.phone.clone()}</a></dd>
                    })}
                    {p.call_times.clone().map(|w| view! {
                        <dt>{t("intake-call-times")}</dt>
                        <dd>{w}</dd>
                    })}
                    <dt>{t("caller-phone-shared")}</dt>
                    <dd>{if p.share_phone { t("caller-phone-yes") } else { t("caller-phone-no") }}</dd>
                </dl>
            </section>
        }
    })
}

/// The exact place, building note and phone: for the accepted helper, and for the author to
/// see what is shared.
#[component]
fn Private(c: ConversationView) -> impl IntoView {
    let show = c.private.clone().filter(|_| c.accepted);
    show.map(|p| {
        let heading = if c.i_am_author { t("private-heading-author") } else { t("private-heading-helper") };
        let label = c.post_title.clone();
        view! {
            <section class="private-box" aria-labelledby="prive-titre">
                <h2 id="prive-titre">{heading}</h2>
                <p class="hint">{t("private-hint")}</p>
                <dl class="facts">
                    <dt>{t("private-exact")}</dt>
                    <dd>{format!("{} — {:.5}, {:.5}", c.commune, p.exact.lat, p.exact.lon)}</dd>
                    <dt>{t("private-note")}</dt>
                    <dd>{p.private_note.clone().unwrap_or_else(|| t("private-none"))}</dd>
                    {p.phone.clone().map(|ph| view! {
                        <dt>{t("private-phone")}</dt>
                        <dd><a href=format!("tel:{}", ph.replace(' ', ""))>{ph.clone()}</a></dd>
                    })}
                </dl>
                <p>
                    <a href=format!("https://www.openstreetmap.org/?mlat={:.5}&mlon={:.5}#map=18/{:.5}/{:.5}", p.exact.lat, p.exact.lon, p.exact.lat, p.exact.lon)>
                        {t("private-open-map")}
                    </a>
                </p>
                <PointMap point=p.exact category=crate::domain::Category::Other label=label/>
            </section>
        }
    })
}

/// What the reader is told of a block: theirs, the other side's, or (staff) who blocked whom.
fn block_line(c: &ConversationView) -> Option<String> {
    let name = || text(c.other_name.clone());
    let (mine, theirs) =
        if c.i_am_author { (c.author_blocked, c.responder_blocked) } else { (c.responder_blocked, c.author_blocked) };
    if c.i_am_carer {
        return (c.author_blocked || c.responder_blocked).then(|| t("block-carer"));
    }
    if c.staff_view {
        return match (c.author_blocked, c.responder_blocked) {
            (false, false) => None,
            (true, false) => Some(t("block-staff-author")),
            (false, true) => Some(t("block-staff-responder")),
            (true, true) => Some(t("block-staff-both")),
        };
    }
    if theirs {
        Some(t("block-you-are-blocked"))
    } else if mine {
        Some(t_args("block-you-blocked", &[("name", name())]))
    } else {
        None
    }
}

/// The forms of what the reader may do now.
#[component]
fn Actions(c: ConversationView, echo: FormEcho) -> impl IntoView {
    let id = c.id;
    let a = c.actions;
    let action_form = move |action: &'static str, label: String, class: &'static str| {
        view! {
            <PostForm action=format!("/messages/{id}")>
                <input type="hidden" name="action" value=action/>
                <button type="submit" class=class>{label}</button>
            </PostForm>
        }
    };
    let name = text(c.other_name.clone());
    let accept_label = match c.post_kind {
        PostKind::Request => t_args("accept-help-of", &[("name", name.clone())]),
        PostKind::Offer => t_args("accept-person", &[("name", name.clone())]),
    };
    let accept_text = t_args("accept-text", &[("name", name)]);
    let share_checked = echo.form == "accept" && echo.value("accept", "share_phone") == "on";
    view! {
        <div class="conversation-actions">
            <FormMessage form="withdraw" echo=echo.clone()/>
            <FormMessage form="done" echo=echo.clone()/>
            <FormMessage form="confirm" echo=echo.clone()/>
            {a.accept.then(|| { let echo = echo.clone(); view! {
                <section aria-labelledby="accepter-titre">
                    <h2 id="accepter-titre">{accept_label.clone()}</h2>
                    <p>{accept_text}</p>
                    <PostForm action=format!("/messages/{id}") class="form">
                        <input type="hidden" name="action" value="accept"/>
                        <FormMessage form="accept" echo=echo.clone()/>
                        {match c.caller.clone() {
                            // Acting for a person who called: their phone, only if they agreed.
                            Some(p) if p.share_phone => view! {
                                <label class="choice">
                                    <input type="checkbox" name="share_phone" checked=share_checked/>
                                    {t_args("accept-share-caller-phone", &[("name", text(p.name.clone())), ("phone", text(p.phone.clone()))])}
                                </label>
                                <input type="hidden" name="phone" value=p.phone.clone()/>
                            }.into_any(),
                            Some(p) => view! {
                                <p class="hint">{t_args("accept-caller-phone-not-agreed", &[("name", text(p.name.clone()))])}</p>
                            }.into_any(),
                            None => view! {
                                <label class="choice">
                                    <input type="checkbox" name="share_phone" checked=share_checked/>
                                    {t("accept-share-phone")}
                                </label>
                                <TextField form="accept" name="phone" label=t("accept-phone") echo=echo.clone() kind="tel" autocomplete="tel" required=false/>
                            }.into_any(),
                        }}
                        {(c.post_kind == PostKind::Request).then(|| view! {
                            <label class="choice">
                                <input type="checkbox" name="off_map"/>
                                {t("accept-off-map")}
                            </label>
                        })}
                        <button type="submit" class="btn">{accept_label.clone()}</button>
                    </PostForm>
                </section>
            }})}
            {a.confirm.then(|| action_form("confirm", t("action-confirm"), "btn"))}
            {a.mark_done.then(|| action_form("done", t("action-done"), "btn"))}
            {a.withdraw.then(|| action_form("withdraw", t("action-withdraw"), "btn btn-secondary"))}
            {a.thank.then(|| view! {
                <PostForm action=format!("/messages/{id}") class="form">
                    <input type="hidden" name="action" value="thank"/>
                    <FormMessage form="thank" echo=echo.clone()/>
                    <TextArea
                        form="thank"
                        name="note"
                        label=t("thank-label")
                        echo=echo.clone()
                        rows=3
                        maxlength=500
                    />
                    <label class="choice">
                        <input type="checkbox" name="signed"/>
                        {t("thank-signed")}
                    </label>
                    <button type="submit" class="btn">{t("thank-submit")}</button>
                </PostForm>
            })}
            {(c.post_status == PostStatus::Fulfilled).then(|| view! { <p class="hint">{t("conversation-fulfilled")}</p> })}
            {a.block.then(|| view! {
                <details class="block-person">
                    <summary>{t_args("block-summary", &[("name", text(c.other_name.clone()))])}</summary>
                    <p class="hint">{t("block-hint")}</p>
                    {action_form("block", t("block-submit"), "btn btn-small btn-secondary")}
                </details>
            })}
            {a.unblock.then(|| action_form("unblock", t("unblock-submit"), "btn btn-small btn-secondary"))}
        </div>
    }
}

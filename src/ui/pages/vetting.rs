//! Vetted helpers (#18 §4). `/compte/verification`: a volunteer reads how to become a helper
//! vetted by the Département, asks, and sees where they stand. `/verifications`: staff record
//! the in-person check of those who asked, and withdraw a check. Plain form posts
//! (`server/forms/vetting.rs`).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::vetting::{get_my_vetting, get_vetting_desk};
use crate::domain::vetting::{ASSOCIATION_MAX, CHECKER_MAX, NOTE_MAX};
use crate::domain::Category;
use crate::i18n::{day, label, s as text, t, t_args};
use crate::ui::components::form_field::{AgreeBox, FormMessage, TextArea, TextField};
use crate::ui::components::post_form::PostForm;
use crate::ui::components::restricted::Restricted;
use crate::ui::components::vetted::VettedBadge;
use crate::ui::writes::{echo_resource, written};
use crate::wire::forms::FormEcho;
use crate::wire::vetting::{MyVetting, VettedHelper, VettingDesk, VettingRequest};

/// What was just done, from the address a write led to (it changes without a reload).
fn done_word(allowed: &'static [&'static str]) -> Signal<Option<String>> {
    let query = use_query_map();
    Signal::derive(move || query.read().get("fait").filter(|d| allowed.contains(&d.as_str())))
}

fn category_names(list: &[Category]) -> String {
    list.iter().map(|c| label("category", c.slug())).collect::<Vec<_>>().join(", ")
}

/// The volunteer's page.
#[component]
pub fn VettingPage() -> impl IntoView {
    let mine = Resource::new(written, |_| get_my_vetting());
    let echo = echo_resource();
    let done = done_word(&["ask", "cancel"]);
    view! {
        <Title text=t("vetting-title")/>
        <div class="page narrow">
            <p class="back"><a href="/compte">{format!("← {}", t("account-heading"))}</a></p>
            <h1>{t("vetting-heading")}</h1>
            {move || done.get().map(|d| view! { <div class="notice" role="status"><p>{t(&format!("vetting-done-{d}"))}</p></div> })}
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let echo = echo.await.ok().flatten().unwrap_or_default();
                    match mine.await {
                        Ok(m) => view! { <Standing m=m echo=echo/> }.into_any(),
                        Err(e) => view! { <Restricted error=e next="/compte/verification"/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn Standing(m: MyVetting, echo: FormEcho) -> impl IntoView {
    let categories = category_names(&m.categories);
    let state = match (m.vetted_until, m.ended_at) {
        (Some(until), _) => Some(
            view! {
                <div class="notice" role="status">
                    <p><VettedBadge/></p>
                    <p>{t_args("vetting-valid-until", &[("date", text(day(until - 1)))])}</p>
                </div>
            }
            .into_any(),
        ),
        (None, Some(at)) => {
            let key = if m.withdrawn { "vetting-withdrawn-on" } else { "vetting-expired-on" };
            Some(view! { <div class="notice"><p>{t_args(key, &[("date", text(day(at)))])}</p></div> }.into_any())
        }
        (None, None) => None,
    };
    view! {
        {state}
        <section aria-labelledby="verif-comment">
            <h2 id="verif-comment">{t("vetting-how-heading")}</h2>
            <p>{t_args("vetting-why", &[("categories", text(categories))])}</p>
            <ol class="steps-list">
                <li>{t("vetting-how-1")}</li>
                <li>{t("vetting-how-2")}</li>
                <li>{t("vetting-how-3")}</li>
                <li>{t("vetting-how-4")}</li>
            </ol>
        </section>
        {m.asked_at.map(|at| view! {
            <div class="notice" role="status">
                <p>{t_args("vetting-asked-on", &[("date", text(day(at)))])}</p>
                {m.note.clone().map(|n| view! { <p class="pre-line">"« "{n}" »"</p> })}
            </div>
            <PostForm action="/compte/verification">
                <input type="hidden" name="action" value="cancel"/>
                <button type="submit" class="btn btn-secondary btn-small">{t("vetting-cancel")}</button>
            </PostForm>
        })}
        {m.may_ask.then(|| view! {
            <PostForm action="/compte/verification" class="form" novalidate=true>
                <input type="hidden" name="action" value="ask"/>
                <FormMessage form="vetting-ask" echo=echo.clone()/>
                <TextArea form="vetting-ask" name="note" label=t("vetting-note") hint=t("vetting-note-hint")
                    echo=echo.clone() required=false rows=3 maxlength=NOTE_MAX as u32/>
                <button type="submit" class="btn">{t("vetting-ask")}</button>
            </PostForm>
        })}
    }
}

/// Staff's page.
#[component]
pub fn VettingDeskPage() -> impl IntoView {
    let desk = Resource::new(written, |_| get_vetting_desk());
    let echo = echo_resource();
    let done = done_word(&["record", "withdraw"]);
    view! {
        <Title text=t("vetting-desk-title")/>
        <div class="page">
            <h1>{t("vetting-desk-heading")}</h1>
            <nav class="console-links" aria-label=t("stats-console")>
                <a href="/moderation">{t("moderation-tab-pending")}</a>
                <a href="/suivi">{t("follow-ups-heading")}</a>
                <a href="/saisies">{t("intakes-heading")}</a>
                <a href="/pilotage">{t("stats-heading")}</a>
            </nav>
            {move || done.get().map(|d| view! { <div class="notice" role="status"><p>{t(&format!("vetting-desk-done-{d}"))}</p></div> })}
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let echo = echo.await.ok().flatten().unwrap_or_default();
                    match desk.await {
                        Ok(d) => view! { <Desk d=d echo=echo/> }.into_any(),
                        Err(e) => view! { <Restricted error=e next="/verifications"/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn Desk(d: VettingDesk, echo: FormEcho) -> impl IntoView {
    let VettingDesk { requests, vetted, my_name, today, categories, now } = d;
    let no_requests = requests.is_empty();
    let no_vetted = vetted.is_empty();
    // A refusal about a person no longer listed (recorded meanwhile, request withdrawn) is said
    // at the top: it has no form of its own to stand by.
    let listed = requests.iter().any(|r| echo.form == format!("vetting-record-{}", r.user_id))
        || vetted.iter().any(|v| echo.form == format!("vetting-withdraw-{}", v.user_id));
    let orphan = (!listed && echo.form.starts_with("vetting-"))
        .then(|| view! { <FormMessage form=echo.form.clone() echo=echo.clone()/> });
    view! {
        {orphan}
        <p>{t_args("vetting-desk-intro", &[("categories", text(category_names(&categories)))])}</p>
        <h2>{t_args("vetting-desk-requests", &[("count", crate::i18n::n(requests.len() as f64))])}</h2>
        {no_requests.then(|| view! { <p>{t("vetting-desk-no-request")}</p> })}
        <ul class="people-posts">
            {requests.into_iter().map(|r| view! {
                <RequestItem r=r echo=echo.clone() my_name=my_name.clone() today=today.clone() now=now/>
            }).collect_view()}
        </ul>
        <h2>{t_args("vetting-desk-vetted", &[("count", crate::i18n::n(vetted.len() as f64))])}</h2>
        {no_vetted.then(|| view! { <p>{t("vetting-desk-no-vetted")}</p> })}
        <ul class="people-posts">
            {vetted.into_iter().map(|v| view! { <VettedItem v=v echo=echo.clone()/> }).collect_view()}
        </ul>
    }
}

#[component]
fn RequestItem(r: VettingRequest, echo: FormEcho, my_name: String, today: String, now: i64) -> impl IntoView {
    let form = format!("vetting-record-{}", r.user_id);
    let open = echo.form == form;
    view! {
        <li>
            <p><strong>{r.name.clone()}</strong>" · "<a href=format!("mailto:{}", r.email)>{r.email.clone()}</a></p>
            <p class="post-meta">
                {t_args("vetting-desk-asked", &[("date", text(crate::i18n::relative(now, r.asked_at)))])}
                {r.vetted_until.map(|u| format!(" · {}", t_args("vetting-desk-renewal", &[("date", text(day(u - 1)))])))}
            </p>
            {r.note.clone().map(|n| view! { <p class="pre-line">"« "{n}" »"</p> })}
            <details class="report-box" open=open>
                <summary>{t_args("vetting-desk-record", &[("name", text(r.name.clone()))])}</summary>
                <PostForm action="/verifications" class="form" novalidate=true>
                    <input type="hidden" name="action" value="record"/>
                    <input type="hidden" name="user" value=r.user_id.to_string()/>
                    <FormMessage form=form.clone() echo=echo.clone()/>
                    <AgreeBox form=form.clone() name="identity_seen" label=t("vetting-identity-seen") echo=echo.clone()>
                        <p class="hint">{t("vetting-identity-hint")}</p>
                    </AgreeBox>
                    <TextField form=form.clone() name="checked_on" label=t("vetting-checked-on") echo=echo.clone()
                        kind="date" initial=today/>
                    <TextField form=form.clone() name="checked_by" label=t("vetting-checked-by") echo=echo.clone()
                        initial=my_name hint=t_args("vetting-max", &[("max", crate::i18n::n(CHECKER_MAX as f64))])/>
                    <TextField form=form.clone() name="association" label=t("vetting-association") echo=echo.clone()
                        required=false hint=t_args("vetting-association-hint", &[("max", crate::i18n::n(ASSOCIATION_MAX as f64))])/>
                    <button type="submit" class="btn">{t("vetting-record")}</button>
                </PostForm>
            </details>
        </li>
    }
}

#[component]
fn VettedItem(v: VettedHelper, echo: FormEcho) -> impl IntoView {
    let form = format!("vetting-withdraw-{}", v.user_id);
    let open = echo.form == form;
    view! {
        <li>
            <p><strong>{v.name.clone()}</strong>" "<VettedBadge/></p>
            <p class="post-meta">
                {t_args("vetting-desk-checked", &[
                    ("date", text(day(v.checked_on))),
                    ("by", text(v.checked_by.clone())),
                    ("recorder", text(v.recorded_by.clone())),
                    ("until", text(day(v.expires_at - 1))),
                ])}
                {v.association.clone().map(|a| format!(" · {a}"))}
            </p>
            <details class="report-box" open=open>
                <summary>{t_args("vetting-desk-withdraw", &[("name", text(v.name.clone()))])}</summary>
                <PostForm action="/verifications" class="form" novalidate=true>
                    <input type="hidden" name="action" value="withdraw"/>
                    <input type="hidden" name="user" value=v.user_id.to_string()/>
                    <FormMessage form=form.clone() echo=echo.clone()/>
                    <TextArea form=form.clone() name="reason" label=t("vetting-reason") hint=t("vetting-reason-hint")
                        echo=echo.clone() rows=2 maxlength=NOTE_MAX as u32/>
                    <button type="submit" class="btn btn-secondary">{t("vetting-withdraw")}</button>
                </PostForm>
            </details>
        </li>
    }
}

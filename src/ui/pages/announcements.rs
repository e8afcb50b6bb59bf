//! `/admin/annonces`: admins write a dated banner for the home page, and remove one. Plain
//! form posts (`server/forms/announcements.rs`).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::announcements::upcoming_announcements;
use crate::domain::announcement::MESSAGE_MAX;
use crate::domain::period::format_date;
use crate::i18n::{t, t_args};
use crate::ui::components::form_field::{FormMessage, TextArea, TextField};
use crate::ui::components::post_form::PostForm;
use crate::ui::components::restricted::Restricted;
use crate::ui::writes::{echo_resource, written};
use crate::wire::announcements::Announcements;
use crate::wire::forms::FormEcho;

const F: &str = "announcement";

/// The page.
#[component]
pub fn AnnouncementsPage() -> impl IntoView {
    // Read again after each banner written or removed without a reload.
    let list = Resource::new(written, |_| upcoming_announcements());
    let echo = echo_resource();
    let query = use_query_map();
    view! {
        <Title text=t("announcements-title")/>
        <div class="page narrow">
            <h1>{t("announcements-heading")}</h1>
            {move || query.read().get("fait").filter(|d| d == "publiee" || d == "retiree").map(|d| view! {
                <div class="notice" role="status"><p>{t(&format!("announcement-done-{d}"))}</p></div>
            })}
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let echo = echo.await.ok().flatten().unwrap_or_default();
                    match list.await {
                        Ok(list) => view! { <Manage list=list echo=echo/> }.into_any(),
                        Err(e) => view! { <Restricted error=e next="/admin/annonces"/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn Manage(list: Announcements, echo: FormEcho) -> impl IntoView {
    let empty = list.items.is_empty();
    view! {
        <PostForm action="/admin/annonces" class="form" novalidate=true>
            <FormMessage form=F echo=echo.clone()/>
            <TextArea form=F name="message" label=t("announcement-message") echo=echo.clone() rows=3
                maxlength=MESSAGE_MAX as u32 hint=t("announcement-message-hint")/>
            <TextField form=F name="from" label=t("announcement-from") echo=echo.clone() kind="date"/>
            <TextField form=F name="to" label=t("announcement-to") echo=echo.clone() kind="date"/>
            <button type="submit" class="btn">{t("announcement-publish")}</button>
        </PostForm>
        <h2>{t("announcements-upcoming")}</h2>
        {empty.then(|| view! { <p>{t("announcements-none")}</p> })}
        <ul class="people-posts">
            {list.items.into_iter().map(|a| view! {
                <li>
                    <p class="announcement">{a.message.clone()}</p>
                    <p class="post-meta">
                        {t_args("announcement-dates", &[
                            ("from", crate::i18n::s(format_date(a.starts_at))),
                            ("to", crate::i18n::s(format_date(a.ends_at - 1))),
                        ])}
                    </p>
                    <PostForm action="/admin/annonces">
                        <input type="hidden" name="action" value="delete"/>
                        <input type="hidden" name="id" value=a.id.to_string()/>
                        <button type="submit" class="btn btn-small btn-secondary">{t("announcement-delete")}</button>
                    </PostForm>
                </li>
            }).collect_view()}
        </ul>
    }
}

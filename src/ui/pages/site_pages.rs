//! The site's own pages. `/pages/:slug` (anyone): « Comment ça marche », the charter, legal
//! notice, personal data, accessibility — Markdown written by staff, rendered and sanitized by
//! the server. `/admin/pages` and `/admin/pages/:slug` (editors and admins): the editor, a
//! preview, the history; editors save drafts, admins publish. Plain form posts
//! (`server/forms/pages.rs`).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::forms::read_form_echo;
use crate::api::pages::{get_page_editor, get_site_page};
use crate::domain::site_page::{SitePage, BODY_MAX};
use crate::error::AppError;
use crate::i18n::{absolute, label, t, t_args};
use crate::ui::components::form_field::{AgreeBox, FormMessage, TextArea, TextField};
use crate::ui::components::post_form::PostForm;
use crate::ui::components::restricted::Restricted;
use crate::ui::pages::not_found::NotFoundPage;
use crate::ui::writes::{echo_resource, written};
use crate::wire::forms::FormEcho;
use crate::wire::pages::PageEditor;

const F: &str = "page";

fn slug() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("slug").unwrap_or_default())
}

/// A page of the site.
#[component]
pub fn SitePageView() -> impl IntoView {
    let slug = slug();
    let page = Resource::new(move || slug.get(), get_site_page);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(p) => view! {
                        <Title text=format!("{} — Entraide", p.title)/>
                        <article class="page narrow prose" aria-labelledby="page-title">
                            <h1 id="page-title">{p.title.clone()}</h1>
                            <div inner_html=p.html.clone()></div>
                            {p.published_at.map(|at| view! {
                                <p class="hint">{t_args("page-updated", &[("date", crate::i18n::s(absolute(at)))])}</p>
                            })}
                        </article>
                    }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFoundPage/> }.into_any(),
                    Err(e) => view! { <div class="page narrow"><Restricted error=e next="/"/></div> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A new version of the charter, accepted before going on (after logging in).
#[component]
pub fn CharterAcceptPage() -> impl IntoView {
    let page = Resource::new(|| (), |_| get_site_page(SitePage::Charter.slug().to_owned()));
    let echo = Resource::new(|| (), |_| read_form_echo());
    let next = use_query_map().read_untracked().get("next").unwrap_or_else(|| "/".to_owned());
    view! {
        <Title text=t("charter-accept-title")/>
        <div class="page narrow prose">
            <Suspense fallback=|| ()>
                {move || {
                    let next = next.clone();
                    Suspend::new(async move {
                        let echo = echo.await.ok().flatten().unwrap_or_default();
                        let next = match echo.value("charter", "next") {
                            kept if !kept.is_empty() => kept,
                            _ => next,
                        };
                        match page.await {
                            Ok(p) => view! {
                                <h1>{t("charter-accept-heading")}</h1>
                                <p class="notice-plain">{t("charter-accept-intro")}</p>
                                <h2>{p.title.clone()}</h2>
                                <div inner_html=p.html.clone()></div>
                                <form method="post" action="/charte/accepter" class="form" novalidate>
                                    <FormMessage form="charter" echo=echo.clone()/>
                                    <input type="hidden" name="next" value=next/>
                                    <AgreeBox form="charter" name="charter" label=t("sign-up-charter") echo=echo.clone()/>
                                    <button type="submit" class="btn">{t("charter-accept-submit")}</button>
                                </form>
                            }.into_any(),
                            Err(e) => view! { <Restricted error=e next="/charte/accepter"/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}

/// The list of the site's pages, for their editors.
#[component]
pub fn PagesAdminPage() -> impl IntoView {
    // Reading one page's editor tells whether this person may write (and logs them in first).
    let allowed = Resource::new(|| (), |_| get_page_editor(SitePage::HowItWorks.slug().to_owned()));
    view! {
        <Title text=t("pages-admin-title")/>
        <div class="page narrow">
            <h1>{t("pages-admin-heading")}</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match allowed.await {
                        Ok(_) => view! {
                            <p>{t("pages-admin-intro")}</p>
                            <ul class="people-posts">
                                {SitePage::ALL.into_iter().map(|p| view! {
                                    <li>
                                        <a href=format!("/admin/pages/{}", p.slug())>{label("page", p.slug())}</a>
                                        " · " <a href=p.href()>{t("pages-admin-see")}</a>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(e) => view! { <Restricted error=e next="/admin/pages"/> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// The editor of one page.
#[component]
pub fn PageEditorPage() -> impl IntoView {
    let slug = slug();
    // Read again after a draft saved or published without a reload.
    let editor = Resource::new(move || (slug.get(), written()), |(slug, _)| get_page_editor(slug));
    let echo = echo_resource();
    let query = use_query_map();
    view! {
        <Title text=t("pages-admin-title")/>
        <div class="page narrow">
            {move || query.read().get("fait").filter(|d| d == "enregistree" || d == "publiee").map(|d| view! {
                <div class="notice" role="status"><p>{t(&format!("page-done-{d}"))}</p></div>
            })}
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let echo = echo.await.ok().flatten().unwrap_or_default();
                    match editor.await {
                        Ok(e) => view! { <Editor e=e echo=echo/> }.into_any(),
                        Err(AppError::NotFound) => view! { <NotFoundPage/> }.into_any(),
                        Err(e) => view! { <h1>{t("pages-admin-heading")}</h1><Restricted error=e next="/admin/pages"/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn Editor(e: PageEditor, echo: FormEcho) -> impl IntoView {
    let page = e.current.page;
    let action = format!("/admin/pages/{}", page.slug());
    let publish_action = action.clone();
    let status = match (e.draft, e.current.published_at) {
        (Some(_), _) => t("page-status-draft"),
        (None, Some(at)) => t_args("page-updated", &[("date", crate::i18n::s(absolute(at)))]),
        (None, None) => t("page-status-shipped"),
    };
    view! {
        <h1>{label("page", page.slug())}</h1>
        <p class="console-links">
            <a href="/admin/pages">{t("pages-admin-heading")}</a>
            <a href=page.href()>{t("pages-admin-see")}</a>
        </p>
        <p class="notice-plain">{status}</p>
        <PostForm action=action class="form" novalidate=true keep_fields=true>
            <FormMessage form=F echo=echo.clone()/>
            <TextField form=F name="title" label=t("page-title") echo=echo.clone() initial=e.title.clone()/>
            <TextArea form=F name="body" label=t("page-body") echo=echo.clone() rows=18 maxlength=BODY_MAX as u32
                hint=t("page-body-hint") initial=e.body.clone()/>
            <button type="submit" class="btn">{t("page-save")}</button>
        </PostForm>
        {match (e.draft, e.can_publish) {
            (Some(id), true) => view! {
                <PostForm action=publish_action class="row-actions">
                    <input type="hidden" name="action" value="publish"/>
                    <input type="hidden" name="id" value=id.to_string()/>
                    <button type="submit" class="btn">{t("page-publish")}</button>
                </PostForm>
            }.into_any(),
            (Some(_), false) => view! { <p class="hint">{t("page-publish-by-admin")}</p> }.into_any(),
            _ => ().into_any(),
        }}
        <section aria-labelledby="apercu" class="prose preview">
            <h2 id="apercu">{t("page-preview")}</h2>
            <div inner_html=e.preview.clone()></div>
        </section>
        <section aria-labelledby="historique">
            <h2 id="historique">{t("page-history")}</h2>
            {e.revisions.is_empty().then(|| view! { <p>{t("page-history-none")}</p> })}
            <ul class="people-posts">
                {e.revisions.into_iter().map(|r| {
                    let published = r.published_at.map(|at| t_args("page-history-published", &[
                        ("date", crate::i18n::s(absolute(at))),
                        ("name", crate::i18n::s(r.publisher.clone().unwrap_or_default())),
                    ]));
                    view! {
                        <li>
                            {t_args("page-history-saved", &[
                                ("date", crate::i18n::s(absolute(r.created_at))),
                                ("name", crate::i18n::s(r.author.clone())),
                            ])}
                            " — « "{r.title.clone()}" »"
                            {published.map(|p| view! { " — "<strong>{p}</strong> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

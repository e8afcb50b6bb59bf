//! `/moderation/annonces/:id`: one post as staff see it, whatever its status, with every
//! decision and report.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::parts::{History, Reports, StaffPostDetails};
use crate::api::moderation::post_history;
use crate::error::AppError;
use crate::i18n::{s as text, t, t_args};
use crate::ui::components::restricted::Restricted;
use crate::ui::pages::not_found::NotFoundPage;
use crate::wire::moderation::StaffPost;

/// A post's history.
#[component]
pub fn PostHistoryPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok());
    let post = Resource::new(id, |id| async move {
        match id {
            Some(id) => post_history(id).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match post.await {
                    Ok(p) => view! { <HistoryView post=p/> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFoundPage/> }.into_any(),
                    Err(e) => view! { <div class="page"><Restricted error=e next="/moderation"/></div> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn HistoryView(post: StaffPost) -> impl IntoView {
    let title = t_args("history-title", &[("title", text(post.title.clone()))]);
    let public = post.status.is_public() && !post.hidden;
    let empty = post.history.is_empty();
    view! {
        <Title text=title/>
        <article class="page staff-page">
            <p class="back"><a href="/moderation">{format!("← {}", t("history-back"))}</a></p>
            <h1>{post.title.clone()}</h1>
            <StaffPostDetails post=post.clone()/>
            {public.then(|| view! { <p><a href=format!("/posts/{}", post.id)>{t("history-public")}</a></p> })}
            <Reports reports=post.reports.clone()/>
            {empty.then(|| view! { <p>{t("history-empty")}</p> })}
            <History post=post/>
        </article>
    }
}

//! `/posts/:id/affichette`: the printed notice of a public post (« Imprimer une affichette »,
//! #18 §3), for the bakery's window or the town hall's board. An A4 page in large type: what is
//! needed or offered, where (the commune only), a QR code to the post's page drawn by the
//! server, and strips to tear off with its short address. Printing hides the site around it.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::posts::get_notice;
use crate::error::AppError;
use crate::i18n::{label, s as text, t, t_args};
use crate::ui::components::error_box::ErrorBox;
use crate::ui::pages::not_found::NotFoundPage;
use crate::ui::state::hydrated;
use crate::wire::posts::Notice;

/// How many strips to tear off.
const STRIPS: usize = 8;

/// The page.
#[component]
pub fn NoticePage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok());
    let notice = Resource::new(id, |id| async move {
        match id {
            Some(id) => get_notice(id).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match notice.await {
                    Ok(n) => view! { <Sheet n=n/> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFoundPage/> }.into_any(),
                    Err(e) => view! { <ErrorBox error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Sheet(n: Notice) -> impl IntoView {
    let s = n.summary;
    let id = s.id;
    let hydrated = hydrated();
    let qr_alt = t_args("notice-qr-alt", &[("address", text(n.address.clone()))]);
    view! {
        <Title text=t_args("notice-title", &[("title", text(s.title.clone()))])/>
        <div class="notice-screen no-print">
            <p class="back"><a href=format!("/posts/{id}")>{t("notice-back")}</a></p>
            <p>{t("notice-how")}</p>
            <Show when=move || hydrated.get()>
                <button type="button" class="btn" on:click=|_| print()>{t("notice-print")}</button>
            </Show>
        </div>
        <article class="notice-sheet" aria-labelledby="affichette-titre">
            <p class="notice-brand"><span aria-hidden="true">"🤝 "</span>{t("notice-brand")}</p>
            <p class="notice-kind">
                {label("kind", s.kind.slug())}" · "
                <span aria-hidden="true">{s.category.icon()}" "</span>{label("category", s.category.slug())}" · "
                {s.commune.clone()}
            </p>
            <h1 id="affichette-titre" class="notice-title">{s.title.clone()}</h1>
            <p class="notice-text">{n.excerpt.clone()}</p>
            <div class="notice-answer">
                <img class="notice-qr" src=format!("/posts/{id}/qr.svg") alt=qr_alt width="240" height="240"/>
                <div>
                    <p class="notice-answer-how">{t(&format!("notice-answer-{}", s.kind.slug()))}</p>
                    <p class="notice-address">{n.address.clone()}</p>
                    <p class="notice-help">{t("notice-no-internet")}</p>
                </div>
            </div>
            <ul class="notice-strips" aria-label=t("notice-strips")>
                {(0..STRIPS).map(|_| view! {
                    <li><span class="notice-strip-title">{s.title.clone()}</span><span>{n.address.clone()}</span></li>
                }).collect_view()}
            </ul>
        </article>
    }
}

/// The browser's print dialog (also the building's notice).
pub(crate) fn print() {
    #[cfg(feature = "hydrate")]
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

//! `/mes-annonces/:id/modifier`: change one of my posts. A post that was public goes back to
//! validation.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::forms::{read_form_echo, FormEcho};
use crate::api::posts::{get_editable_post, list_communes};
use crate::error::AppError;
use crate::ui::components::http_status::set_http_status;
use crate::ui::pages::not_found::NotFoundPage;
use crate::ui::pages::publish::{PostEditor, F};

/// The edit page.
#[component]
pub fn EditPostPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
    let post = Resource::new(id, get_editable_post);
    let echo = Resource::new(|| (), |_| read_form_echo());
    let communes = Resource::new(|| (), |_| list_communes());
    view! {
        <Title text="Modifier mon annonce — Entraide Haut-Rhin"/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let echo = echo.await.ok().flatten();
                let communes = communes.await.unwrap_or_default();
                match post.await {
                    Ok(form) => {
                        // After a mistake, show what was typed; otherwise the post as it stands.
                        let echo = echo.filter(|e| e.form == F).unwrap_or_else(|| FormEcho {
                            form: F.into(),
                            values: [
                                ("kind", form.kind), ("category", form.category), ("title", form.title),
                                ("description", form.description), ("commune", form.commune),
                                ("private_note", form.private_note),
                            ]
                                .into_iter()
                                .map(|(k, v)| (k.to_owned(), v))
                                .collect(),
                            ..Default::default()
                        });
                        view! {
                            <div class="page narrow">
                                <p class="back"><a href="/mes-annonces">"← Mes annonces"</a></p>
                                <h1>"Modifier mon annonce"</h1>
                                <p class="notice-plain">
                                    "Après modification, l'annonce est relue à nouveau par l'équipe du Département avant d'être publiée."
                                </p>
                                <PostEditor echo=echo communes=communes action=format!("/mes-annonces/{}/modifier", id())
                                    submit="Enregistrer les modifications" new=false/>
                            </div>
                        }
                            .into_any()
                    }
                    Err(AppError::Unauthenticated) => {
                        set_http_status(401);
                        view! {
                            <div class="page narrow">
                                <p>"Connectez-vous pour modifier vos annonces."</p>
                                <p><a class="btn" href="/connexion?next=/mes-annonces">"Se connecter"</a></p>
                            </div>
                        }
                            .into_any()
                    }
                    Err(_) => view! { <NotFoundPage/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

//! `/mes-annonces/:id/modifier`: change one of my posts. A post that was public goes back to
//! validation.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::posts::{get_editable_post, list_communes};
use crate::error::AppError;
use crate::i18n::t;
use crate::ui::components::http_status::set_http_status;
use crate::ui::pages::not_found::NotFoundPage;
use crate::ui::pages::publish::{PostEditor, F};
use crate::ui::writes::echo_resource;
use crate::wire::forms::FormEcho;

/// The edit page.
#[component]
pub fn EditPostPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
    let post = Resource::new(id, get_editable_post);
    let echo = echo_resource();
    let communes = Resource::new(|| (), |_| list_communes());
    view! {
        <Title text=t("edit-title")/>
        <Transition fallback=|| ()>
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
                                ("private_note", form.private_note), ("for_relative", form.for_relative),
                                ("relative_consent", form.relative_consent),
                            ]
                                .into_iter()
                                .map(|(k, v)| (k.to_owned(), v))
                                .chain(form.schedule.to_fields())
                                .collect(),
                            ..Default::default()
                        });
                        view! {
                            <div class="page narrow">
                                <p class="back"><a href="/mes-annonces">{format!("← {}", t("nav-my-posts"))}</a></p>
                                <h1>{t("edit-heading")}</h1>
                                <p class="notice-plain">
                                    {t("edit-intro")}
                                </p>
                                <PostEditor echo=echo communes=communes action=format!("/mes-annonces/{}/modifier", id())
                                    submit=t("edit-submit") new=false/>
                            </div>
                        }
                            .into_any()
                    }
                    Err(AppError::Unauthenticated) => {
                        set_http_status(401);
                        view! {
                            <div class="page narrow">
                                <p>{t("edit-log-in")}</p>
                                <p><a class="btn" href="/connexion?next=/mes-annonces">{t("nav-log-in")}</a></p>
                            </div>
                        }
                            .into_any()
                    }
                    Err(_) => view! { <NotFoundPage/> }.into_any(),
                }
            })}
        </Transition>
    }
}

//! `/connexion`: log in. A plain form post (see `server/forms.rs`).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::forms::read_form_echo;
use crate::i18n::t;
use crate::ui::components::form_field::{FormMessage, TextField};

/// The log-in page. `?next=/path` says where to go afterwards.
#[component]
pub fn LogInPage() -> impl IntoView {
    const F: &str = "log_in";
    let echo = Resource::new(|| (), |_| read_form_echo());
    let query = use_query_map();
    // Someone sent here by a link keeps it when they create an account instead.
    let sign_up = match query.read_untracked().get("next").filter(|n| n.starts_with("/proche/")) {
        Some(next) => format!("/inscription?next={}", crate::domain::local_path::encode_query_value(&next)),
        None => "/inscription".to_owned(),
    };
    view! {
        <Title text=t("log-in-title")/>
        <div class="page narrow">
            <h1>{t("nav-log-in")}</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let echo = echo.await.ok().flatten().unwrap_or_default();
                    let next = Some(echo.value(F, "next")).filter(|n| !n.is_empty())
                        .or_else(|| query.read_untracked().get("next"))
                        .unwrap_or_default();
                    view! {
                        <form method="post" action="/connexion" class="form" novalidate>
                            <FormMessage form=F echo=echo.clone()/>
                            <input type="hidden" name="next" value=next/>
                            <TextField form=F name="email" label=t("field-email") kind="email" echo=echo.clone()
                                autocomplete="email"/>
                            <TextField form=F name="password" label=t("field-password") kind="password" echo=echo.clone()
                                autocomplete="current-password"/>
                            <button type="submit" class="btn">{t("nav-log-in")}</button>
                        </form>
                        <p><a href="/mot-de-passe-oublie">{t("log-in-forgot")}</a></p>
                    }
                })}
            </Suspense>
            <p>{t("log-in-no-account")}" " <a href=sign_up>{t("sign-up-heading")}</a></p>
        </div>
    }
}

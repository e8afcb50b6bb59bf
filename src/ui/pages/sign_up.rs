//! `/inscription`: create an account. A plain form post (see `server/forms.rs`).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::forms::read_form_echo;
use crate::domain::user::{DisplayName, Email, Password};
use crate::domain::PosterKind;
use crate::i18n::{label, t};
use crate::ui::components::form_field::{AgreeBox, FormMessage, TextField};
use crate::wire::forms::FormEcho;

/// The sign-up page. `?next=/path` says where to go once the account is made.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let echo = Resource::new(|| (), |_| read_form_echo());
    let next = use_query_map().read_untracked().get("next").unwrap_or_default();
    let log_in = if next.is_empty() {
        "/connexion".to_owned()
    } else {
        format!("/connexion?next={}", crate::domain::local_path::encode_query_value(&next))
    };
    view! {
        <Title text=t("sign-up-title")/>
        <div class="page narrow">
            <h1>{t("sign-up-heading")}</h1>
            <p>{t("sign-up-intro")}</p>
            <Suspense fallback=|| ()>
                {move || {
                    let next = next.clone();
                    Suspend::new(async move {
                    let echo = echo.await.ok().flatten().unwrap_or_default();
                    let next = Some(echo.value("sign_up", "next")).filter(|n| !n.is_empty()).unwrap_or(next);
                    view! { <SignUpForm echo=echo next=next/> }
                })}}
            </Suspense>
            <p>{t("sign-up-have-account")}" " <a href=log_in>{t("nav-log-in")}</a></p>
        </div>
    }
}

#[component]
fn SignUpForm(echo: FormEcho, next: String) -> impl IntoView {
    const F: &str = "sign_up";
    // The same checks as the server's, run as soon as a field is left.
    let name_check = Callback::new(|v: String| DisplayName::parse(&v).err());
    let email_check = Callback::new(|v: String| Email::parse(&v).err());
    let password_check = Callback::new(|v: String| Password::parse_new(&v, &[]).err());
    let chosen = echo.value(F, "poster_kind");
    let kind_error = echo.error(F, "poster_kind");
    let kind_invalid = kind_error.is_some();
    view! {
        <form method="post" action="/inscription" class="form" novalidate>
            <FormMessage form=F echo=echo.clone()/>
            {(!next.is_empty()).then(|| view! { <input type="hidden" name="next" value=next/> })}
            <TextField form=F name="display_name" label=t("sign-up-name") echo=echo.clone()
                autocomplete="nickname" hint=t("sign-up-name-hint") check=name_check/>
            <TextField form=F name="email" label=t("field-email") kind="email" echo=echo.clone() autocomplete="email"
                check=email_check/>
            <fieldset class="field" class:field-invalid=kind_invalid>
                <legend>{t("sign-up-you-are")}</legend>
                {kind_error.map(|e| view! { <p class="field-error" id="sign_up-poster_kind-error">{e}</p> })}
                {PosterKind::ALL
                    .into_iter()
                    .map(|k| {
                        let checked = chosen == k.slug() || (chosen.is_empty() && k == PosterKind::Individual);
                        view! {
                            <label class="choice">
                                <input type="radio" name="poster_kind" value=k.slug() checked=checked/>
                                {label("poster", k.slug())}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <TextField form=F name="organisation" label=t("sign-up-organisation") echo=echo.clone()
                autocomplete="organization" required=false
                hint=t("sign-up-organisation-hint")/>
            <TextField form=F name="password" label=t("field-password") kind="password" echo=echo.clone()
                autocomplete="new-password" check=password_check
                hint=t("sign-up-password-hint")/>
            <AgreeBox form=F name="charter" label=t("sign-up-charter") echo=echo.clone()>
                <p class="hint"><a href="/pages/charte">{t("sign-up-charter-read")}</a></p>
            </AgreeBox>
            <button type="submit" class="btn">{t("sign-up-submit")}</button>
        </form>
    }
}

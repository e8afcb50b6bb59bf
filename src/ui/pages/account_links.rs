//! The pages of the account links: `/mot-de-passe-oublie`, `/mot-de-passe/:token` (a new
//! password), `/verifier/:token` (confirm an address) and `/adresse-confirmee`. Plain forms
//! posted to their own address (`server/forms/account_links.rs`).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::auth::{reset_link_works, verification_address};
use crate::api::forms::read_form_echo;
use crate::i18n::{s as text, t, t_args};
use crate::ui::components::form_field::{FormMessage, TextField};
use crate::ui::components::http_status::set_http_status;

/// "Mot de passe oublié": an address, and the same answer whoever it belongs to.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    const F: &str = "forgot";
    let echo = Resource::new(|| (), |_| read_form_echo());
    view! {
        <Title text=t("forgot-title")/>
        <div class="page narrow">
            <h1>{t("forgot-heading")}</h1>
            <p>{t("forgot-text")}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let echo = echo.await.ok().flatten().unwrap_or_default();
                    view! {
                        <form method="post" action="/mot-de-passe-oublie" class="form" novalidate>
                            <FormMessage form=F echo=echo.clone()/>
                            <TextField form=F name="email" label=t("field-email") kind="email" echo=echo.clone()
                                autocomplete="email"/>
                            <button type="submit" class="btn">{t("forgot-submit")}</button>
                        </form>
                    }
                })}
            </Suspense>
            <p>{t("forgot-phone")}</p>
            <p><a href="/connexion">{t("forgot-back")}</a></p>
        </div>
    }
}

/// A link that no longer works: what to do instead.
fn link_gone(again_href: &'static str, again: String) -> impl IntoView {
    set_http_status(404);
    view! {
        <div class="notice notice-warning" role="alert"><p>{t("link-invalid")}</p></div>
        <p><a class="btn" href=again_href>{again}</a></p>
    }
}

/// A new password through a reset link.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    const F: &str = "reset";
    let token = move || use_params_map().read_untracked().get("token").unwrap_or_default();
    let works = Resource::new(token, reset_link_works);
    let echo = Resource::new(|| (), |_| read_form_echo());
    view! {
        <Title text=t("reset-title")/>
        <div class="page narrow">
            <h1>{t("reset-heading")}</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let echo = echo.await.ok().flatten().unwrap_or_default();
                    // A page showing the form's own mistakes keeps the form (the link may have
                    // been used up by this very post: its error says so).
                    if !works.await.unwrap_or(false) && echo.form != F {
                        return link_gone("/mot-de-passe-oublie", t("reset-ask-again")).into_any();
                    }
                    view! {
                        <form method="post" action=format!("/mot-de-passe/{}", token()) class="form" novalidate>
                            <FormMessage form=F echo=echo.clone()/>
                            <TextField form=F name="new_password" label=t("account-new-password") kind="password"
                                echo=echo.clone() autocomplete="new-password" hint=t("account-new-password-hint")/>
                            <p class="hint">{t("reset-sessions")}</p>
                            <button type="submit" class="btn">{t("reset-submit")}</button>
                        </form>
                    }
                        .into_any()
                })}
            </Suspense>
        </div>
    }
}

/// Confirms the address a verification link was sent to (a button: opening a link changes nothing).
#[component]
pub fn VerifyPage() -> impl IntoView {
    let token = move || use_params_map().read_untracked().get("token").unwrap_or_default();
    let address = Resource::new(token, verification_address);
    let echo = Resource::new(|| (), |_| read_form_echo());
    view! {
        <Title text=t("verify-title")/>
        <div class="page narrow">
            <h1>{t("verify-heading")}</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let echo = echo.await.ok().flatten().unwrap_or_default();
                    let Some(email) = address.await.ok().flatten() else {
                        return view! {
                            <FormMessage form="verify" echo=echo.clone()/>
                            {link_gone("/compte", t("verify-ask-again"))}
                        }
                            .into_any();
                    };
                    view! {
                        <form method="post" action=format!("/verifier/{}", token()) class="form">
                            <FormMessage form="verify" echo=echo.clone()/>
                            <p>{t_args("verify-text", &[("email", text(email))])}</p>
                            <button type="submit" class="btn">{t("verify-submit")}</button>
                        </form>
                    }
                        .into_any()
                })}
            </Suspense>
        </div>
    }
}

/// Where a confirmed address lands.
#[component]
pub fn AddressConfirmedPage() -> impl IntoView {
    let new = use_query_map().read_untracked().get("nouvelle").is_some();
    view! {
        <Title text=t("confirmed-title")/>
        <div class="page narrow">
            <h1>{t("confirmed-heading")}</h1>
            <div class="notice" role="status">
                <p>{if new { t("confirmed-new-address") } else { t("confirmed-text") }}</p>
            </div>
            <p class="actions">
                <a class="btn" href="/publier">{t("confirmed-publish")}</a>
                <a class="btn btn-secondary" href="/compte">{t("account-heading")}</a>
            </p>
        </div>
    }
}

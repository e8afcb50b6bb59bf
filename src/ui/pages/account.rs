//! `/compte`: "Mon compte" — who I am, confirm my address, change my name, address or password,
//! log out here or everywhere.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::domain::user::CurrentUser;
use crate::i18n::{label, t};
use crate::ui::components::error_box::ErrorBox;
use crate::ui::components::form_field::{FormMessage, TextField};
use crate::ui::components::http_status::set_http_status;
use crate::ui::components::post_form::PostForm;
use crate::ui::state::use_current_user;
use crate::ui::writes::{echo_resource, written};
use crate::wire::forms::FormEcho;

/// The account page; asks to log in first when nobody is.
#[component]
pub fn AccountPage() -> impl IntoView {
    let echo = echo_resource();
    let user = use_current_user();
    // After a change made without a reload, the account is read again (the header's name too).
    Effect::new(move |before: Option<u64>| {
        let now = written();
        if let (Some(b), Some(user)) = (before, user) {
            if b != now {
                user.refetch();
            }
        }
        now
    });
    let query = use_query_map();
    let welcome = query.read_untracked().get("bienvenue").is_some();
    let new_password = query.read_untracked().get("mot-de-passe").is_some();
    view! {
        <Title text=t("account-title")/>
        <div class="page narrow">
            <h1>{t("account-heading")}</h1>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let echo = echo.await.ok().flatten().unwrap_or_default();
                    let me = match user {
                        Some(u) => u.await,
                        None => Ok(None),
                    };
                    match me {
                        // The account could not be read: said with its reference, not as a
                        // request to log in.
                        Err(e) => view! { <ErrorBox error=e/> }.into_any(),
                        Ok(Some(me)) => view! { <Account me=me echo=echo welcome=welcome new_password=new_password/> }.into_any(),
                        Ok(None) => {
                            set_http_status(401);
                            view! {
                                <p>{t("account-log-in")}</p>
                                <p><a class="btn" href="/connexion?next=/compte">{t("nav-log-in")}</a></p>
                            }
                                .into_any()
                        }
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn Account(me: CurrentUser, echo: FormEcho, welcome: bool, new_password: bool) -> impl IntoView {
    // Prefill the name with the stored one unless the person just typed another.
    let mut name_echo = echo.clone();
    if name_echo.form != "profile" || name_echo.notice.is_some() {
        name_echo = FormEcho { form: "profile".into(), ..echo.clone() };
        name_echo.values.insert("display_name".into(), me.display_name.clone());
    }
    // Each form's own copy (its fields are built when it is).
    let (verify_echo, profile_echo, password_echo) = (echo.clone(), echo.clone(), echo.clone());
    let (email_echo, emails_echo) = (echo.clone(), echo.clone());
    view! {
        {welcome.then(|| view! {
            <div class="notice" role="status"><p>{t("account-welcome")}</p></div>
        })}
        {new_password.then(|| view! {
            <div class="notice" role="status"><p>{t("account-password-reset")}</p></div>
        })}
        {(!me.email_verified).then(|| view! {
            <section class="notice notice-warning" aria-labelledby="confirmer-titre">
                <h2 id="confirmer-titre">{t("account-verify-heading")}</h2>
                <p>{t("account-verify-text")}</p>
                <PostForm action="/compte" keep_scroll=true>
                    <input type="hidden" name="form" value="verify"/>
                    <FormMessage form="verify" echo=verify_echo/>
                    <button type="submit" class="btn btn-secondary">{t("account-verify-resend")}</button>
                </PostForm>
            </section>
        })}
        <dl class="facts">
            <dt>{t("account-name")}</dt><dd>{me.display_name.clone()}</dd>
            <dt>{t("field-email")}</dt><dd>{me.email.clone()}</dd>
            <dt>{t("sign-up-you-are")}</dt>
            <dd>{label("poster", me.poster_kind.slug())}{me.organisation.clone().map(|o| format!(" — {o}"))}</dd>
        </dl>
        <h2>{t("account-change-name")}</h2>
        <PostForm action="/compte" class="form" novalidate=true keep_scroll=true>
            <input type="hidden" name="form" value="profile"/>
            <FormMessage form="profile" echo=profile_echo.clone()/>
            <TextField form="profile" name="display_name" label=t("account-display-name") echo=name_echo autocomplete="nickname"/>
            <button type="submit" class="btn">{t("account-save-name")}</button>
        </PostForm>
        <h2>{t("account-change-password")}</h2>
        <PostForm action="/compte" class="form" novalidate=true keep_scroll=true>
            <input type="hidden" name="form" value="password"/>
            <FormMessage form="password" echo=password_echo.clone()/>
            <TextField form="password" name="current_password" label=t("account-current-password") kind="password"
                echo=password_echo.clone() autocomplete="current-password"/>
            <TextField form="password" name="new_password" label=t("account-new-password") kind="password"
                echo=password_echo.clone() autocomplete="new-password" hint=t("account-new-password-hint")/>
            <button type="submit" class="btn">{t("account-save-password")}</button>
        </PostForm>
        <h2 id="adresse">{t("account-change-email")}</h2>
        <PostForm action="/compte#adresse" class="form" novalidate=true keep_scroll=true>
            <input type="hidden" name="form" value="email"/>
            <FormMessage form="email" echo=email_echo.clone()/>
            <TextField form="email" name="new_email" label=t("account-new-email") kind="email" echo=email_echo.clone()
                autocomplete="email" hint=t("account-new-email-hint")/>
            <TextField form="email" name="email_password" label=t("account-email-password") kind="password"
                echo=email_echo.clone() autocomplete="current-password"/>
            <button type="submit" class="btn">{t("account-save-email")}</button>
        </PostForm>
        <h2>{t("vetting-heading")}</h2>
        <p>{t("account-vetting-text")}</p>
        <p><a class="btn btn-secondary" href="/compte/verification">{t("account-vetting-link")}</a></p>
        <h2>{t("account-emails")}</h2>
        <PostForm action="/compte" class="form" keep_scroll=true>
            <input type="hidden" name="form" value="emails"/>
            <FormMessage form="emails" echo=emails_echo.clone()/>
            <label class="choice">
                <input type="checkbox" name="email_notifications" checked=me.email_notifications/>
                {t("account-emails-choice")}
            </label>
            <button type="submit" class="btn btn-secondary">{t("account-emails-save")}</button>
        </PostForm>
        <h2>{t("account-log-out")}</h2>
        <form method="post" action="/deconnexion">
            <button type="submit" class="btn btn-secondary">{t("account-log-out")}</button>
        </form>
        <form method="post" action="/compte" class="form">
            <input type="hidden" name="form" value="everywhere"/>
            <p class="hint">{t("account-everywhere-text")}</p>
            <button type="submit" class="btn btn-secondary">{t("account-everywhere")}</button>
        </form>
        <h2>{t("account-data")}</h2>
        <p>{t("account-data-text")}</p>
        <p><a class="btn btn-secondary" href="/compte/mes-donnees.json" download="mes-donnees-entraide.json" rel="external">
            {t("account-data-download")}
        </a></p>
        <h2 id="supprimer">{t("account-delete")}</h2>
        // The fragment brings the person back to this form when it shows a mistake.
        <form method="post" action="/compte/supprimer#supprimer" class="form danger-zone" novalidate>
            <FormMessage form="delete" echo=echo.clone()/>
            <p>{t("account-delete-text")}</p>
            <TextField form="delete" name="password" label=t("account-delete-password") kind="password"
                echo=echo.clone() autocomplete="current-password"/>
            <button type="submit" class="btn btn-danger">{t("account-delete-submit")}</button>
        </form>
    }
}

/// `/compte-supprime`: where a person lands after erasing their account.
#[component]
pub fn AccountDeletedPage() -> impl IntoView {
    view! {
        <Title text=t("deleted-title")/>
        <div class="page narrow">
            <h1>{t("deleted-heading")}</h1>
            <p>{t("deleted-text")}</p>
            <p><a class="btn" href="/">{t("deleted-home")}</a></p>
        </div>
    }
}

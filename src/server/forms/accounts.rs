//! The account forms: signing up, logging in and out, the profile and password forms of
//! "Mon compte". Passwords are never sent back.

use axum::extract::{Form, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

use super::kit::{
    client_key, echo, forget_device, get, logged_in, plain, rerender, safe_next, status_of, with_retry_after, Fields,
};
use crate::domain::user::{DisplayName, SignUpForm};
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::server::locale::locale_of;
use crate::server::state::AppState;
use crate::server::{auth, services};
use crate::wire::forms::{field_errors, FormEcho};

/// `POST /inscription`
pub async fn sign_up(State(state): State<AppState>, session: Session, parts: Parts, Form(f): Form<Fields>) -> Response {
    let form = SignUpForm {
        email: get(&f, "email"),
        display_name: get(&f, "display_name"),
        poster_kind: get(&f, "poster_kind"),
        organisation: get(&f, "organisation"),
        password: get(&f, "password"),
    };
    let keep = ["email", "display_name", "poster_kind", "organisation", "charter", "next"];
    let charter = get(&f, "charter") == "on";
    let now = services::now();
    let ip_key = client_key(&state, &parts);
    let sign_ups = &state.login_throttle.sign_ups_by_ip;
    // Counted before the work, so that sign-ups sent at once cannot all pass; handed back if
    // no account was made.
    let result = match sign_ups.take(&state.db, &ip_key, now).await {
        Err(AppError::TooManyRequests { retry_after }) => {
            let minutes = i64::try_from(retry_after.div_ceil(60)).unwrap_or(i64::MAX);
            Err(AppError::Validation(FieldErrors::single("form", Msg::new("sign-up-too-many").num("minutes", minutes))))
        }
        Err(e) => Err(e),
        Ok(taken) => {
            let made = async {
                // Every mistake at once: the fields', and the charter not accepted.
                let account = match (form.parse(), charter) {
                    (Ok(account), true) => account,
                    (parsed, _) => {
                        let mut errors = parsed.err().unwrap_or_default();
                        if !charter {
                            errors.push("charter", Msg::new("sign-up-charter-missing"));
                        }
                        return Err(AppError::Validation(errors));
                    }
                };
                services::accounts::sign_up(&state.db, account, now).await
            }
            .await;
            if made.is_err() {
                sign_ups.give_back(&state.db, taken).await;
            }
            match made {
                Ok(user) => {
                    async {
                        services::accounts::record_log_in(&state.db, &user, locale_of(&parts.headers).lang, now)
                            .await?;
                        services::pages::accept_charter(&state.db, user.id, now).await?;
                        // A link goes to the address; until it is opened, publishing and answering wait.
                        services::account_links::start_verification(&state.db, &user, now).await?;
                        auth::log_in(&session, &user, now).await
                    }
                    .await
                }
                Err(e) => Err(e),
            }
        }
    };
    match result {
        // Someone who came by a link (an invitation to follow a post) goes back to it.
        Ok(()) if !get(&f, "next").is_empty() => Redirect::to(safe_next(&get(&f, "next"))).into_response(),
        Ok(()) => Redirect::to("/compte?bienvenue=1").into_response(),
        Err(e) => {
            let res = rerender(state, parts, echo("sign_up", &f, &keep, field_errors(&e)), status_of(&e)).await;
            with_retry_after(res, &e)
        }
    }
}

/// `POST /connexion`
pub async fn log_in(State(state): State<AppState>, session: Session, parts: Parts, Form(f): Form<Fields>) -> Response {
    let keep = ["email", "next"];
    let now = services::now();
    let ip_key = client_key(&state, &parts);
    let account_key = format!("account:{}", get(&f, "email").trim().to_lowercase());
    let throttle = &state.login_throttle;
    // The attempt is counted before the (slow) password check, in one step with the limit's
    // check, so that attempts sent at once cannot all pass; it is handed back unless it failed.
    let taken = match throttle.by_ip.take(&state.db, &ip_key, now).await {
        Ok(by_ip) => match throttle.by_account.take(&state.db, &account_key, now).await {
            Ok(by_account) => Ok((by_ip, by_account)),
            Err(e) => {
                throttle.by_ip.give_back(&state.db, by_ip).await;
                Err(e)
            }
        },
        Err(e) => Err(e),
    };
    let (by_ip, by_account) = match taken {
        Ok(both) => both,
        Err(e) => {
            let res = rerender(state, parts, echo("log_in", &f, &keep, field_errors(&e)), status_of(&e)).await;
            return with_retry_after(res, &e);
        }
    };
    let result = async {
        let user = services::accounts::log_in(&state.db, &get(&f, "email"), &get(&f, "password")).await?;
        services::accounts::record_log_in(&state.db, &user, locale_of(&parts.headers).lang, now).await?;
        auth::log_in(&session, &user, now).await?;
        // A charter changed since it was accepted is asked first.
        services::pages::charter_due(&state.db, user.id).await
    }
    .await;
    if !matches!(result, Err(AppError::Validation(_))) {
        // Only a wrong e-mail or password counts; a success forgets the account's failures.
        throttle.by_ip.give_back(&state.db, by_ip).await;
        throttle.by_account.give_back(&state.db, by_account).await;
    }
    match result {
        Ok(charter_due) => {
            throttle.by_account.clear(&state.db, &account_key).await;
            let typed = get(&f, "next");
            let next = safe_next(&typed);
            if charter_due {
                let to = format!("{CHARTER_PAGE}?next={}", crate::domain::local_path::encode_query_value(next));
                Redirect::to(&to).into_response()
            } else {
                Redirect::to(next).into_response()
            }
        }
        Err(e) => {
            let res = rerender(state, parts, echo("log_in", &f, &keep, field_errors(&e)), status_of(&e)).await;
            with_retry_after(res, &e)
        }
    }
}

/// Where a new version of the charter is accepted.
pub const CHARTER_PAGE: &str = "/charte/accepter";

/// `POST /charte/accepter`: the logged-in person accepts the charter's current version
/// (`charter=on`), then goes on to `next`.
pub async fn accept_charter(
    State(state): State<AppState>,
    session: Session,
    parts: Parts,
    Form(f): Form<Fields>,
) -> Response {
    let now = services::now();
    let user = match logged_in(&state, &session, &parts.headers, CHARTER_PAGE, now).await {
        Ok(u) => u,
        Err(to_log_in) => return to_log_in,
    };
    let result = if get(&f, "charter") == "on" {
        services::pages::accept_charter(&state.db, user.id, now).await
    } else {
        Err(AppError::Validation(FieldErrors::single("charter", Msg::new("sign-up-charter-missing"))))
    };
    match result {
        Ok(()) => Redirect::to(safe_next(&get(&f, "next"))).into_response(),
        Err(e) => rerender(state, parts, echo("charter", &f, &["next"], field_errors(&e)), status_of(&e)).await,
    }
}

/// `POST /deconnexion`
pub async fn log_out(session: Session, headers: HeaderMap) -> Response {
    match auth::log_out(&session).await {
        Ok(()) => (forget_device(), Redirect::to("/")).into_response(),
        Err(e) => plain(&e, &headers),
    }
}

/// `POST /compte`: the profile form (`form=profile`) or the password form (`form=password`).
pub async fn account(State(state): State<AppState>, session: Session, parts: Parts, Form(f): Form<Fields>) -> Response {
    let now = services::now();
    let user = match logged_in(&state, &session, &parts.headers, "/compte", now).await {
        Ok(u) => u,
        Err(to_log_in) => return to_log_in,
    };
    let which = get(&f, "form");
    if which == "everywhere" {
        // "Se déconnecter partout": every session of the account ends, this one too.
        let ended = async {
            services::account_links::end_all_sessions(&state.db, &user).await?;
            auth::log_out(&session).await
        }
        .await;
        return match ended {
            Ok(()) => (forget_device(), Redirect::to("/?deconnecte-partout=1")).into_response(),
            Err(e) => plain(&e, &parts.headers),
        };
    }
    let result = match which.as_str() {
        "profile" => match DisplayName::parse(&get(&f, "display_name")) {
            Ok(name) => {
                services::accounts::rename(&state.db, &user, name, now).await.map(|_| Msg::new("account-name-changed"))
            }
            Err(m) => Err(AppError::Validation(FieldErrors::single("display_name", m))),
        },
        "password" => {
            async {
                let (current, new) = (get(&f, "current_password"), get(&f, "new_password"));
                services::accounts::change_password(&state.db, &user, &current, &new, now).await?;
                // Every other session ends; this one stays.
                let epoch = services::account_links::end_all_sessions(&state.db, &user).await?;
                auth::stay_logged_in(&session, &user, epoch, now).await?;
                Ok(Msg::new("account-password-changed"))
            }
            .await
        }
        "email" => services::account_links::change_email(
            &state.db,
            &user,
            &get(&f, "email_password"),
            &get(&f, "new_email"),
            now,
        )
        .await
        .map(|to| Msg::new("account-email-link-sent").text("email", to)),
        "verify" => services::account_links::resend_verification(&state.db, &user, now)
            .await
            .map(|_| Msg::new("account-verify-sent").text("email", &user.email)),
        "emails" => {
            let on = get(&f, "email_notifications") == "on";
            services::accounts::set_email_notifications(&state.db, &user, on, now)
                .await
                .map(|_| Msg::new(if on { "account-emails-on" } else { "account-emails-off" }))
        }
        _ => Err(AppError::Validation(FieldErrors::single("form", Msg::new("form-unknown")))),
    };
    match result {
        Ok(notice) => {
            let echo = FormEcho { form: which, notice: Some(notice), ..Default::default() };
            rerender(state, parts, echo, StatusCode::OK).await
        }
        Err(e) => {
            let res = rerender(
                state,
                parts,
                echo(&which, &f, &["display_name", "new_email"], field_errors(&e)),
                status_of(&e),
            );
            with_retry_after(res.await, &e)
        }
    }
}

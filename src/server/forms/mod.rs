//! The plain form posts of the account pages. Each parses with the domain, calls a service,
//! and either redirects (303) or renders its page again with what was typed and the errors
//! (the page reads them through `api::forms::read_form_echo`). Works the same with or without
//! JavaScript. Passwords are never sent back.

pub mod account_links;
pub mod conversations;
pub mod moderation;
pub mod privacy;

use std::collections::HashMap;
use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Form, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, Request, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use leptos::prelude::provide_context;
use tower_sessions::Session;

use crate::api::forms::{field_errors, FormEcho};
use crate::app::shell;
use crate::domain::post::PostForm;
use crate::domain::steps::{self, Step};
use crate::domain::user::{CurrentUser, DisplayName, SignUpForm};
use crate::domain::PostStatus;
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::server::locale::locale_of;
use crate::server::state::AppState;
use crate::server::{auth, services};

type Fields = HashMap<String, String>;

fn get(f: &Fields, k: &str) -> String {
    f.get(k).cloned().unwrap_or_default()
}

/// Renders the page at the request's address again, with `echo`, under `status`.
async fn rerender(state: AppState, parts: Parts, echo: FormEcho, status: StatusCode) -> Response {
    let options = state.leptos_options.clone();
    let tiles = state.tiles.clone();
    let handler = leptos_axum::render_app_async_with_context(
        {
            let state = state.clone();
            move || {
                provide_context(state.clone());
                provide_context(echo.clone());
            }
        },
        move || shell(options.clone(), tiles.clone(), crate::server::locale::provide_for_request()),
    );
    let mut req = Request::new(axum::body::Body::empty());
    *req.uri_mut() = parts.uri;
    *req.headers_mut() = parts.headers;
    *req.extensions_mut() = parts.extensions;
    let mut res = handler(req).await;
    if res.status() == StatusCode::OK {
        *res.status_mut() = status;
    }
    res
}

/// The request re-addressed to the page at `path` (a form posted elsewhere shows that page again
/// on a mistake).
fn on_page(mut parts: Parts, path: &str) -> Parts {
    if let Ok(uri) = path.parse() {
        parts.uri = uri;
    }
    parts
}

/// The request re-addressed to the page of post `id` (forms posted to `/posts/:id/…`).
fn on_post_page(parts: Parts, id: i64) -> Parts {
    on_page(parts, &format!("/posts/{id}"))
}

fn echo(form: &str, fields: &Fields, keep: &[&str], errors: FieldErrors) -> FormEcho {
    FormEcho {
        form: form.to_owned(),
        values: keep.iter().map(|k| ((*k).to_owned(), get(fields, k))).collect(),
        errors,
        notice: None,
    }
}

fn status_of(e: &AppError) -> StatusCode {
    StatusCode::from_u16(e.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// The logged-in account, or the response sending the person to log in (then back to `next`).
async fn logged_in(
    state: &AppState,
    session: &Session,
    headers: &HeaderMap,
    next: &str,
    now: i64,
) -> Result<CurrentUser, Response> {
    match auth::current_user(session, &state.db, now).await {
        Ok(Some(u)) => Ok(u),
        Ok(None) => Err(Redirect::to(&format!("/connexion?next={next}")).into_response()),
        Err(e) => Err(plain(&e, headers)),
    }
}

/// `e` as a plain-text answer in the request's language, for a failure with no page to show
/// (the session store or the database failing under a form post that leads elsewhere).
fn plain(e: &AppError, headers: &HeaderMap) -> Response {
    let lang = locale_of(headers).lang;
    let said: Vec<String> = e.messages().iter().map(|m| m.say_in(lang)).collect();
    (status_of(e), said.join(" ")).into_response()
}

/// The rate-limit key of the client's address (see `throttle::client_ip`).
fn client_key(state: &AppState, parts: &Parts) -> String {
    let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
    let forwarded = crate::server::throttle::last_forwarded_line(&parts.headers);
    match crate::server::throttle::client_ip(peer, forwarded, state.trusted_proxy) {
        Some(ip) => crate::server::throttle::ip_key(ip),
        None => "ip:unknown".into(),
    }
}

/// A local path to go back to after logging in, never another site.
fn safe_next(next: &str) -> &str {
    crate::domain::local_path::local_path_or(next, "/compte")
}

/// `POST /inscription`
pub async fn sign_up(State(state): State<AppState>, session: Session, parts: Parts, Form(f): Form<Fields>) -> Response {
    let form = SignUpForm {
        email: get(&f, "email"),
        display_name: get(&f, "display_name"),
        poster_kind: get(&f, "poster_kind"),
        organisation: get(&f, "organisation"),
        password: get(&f, "password"),
    };
    let keep = ["email", "display_name", "poster_kind", "organisation"];
    let now = services::now();
    let ip_key = client_key(&state, &parts);
    let sign_ups = &state.login_throttle.sign_ups_by_ip;
    // Counted before the work, so that sign-ups sent at once cannot all pass; handed back if
    // no account was made.
    let result = match sign_ups.take(&ip_key, now) {
        Err(retry_after) => {
            let minutes = i64::try_from(retry_after.div_ceil(60)).unwrap_or(i64::MAX);
            Err(AppError::Validation(FieldErrors::single("form", Msg::new("sign-up-too-many").num("minutes", minutes))))
        }
        Ok(()) => {
            let made = async {
                let account = form.parse()?;
                services::accounts::sign_up(&state.db, account, now).await
            }
            .await;
            if made.is_err() {
                sign_ups.give_back(&ip_key, now);
            }
            match made {
                Ok(user) => {
                    async {
                        services::accounts::remember_lang(&state.db, &user, locale_of(&parts.headers).lang).await?;
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
    let taken = throttle.by_ip.take(&ip_key, now).and_then(|()| {
        throttle.by_account.take(&account_key, now).inspect_err(|_| throttle.by_ip.give_back(&ip_key, now))
    });
    if let Err(retry_after) = taken {
        let e = AppError::TooManyRequests { retry_after };
        let res = rerender(state, parts, echo("log_in", &f, &keep, field_errors(&e)), status_of(&e)).await;
        return with_retry_after(res, &e);
    }
    let result = async {
        let user = services::accounts::log_in(&state.db, &get(&f, "email"), &get(&f, "password")).await?;
        services::accounts::remember_lang(&state.db, &user, locale_of(&parts.headers).lang).await?;
        auth::log_in(&session, &user, now).await?;
        Ok::<_, AppError>(())
    }
    .await;
    if !matches!(result, Err(AppError::Validation(_))) {
        // Only a wrong e-mail or password counts; a success forgets the account's failures.
        throttle.by_ip.give_back(&ip_key, now);
        throttle.by_account.give_back(&account_key, now);
    }
    match result {
        Ok(()) => {
            throttle.by_account.clear(&account_key);
            Redirect::to(safe_next(&get(&f, "next"))).into_response()
        }
        Err(e) => {
            let res = rerender(state, parts, echo("log_in", &f, &keep, field_errors(&e)), status_of(&e)).await;
            with_retry_after(res, &e)
        }
    }
}

/// `res` with a `Retry-After` header when `e` says when to come back (429, 503).
fn with_retry_after(mut res: Response, e: &AppError) -> Response {
    if let Some(secs) = e.retry_after() {
        res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(secs));
    }
    res
}

/// Tells the browser to forget what this site kept on the device: the offline copies of the
/// service worker and the unsent post (a shared phone must not show the last person's pages).
pub fn forget_device() -> [(axum::http::HeaderName, &'static str); 1] {
    [(axum::http::HeaderName::from_static("clear-site-data"), "\"cache\", \"storage\"")]
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

const POST_FIELDS: [&str; 9] =
    ["kind", "category", "title", "description", "lifetime_days", "commune", "lat", "lon", "private_note"];

fn post_form(f: &Fields) -> PostForm {
    PostForm {
        kind: get(f, "kind"),
        category: get(f, "category"),
        title: get(f, "title"),
        description: get(f, "description"),
        lifetime_days: get(f, "lifetime_days"),
        commune: get(f, "commune"),
        lat: get(f, "lat"),
        lon: get(f, "lon"),
        private_note: get(f, "private_note"),
    }
}

/// `POST /publier`: a new request or offer, pending validation.
pub async fn publish(State(state): State<AppState>, session: Session, parts: Parts, Form(f): Form<Fields>) -> Response {
    let now = services::now();
    let user = match logged_in(&state, &session, &parts.headers, "/publier", now).await {
        Ok(u) => u,
        Err(to_log_in) => return to_log_in,
    };
    let form = post_form(&f);
    // Step by step (easy-read mode, `domain::steps`): go back to a step, or check this one and
    // show the next; the last step publishes like the whole form.
    let step = get(&f, "etape").parse::<Step>().ok();
    if let Some(step) = step {
        if let Ok(to) = get(&f, "aller").parse::<Step>() {
            return rerender(state, parts, step_echo(&f, to, FieldErrors::new()), StatusCode::OK).await;
        }
        if step != Step::Confirm {
            return match steps::advance(step, &form, &state.communes.refs()) {
                Ok(next) => rerender(state, parts, step_echo(&f, next, FieldErrors::new()), StatusCode::OK).await,
                Err(errors) => {
                    let status = status_of(&AppError::Validation(errors.clone()));
                    rerender(state, parts, step_echo(&f, step, errors), status).await
                }
            };
        }
    }
    let result = async {
        let draft = form.parse(&state.communes.refs())?;
        services::posts::publish(&state.db, &state.communes, &user, draft, now).await
    }
    .await;
    match result {
        Ok(id) => Redirect::to(&format!("/mes-annonces?publiee={id}")).into_response(),
        Err(e) => {
            let errors = field_errors(&e);
            let echo = match step {
                // Back to the first step whose answer is wrong.
                Some(_) => {
                    let first = Step::ALL
                        .into_iter()
                        .find(|s| errors.0.iter().any(|e| s.fields().contains(&e.field.as_str())))
                        .unwrap_or(Step::Confirm);
                    step_echo(&f, first, errors)
                }
                None => echo("publish", &f, &POST_FIELDS, errors),
            };
            rerender(state, parts, echo, status_of(&e)).await
        }
    }
}

/// The step-by-step form's echo: the answers so far, and the step to show.
fn step_echo(f: &Fields, step: Step, errors: FieldErrors) -> FormEcho {
    let mut e = echo("publish", f, &POST_FIELDS, errors);
    e.values.insert("etape".to_owned(), step.slug().to_owned());
    e
}

/// `POST /mes-annonces/:id/modifier`: new text, category or place for one of my posts.
pub async fn edit_post(
    State(state): State<AppState>,
    axum::extract::Path(id): axum::extract::Path<i64>,
    session: Session,
    parts: Parts,
    Form(f): Form<Fields>,
) -> Response {
    let now = services::now();
    let user = match logged_in(&state, &session, &parts.headers, "/mes-annonces", now).await {
        Ok(u) => u,
        Err(to_log_in) => return to_log_in,
    };
    let form = post_form(&f);
    let result = async {
        let draft = form.parse(&state.communes.refs())?;
        services::posts::edit(&state.db, &state.communes, &user, id, draft, now).await
    }
    .await;
    match result {
        Ok(()) => Redirect::to(&format!("/mes-annonces?modifiee={id}")).into_response(),
        Err(e) => rerender(state, parts, echo("publish", &f, &POST_FIELDS, field_errors(&e)), status_of(&e)).await,
    }
}

/// `POST /mes-annonces`: close (`form=close`, `id`, `outcome`) or extend (`form=extend`, `id`,
/// `days`) one of my posts.
pub async fn my_posts(
    State(state): State<AppState>,
    session: Session,
    parts: Parts,
    Form(f): Form<Fields>,
) -> Response {
    let now = services::now();
    let user = match logged_in(&state, &session, &parts.headers, "/mes-annonces", now).await {
        Ok(u) => u,
        Err(to_log_in) => return to_log_in,
    };
    let id = get(&f, "id").parse::<i64>().unwrap_or(0);
    let which = get(&f, "form");
    let result = match which.as_str() {
        "close" => {
            let outcome = match get(&f, "outcome").as_str() {
                "fulfilled" => PostStatus::Fulfilled,
                _ => PostStatus::Closed,
            };
            services::posts::close(&state.db, &user, id, outcome, now).await.map(|_| match outcome {
                PostStatus::Fulfilled => Msg::new("my-posts-done-fulfilled"),
                _ => Msg::new("my-posts-done-closed"),
            })
        }
        "extend" => {
            let days = get(&f, "days").parse::<u32>().unwrap_or(0);
            services::posts::extend(&state.db, &user, id, days, now)
                .await
                .map(|until| Msg::new("my-posts-done-extended").date("until", until))
        }
        _ => Err(AppError::Validation(FieldErrors::single("form", Msg::new("form-unknown")))),
    };
    let echo = match result {
        Ok(notice) => FormEcho { form: "my_posts".into(), notice: Some(notice), ..Default::default() },
        Err(e) => {
            let mut errors = field_errors(&e);
            // Shown at the top of the list, whatever the field.
            for err in &mut errors.0 {
                err.field = "form".into();
            }
            FormEcho { form: "my_posts".into(), errors, ..Default::default() }
        }
    };
    let status = if echo.errors.is_empty() { StatusCode::OK } else { StatusCode::BAD_REQUEST };
    rerender(state, parts, echo, status).await
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next("/posts/3"), "/posts/3");
        assert_eq!(safe_next("//evil.example"), "/compte");
        assert_eq!(safe_next("https://evil.example"), "/compte");
        assert_eq!(safe_next("/\\evil.example"), "/compte");
        assert_eq!(safe_next(""), "/compte");
    }
}

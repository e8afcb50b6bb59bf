//! The form posts of the account links: "Mot de passe oublié", a new password through a reset
//! link, and the confirmation of an address. Plain forms, the same with or without JavaScript.

use axum::extract::{Form, Path, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

use super::kit::{client_key, echo, get, plain, rerender, status_of, with_retry_after, Fields};
use crate::error::AppError;
use crate::i18n::Msg;
use crate::server::services::account_links::{self, Verified};
use crate::server::state::AppState;
use crate::server::{auth, services};
use crate::wire::forms::{field_errors, FormEcho};

/// `POST /mot-de-passe-oublie` (`email`): the same answer whether an account has the address or
/// not. Limited per client here, and per address in the service.
pub async fn forgot(State(state): State<AppState>, parts: Parts, Form(f): Form<Fields>) -> Response {
    let now = services::now();
    let ip_key = client_key(&state, &parts);
    let result = match state.login_throttle.resets_by_ip.take(&state.db, &ip_key, now).await {
        Err(e) => Err(e),
        Ok(_counted) => account_links::request_reset(&state.db, &get(&f, "email"), now).await,
    };
    match result {
        Ok(()) => {
            let mut echo = echo("forgot", &f, &["email"], Default::default());
            echo.notice = Some(Msg::new("forgot-sent").text("email", get(&f, "email").trim().to_lowercase()));
            rerender(state, parts, echo, StatusCode::OK).await
        }
        Err(e) => {
            let res = rerender(state, parts, echo("forgot", &f, &["email"], field_errors(&e)), status_of(&e)).await;
            with_retry_after(res, &e)
        }
    }
}

/// `POST /mot-de-passe/:token` (`new_password`): sets the password, ends every session of the
/// account, and logs this browser in.
pub async fn reset(
    State(state): State<AppState>,
    Path(token): Path<String>,
    session: Session,
    parts: Parts,
    Form(f): Form<Fields>,
) -> Response {
    let now = services::now();
    let result = async {
        let user = account_links::reset_password(&state.db, &token, &get(&f, "new_password"), now).await?;
        auth::log_in(&session, &user, now).await
    }
    .await;
    match result {
        Ok(()) => Redirect::to("/compte?mot-de-passe=1").into_response(),
        Err(e) => {
            let res = rerender(state, parts, echo("reset", &f, &[], field_errors(&e)), status_of(&e)).await;
            with_retry_after(res, &e)
        }
    }
}

/// `POST /verifier/:token`: confirms the address the link was sent to.
pub async fn verify(State(state): State<AppState>, Path(token): Path<String>, parts: Parts) -> Response {
    match account_links::verify(&state.db, &token, services::now()).await {
        Ok(Verified::Address) => Redirect::to("/adresse-confirmee").into_response(),
        Ok(Verified::NewAddress(_)) => Redirect::to("/adresse-confirmee?nouvelle=1").into_response(),
        Err(e @ AppError::Validation(_)) => {
            let echo = FormEcho { form: "verify".into(), errors: field_errors(&e), ..Default::default() };
            rerender(state, parts, echo, status_of(&e)).await
        }
        Err(e) => plain(&e, &parts.headers),
    }
}

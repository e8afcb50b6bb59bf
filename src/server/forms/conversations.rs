//! The form posts of answering a post: the first answer, then everything done from a
//! conversation's page (reply, accept, withdraw, say it is done, confirm, thank, report a
//! message). Works the same with or without JavaScript.

use axum::extract::{Form, Path, State};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

use super::kit::{echo, get, logged_in, on_post_page, rerender, status_of, Fields};
use crate::domain::conversation::{AcceptForm, MessageBody, ThanksNote};
use crate::domain::moderation::ReportForm;
use crate::domain::user::CurrentUser;
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::server::services::{self, conversations, moderation};
use crate::server::state::AppState;
use crate::wire::forms::field_errors;

fn parse<T>(r: Result<T, Msg>, field: &str) -> Result<T, AppError> {
    r.map_err(|m| AppError::Validation(FieldErrors::single(field, m)))
}

/// `POST /posts/:id/repondre`: "Je peux aider" / "Ça m'intéresse" with a first message (`body`).
pub async fn respond(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    session: Session,
    parts: Parts,
    Form(f): Form<Fields>,
) -> Response {
    let now = services::now();
    let user = match logged_in(&state, &session, &parts.headers, &format!("/posts/{id}"), now).await {
        Ok(u) => u,
        Err(to_log_in) => return to_log_in,
    };
    let result = async {
        let body = parse(MessageBody::parse(&get(&f, "body")), "body")?;
        conversations::respond(&state.db, &state.vetted, &user, id, body, now).await
    }
    .await;
    match result {
        Ok(conversation) => Redirect::to(&format!("/messages/{conversation}")).into_response(),
        Err(e) => {
            rerender(state, on_post_page(parts, id), echo("respond", &f, &["body"], field_errors(&e)), status_of(&e))
                .await
        }
    }
}

/// `POST /messages/:id`: `action` = `message` (`body`), `accept` (`share_phone`, `phone`,
/// `off_map`), `withdraw`, `done`, `confirm`, `thank` (`note`, `signed`), `block`, `unblock` or
/// `report` (`message_id`, `reason`, `details`).
pub async fn conversation(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    session: Session,
    parts: Parts,
    Form(f): Form<Fields>,
) -> Response {
    let now = services::now();
    let page = format!("/messages/{id}");
    let user = match logged_in(&state, &session, &parts.headers, &page, now).await {
        Ok(u) => u,
        Err(to_log_in) => return to_log_in,
    };
    let action = get(&f, "action");
    match run(&state, &user, id, &action, &f, now).await {
        Ok(Done::Here(word)) => Redirect::to(&format!("{page}?fait={word}#fin")).into_response(),
        Ok(Done::Post(post)) => Redirect::to(&format!("/posts/{post}?merci=1")).into_response(),
        Err(e) => {
            let keep = ["body", "phone", "share_phone", "off_map", "note", "reason", "details"];
            // A report's errors belong to the form of that one message.
            let form = if action == "report" { format!("report-{}", get(&f, "message_id")) } else { action };
            rerender(state, parts, echo(&form, &f, &keep, field_errors(&e)), status_of(&e)).await
        }
    }
}

/// Where to go after an action.
enum Done {
    /// Back to the conversation, with a word for its notice.
    Here(&'static str),
    /// To the post's page (after a thank-you note).
    Post(i64),
}

async fn run(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
    action: &str,
    f: &Fields,
    now: i64,
) -> Result<Done, AppError> {
    let db = &state.db;
    Ok(match action {
        "message" => {
            let body = parse(MessageBody::parse(&get(f, "body")), "body")?;
            conversations::send(db, user, id, body, now).await?;
            Done::Here("message")
        }
        "accept" => {
            let form =
                AcceptForm { share_phone: get(f, "share_phone"), phone: get(f, "phone"), off_map: get(f, "off_map") };
            conversations::accept(db, &state.vetted, user, id, form.parse()?, now).await?;
            Done::Here("accept")
        }
        "withdraw" => {
            conversations::withdraw(db, user, id, now).await?;
            Done::Here("withdraw")
        }
        "done" => {
            conversations::mark_done(db, user, id, now).await?;
            Done::Here("done")
        }
        "confirm" => {
            conversations::confirm(db, user, id, now).await?;
            Done::Here("confirm")
        }
        "thank" => {
            let note = parse(ThanksNote::parse(&get(f, "note")), "note")?;
            let signed = get(f, "signed") == "on";
            Done::Post(conversations::thank(db, user, id, note, signed, now).await?)
        }
        "block" | "unblock" => {
            let on = action == "block";
            conversations::block(db, user, id, on, now).await?;
            Done::Here(if on { "block" } else { "unblock" })
        }
        "report" => {
            let message_id = get(f, "message_id").parse::<i64>().unwrap_or(0);
            let report = ReportForm { reason: get(f, "reason"), details: get(f, "details") }.parse()?;
            moderation::report_message(db, user, id, message_id, report, now).await?;
            Done::Here("report")
        }
        _ => return Err(AppError::Validation(FieldErrors::single("form", Msg::new("form-unknown-action")))),
    })
}

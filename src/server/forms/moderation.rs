//! The form posts of moderation (staff), reports (any logged-in person) and notifications.
//! On success they redirect (303) with a word for the page's notice; on a mistake the page is
//! rendered again with the errors next to the card's fields and what was typed.

use axum::extract::{Form, Path, State};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

use super::kit::{echo, get, logged_in, on_post_page, plain, rerender, status_of, Fields};
use crate::domain::moderation::{DecisionForm, ReportForm};
use crate::domain::user::CurrentUser;
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::server::services::{self, moderation, notifications};
use crate::server::state::AppState;
use crate::wire::forms::field_errors;

/// The name of one action's form on one post's card (`reject-12`), so that its errors show
/// there only. The page names its forms the same way.
pub fn card_form(action: &str, id: i64) -> String {
    let action = if ["approve", "reject", "redact", "dismiss", "unpublish", "disable"].contains(&action) {
        action
    } else {
        "post"
    };
    format!("{action}-{id}")
}

const CARD_FIELDS: [&str; 5] = ["action", "reason", "message", "title", "description"];

fn decision(f: &Fields) -> DecisionForm {
    DecisionForm { reason: get(f, "reason"), message: get(f, "message") }
}

const QUEUE: &str = "/moderation";
const REPORTS: &str = "/moderation/signalements";

/// `POST /moderation`: `action` = `approve`, `reject` (`reason`, `message`) or `redact`
/// (`title`, `description`, `message`) on the pending post `id`.
pub async fn queue(State(state): State<AppState>, session: Session, parts: Parts, Form(f): Form<Fields>) -> Response {
    staff_action(state, session, parts, f, QUEUE).await
}

/// `POST /moderation/signalements`: `action` = `dismiss`, `unpublish` (`reason`, `message`) or
/// `disable` (the author) for the reported post `id`.
pub async fn reports(State(state): State<AppState>, session: Session, parts: Parts, Form(f): Form<Fields>) -> Response {
    staff_action(state, session, parts, f, REPORTS).await
}

/// Runs the action of a staff page's form, then goes back to the page (`?fait=action`), or
/// shows it again with the error on the post's card.
async fn staff_action(state: AppState, session: Session, parts: Parts, f: Fields, page: &'static str) -> Response {
    let now = services::now();
    let user = match logged_in(&state, &session, &parts.headers, page, now).await {
        Ok(u) => u,
        Err(to_log_in) => return to_log_in,
    };
    let id = get(&f, "id").parse::<i64>().unwrap_or(0);
    let action = get(&f, "action");
    // Who may act is decided before what was typed is even read.
    let result = match moderation::require_staff(&user) {
        Ok(()) => run(&state, &user, page, &action, id, &f, now).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => Redirect::to(&format!("{page}?fait={action}&annonce={id}")).into_response(),
        Err(e) => {
            rerender(state, parts, echo(&card_form(&action, id), &f, &CARD_FIELDS, field_errors(&e)), status_of(&e))
                .await
        }
    }
}

async fn run(
    state: &AppState,
    user: &CurrentUser,
    page: &str,
    action: &str,
    id: i64,
    f: &Fields,
    now: i64,
) -> Result<(), AppError> {
    let db = &state.db;
    match (page, action) {
        (QUEUE, "approve") => moderation::approve(db, user, id, now).await,
        (QUEUE, "reject") => moderation::reject(db, user, id, decision(f).parse()?, now).await,
        (QUEUE, "redact") => {
            moderation::redact(db, user, id, &get(f, "title"), &get(f, "description"), &get(f, "message"), now).await
        }
        (REPORTS, "dismiss") => moderation::dismiss_reports(db, user, id, now).await,
        (REPORTS, "unpublish") => moderation::unpublish(db, user, id, decision(f).parse()?, now).await,
        (REPORTS, "disable") => moderation::disable_author(db, user, id, now).await,
        _ => Err(AppError::Validation(FieldErrors::single("action", Msg::new("moderation-action-missing")))),
    }
}

/// `POST /posts/:id/signaler`: a logged-in person reports a public post (`reason`, `details`).
pub async fn report(
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
    let form = ReportForm { reason: get(&f, "reason"), details: get(&f, "details") };
    let result = match form.parse() {
        Ok(r) => moderation::report(&state.db, &user, id, r, state.report_threshold, now).await,
        Err(e) => Err(e.into()),
    };
    match result {
        Ok(moderation::Reported::Recorded) => Redirect::to(&format!("/posts/{id}?signalee=1")).into_response(),
        // The post is now hidden: its page is gone for the reporter too.
        Ok(moderation::Reported::Hidden) => Redirect::to("/?signalee=1").into_response(),
        Err(e) => {
            rerender(
                state,
                on_post_page(parts, id),
                echo("report", &f, &["reason", "details"], field_errors(&e)),
                status_of(&e),
            )
            .await
        }
    }
}

/// `POST /notifications`: marks all my notifications as read.
pub async fn notifications(State(state): State<AppState>, session: Session, parts: Parts) -> Response {
    let now = services::now();
    let user = match logged_in(&state, &session, &parts.headers, "/notifications", now).await {
        Ok(u) => u,
        Err(to_log_in) => return to_log_in,
    };
    match notifications::mark_all_read(&state.db, &user, now).await {
        Ok(_) => Redirect::to("/notifications").into_response(),
        Err(e) => plain(&e, &parts.headers),
    }
}

//! The post forms: publishing (step by step without JavaScript), editing, and the actions of
//! "Mes annonces" (close, extend; the relatives' forms are in `carers`).

use axum::extract::{Form, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

use super::kit::{echo, get, logged_in, rerender, status_of, Fields};
use crate::domain::post::PostForm;
use crate::domain::steps::{self, Step};
use crate::domain::PostStatus;
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::server::services;
use crate::server::state::AppState;
use crate::ui::components::emergency::{LOCAL_NAME, LOCAL_PHONE, LOCAL_TEXT, SEEN, SIGNS};
use crate::wire::forms::{field_errors, FormEcho};

const POST_BASE_FIELDS: [&str; 12] = [
    "kind",
    "category",
    "title",
    "description",
    "lifetime_days",
    "commune",
    "lat",
    "lon",
    "private_note",
    "for_relative",
    "relative_consent",
    "audience",
];

/// The fields of the post form: its own, then the schedule's.
pub(super) fn post_fields() -> Vec<&'static str> {
    POST_BASE_FIELDS.iter().chain(crate::domain::schedule::FIELDS.iter()).copied().collect()
}

pub(super) fn post_form(f: &Fields) -> PostForm {
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
        schedule: crate::domain::schedule::ScheduleForm::from_fields(|k| get(f, k)),
        for_relative: get(f, "for_relative"),
        relative_consent: get(f, "relative_consent"),
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
            return match steps::advance(step, &form, &state.communes.refs(), now) {
                Ok(next) => rerender(state, parts, step_echo(&f, next, FieldErrors::new()), StatusCode::OK).await,
                Err(errors) => {
                    let status = status_of(&AppError::Validation(errors.clone()));
                    rerender(state, parts, step_echo(&f, step, errors), status).await
                }
            };
        }
    }
    // Signs of an emergency: the numbers first, before anything is saved (on the last step in
    // step-by-step mode).
    if let Some(signs) = unseen_emergency(&f, &form, &state) {
        let mut e = match step {
            Some(_) => step_echo(&f, Step::Confirm, FieldErrors::new()),
            None => echo("publish", &f, &post_fields(), FieldErrors::new()),
        };
        e.values.insert(SIGNS.to_owned(), signs);
        add_local_help(&mut e, &form, &state).await;
        return rerender(state, parts, e, StatusCode::OK).await;
    }
    let result = async {
        let draft = form.parse(&state.communes.refs(), services::now())?;
        // « Qui peut voir l'annonce ? »: everyone, or the members of one of my buildings. Anything
        // else is refused, never read as « everyone ».
        let building = match get(&f, "audience").as_str() {
            "" | "public" => None,
            other => Some(other.strip_prefix("building-").and_then(|id| id.parse::<i64>().ok()).ok_or_else(|| {
                AppError::Validation(FieldErrors::single("audience", Msg::new("building-not-member")))
            })?),
        };
        services::posts::publish(&state.db, &state.communes, &state.vetted, &user, draft, building, now).await
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
                None => echo("publish", &f, &post_fields(), errors),
            };
            rerender(state, parts, echo, status_of(&e)).await
        }
    }
}

/// The signs of an emergency in a valid post's text (as stored), unless the person has seen the
/// numbers and goes on (`emergency::SEEN`). An invalid post says what is wrong first.
fn unseen_emergency(f: &Fields, form: &PostForm, state: &AppState) -> Option<String> {
    use crate::domain::triage;
    if get(f, SEEN) == "1" {
        return None;
    }
    let draft = form.parse(&state.communes.refs(), services::now()).ok()?;
    triage::to_stored(&triage::signs(&format!("{}\n{}", draft.title.as_str(), draft.description.as_str())))
}

/// What the territory of the post's place adds to the emergency numbers, into the echo.
async fn add_local_help(e: &mut FormEcho, form: &PostForm, state: &AppState) {
    let Ok(draft) = form.parse(&state.communes.refs(), services::now()) else { return };
    let Ok(at) = services::posts::location_of(&state.communes, &draft.place) else { return };
    // The national numbers are shown whatever happens here.
    if let Ok(Some(h)) = services::territories::local_help(&state.db, &state.communes, at).await {
        e.values.insert(LOCAL_NAME.to_owned(), h.territory);
        e.values.insert(LOCAL_TEXT.to_owned(), h.emergency);
        e.values.insert(LOCAL_PHONE.to_owned(), h.phone);
    }
}

/// The step-by-step form's echo: the answers so far, and the step to show.
fn step_echo(f: &Fields, step: Step, errors: FieldErrors) -> FormEcho {
    let mut e = echo("publish", f, &post_fields(), errors);
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
    if let Some(signs) = unseen_emergency(&f, &form, &state) {
        let mut e = echo("publish", &f, &post_fields(), FieldErrors::new());
        e.values.insert(SIGNS.to_owned(), signs);
        add_local_help(&mut e, &form, &state).await;
        return rerender(state, parts, e, StatusCode::OK).await;
    }
    let result = async {
        let draft = form.parse(&state.communes.refs(), services::now())?;
        services::posts::edit(&state.db, &state.communes, &state.vetted, &user, id, draft, now).await
    }
    .await;
    match result {
        Ok(()) => Redirect::to(&format!("/mes-annonces?modifiee={id}")).into_response(),
        Err(e) => rerender(state, parts, echo("publish", &f, &post_fields(), field_errors(&e)), status_of(&e)).await,
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
    let which = get(&f, "form");
    if matches!(which.as_str(), "invite-carer" | "remove-carer") {
        return super::carers::on_my_posts(state, user, parts, f, now).await;
    }
    let id = get(&f, "id").parse::<i64>().unwrap_or(0);
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

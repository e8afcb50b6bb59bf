//! `POST /alertes`: « Mes alertes » — save an alert (`place` or `lat`/`lon`, `radius`, one
//! `cat-<slug>` box per category, `kind`), remove one (`action=delete`, `id`), choose how to be
//! told (`action=settings`, `email`, `hour`), start paused alerts again (`action=resume`).
//!
//! `POST /alertes/desabonner/{token}`: the one-click unsubscribe of the alerts' e-mails, without
//! logging in — from a mail program (RFC 8058: `List-Unsubscribe=One-Click`, answered in plain
//! text) or from the button of the link's page (sent back to it).

use axum::extract::{Form, Path, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

use super::kit::{echo, get, logged_in, on_page, plain, rerender, status_of, Fields};
use crate::domain::alert::{AlertForm, AlertSettingsForm};
use crate::domain::Category;
use crate::i18n::Msg;
use crate::server::locale::locale_of;
use crate::server::services::{self, alerts};
use crate::server::state::AppState;
use crate::wire::forms::field_errors;

const PAGE: &str = "/alertes";

/// The fields the alert form keeps on a mistake.
const KEEP: [&str; 4] = ["place", "radius", "kind", "categories"];

/// The handler of « Mes alertes ».
pub async fn alerts(State(state): State<AppState>, session: Session, parts: Parts, Form(f): Form<Fields>) -> Response {
    let now = services::now();
    let user = match logged_in(&state, &session, &parts.headers, PAGE, now).await {
        Ok(u) => u,
        Err(to_log_in) => return to_log_in,
    };
    let (result, form) = match get(&f, "action").as_str() {
        "delete" => {
            let id = get(&f, "id").parse::<i64>().unwrap_or(0);
            (alerts::delete(&state.db, &user, id).await.map(|()| "supprimee"), "alert")
        }
        "settings" => {
            let s = AlertSettingsForm { email: get(&f, "email"), hour: get(&f, "hour") };
            (alerts::save_settings(&state.db, &user, &s, now).await.map(|()| "reglages"), "alert_settings")
        }
        "resume" => (alerts::resume(&state.db, &user, now).await.map(|()| "reprises"), "alert"),
        _ => {
            let a = AlertForm {
                place: get(&f, "place"),
                lat: get(&f, "lat"),
                lon: get(&f, "lon"),
                radius: get(&f, "radius"),
                categories: ticked(&f),
                kind: get(&f, "kind"),
            };
            (alerts::create(&state.db, &state.communes, &user, &a, now).await.map(|_| "enregistree"), "alert")
        }
    };
    match result {
        Ok(done) => Redirect::to(&format!("{PAGE}?fait={done}")).into_response(),
        Err(e) => {
            let mut f = f;
            f.insert("categories".into(), ticked(&f).join(","));
            let keep: &[&str] = if form == "alert" { &KEEP } else { &["email", "hour"] };
            let kept = echo(form, &f, keep, field_errors(&e));
            rerender(state, on_page(parts, PAGE), kept, status_of(&e)).await
        }
    }
}

/// The categories ticked, as slugs (`cat-<slug>` boxes; unknown names are passed on to be named
/// in the error).
fn ticked(f: &Fields) -> Vec<String> {
    let mut slugs: Vec<String> = f
        .iter()
        .filter(|(k, v)| k.starts_with("cat-") && !v.is_empty())
        .map(|(k, _)| k["cat-".len()..].to_owned())
        .collect();
    slugs.sort_by_key(|s| s.parse::<Category>().map(|c| c as usize).unwrap_or(usize::MAX));
    slugs
}

/// The handler of the unsubscribe link.
pub async fn unsubscribe(
    State(state): State<AppState>,
    Path(token): Path<String>,
    parts: Parts,
    Form(f): Form<Fields>,
) -> Response {
    let one_click = get(&f, "List-Unsubscribe") == "One-Click";
    match alerts::unsubscribe(&state.db, &token, services::now()).await {
        Ok(()) if one_click => {
            let lang = locale_of(&parts.headers).lang;
            (StatusCode::OK, Msg::new("alert-unsubscribed").say_in(lang)).into_response()
        }
        Ok(()) => Redirect::to(&format!("/alertes/desabonner/{token}?fait=1")).into_response(),
        Err(e) if one_click => plain(&e, &parts.headers),
        Err(e) => rerender(state, parts, Default::default(), status_of(&e)).await,
    }
}

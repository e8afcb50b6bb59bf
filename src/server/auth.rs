//! Sessions: who is logged in. The cookie carries a random id only; the session lives in SQLite.
//! Id rotated at log-in, session destroyed at log-out, inactivity timeout (set on the layer)
//! and an absolute lifetime checked here.

use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use crate::domain::user::CurrentUser;
use crate::error::AppError;
use crate::server::db::{internal, Db};
use crate::server::services;

/// A session ends after this long without a request.
pub const INACTIVITY_SECS: i64 = 12 * 3600;
/// A session ends this long after log-in, active or not.
pub const ABSOLUTE_SECS: i64 = 7 * 86_400;

const KEY: &str = "auth";

#[derive(Debug, Serialize, Deserialize)]
struct SessionAuth {
    user_id: i64,
    /// When the person logged in (UTC seconds).
    since: i64,
    /// The account's session epoch at log-in: once the account's epoch is raised (a password
    /// change or reset, "Se déconnecter partout"), this session has ended.
    #[serde(default)]
    epoch: i64,
}

/// Marks the session as logged in as `user` (in `user.session_epoch`), under a new id.
pub async fn log_in(session: &Session, user: &CurrentUser, now: i64) -> Result<(), AppError> {
    session.cycle_id().await.map_err(|e| internal("session: cycle id", e))?;
    let auth = SessionAuth { user_id: user.id, since: now, epoch: user.session_epoch };
    session.insert(KEY, auth).await.map_err(|e| internal("session: insert", e))
}

/// Keeps this session logged in after the account's other sessions were ended (`epoch` is the
/// account's new epoch), under a new id.
pub async fn stay_logged_in(session: &Session, user: &CurrentUser, epoch: i64, now: i64) -> Result<(), AppError> {
    let kept = CurrentUser { session_epoch: epoch, ..user.clone() };
    log_in(session, &kept, now).await
}

/// Ends the session (deleted from the store, cookie cleared).
pub async fn log_out(session: &Session) -> Result<(), AppError> {
    session.flush().await.map_err(|e| internal("session: flush", e))
}

/// The logged-in account of this session, if any; an old or orphaned session is ended.
pub async fn current_user(session: &Session, db: &Db, now: i64) -> Result<Option<CurrentUser>, AppError> {
    let auth: Option<SessionAuth> = session.get(KEY).await.map_err(|e| internal("session: read", e))?;
    let Some(auth) = auth else { return Ok(None) };
    if now - auth.since > ABSOLUTE_SECS {
        log_out(session).await?;
        return Ok(None);
    }
    let user = services::accounts::find_active(db, auth.user_id).await?.filter(|u| u.session_epoch == auth.epoch);
    match &user {
        Some(u) => crate::server::observe::set_account(u.id),
        None => log_out(session).await?,
    }
    Ok(user)
}

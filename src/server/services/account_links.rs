//! Accounts people can keep: the proof of an e-mail address, "Mot de passe oublié", a change of
//! address, the end of every session, and the reset link staff read out on the phone.
//!
//! Every link is single-use: a random token of 256 bits goes out in an e-mail (or is printed for
//! the operator); only its SHA-256 is stored, with its purpose, the address it proves and its
//! expiry. A newer link of the same purpose voids the older ones. E-mails holding a link are
//! emptied in the outbox once sent.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use sha2::{Digest, Sha256};

use crate::domain::user::{CurrentUser, Email, Password};
use crate::error::{AppError, FieldErrors};
use crate::i18n::{Lang, Msg};
use crate::server::db::tokens::{self as sql, Purpose};
use crate::server::db::{self, notifications as mail_sql, users as users_sql, Db};
use crate::server::passwords;
use crate::server::services::notifications::site_url;

/// A reset link works for an hour.
pub const RESET_VALID_SECS: i64 = 3600;
/// A verification link works for 48 hours.
pub const VERIFY_VALID_SECS: i64 = 48 * 3600;
/// Reset links asked for one address, and verification links sent again for one account, per
/// hour. Past it nothing more is sent, and the page answers as usual.
pub const REQUESTS_PER_HOUR: i64 = 3;

type Tx = db::Tx<'static>;

fn form_error(field: &str, message: Msg) -> AppError {
    AppError::Validation(FieldErrors::single(field, message))
}

/// A new random token (64 hexadecimal characters) and its hash.
pub(super) fn new_token() -> (String, String) {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let hash = hash_of(&token);
    (token, hash)
}

/// The SHA-256 of `s`, in hexadecimal.
fn hash_of(s: &str) -> String {
    Sha256::digest(s.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// The hash a token from a link is looked up by; `None` for anything that is not a token of ours
/// (so nothing else reaches the database).
pub(super) fn lookup_hash(token: &str) -> Option<String> {
    (token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()))
        .then(|| hash_of(token))
}

/// The address of the page a link opens.
pub fn reset_link(token: &str) -> String {
    format!("{}/mot-de-passe/{token}", site_url())
}

fn verify_link(token: &str) -> String {
    format!("{}/verifier/{token}", site_url())
}

async fn begin(db: &Db) -> Result<Tx, AppError> {
    db.begin_write().await.map_err(|e| db::internal("account link: begin", e))
}

async fn commit(tx: Tx) -> Result<(), AppError> {
    tx.commit().await.map_err(|e| db::internal("account link: commit", e))?;
    crate::server::mailer::wake();
    Ok(())
}

/// The language account `user_id` reads Entraide in.
pub(super) async fn lang_of(tx: &mut Tx, user_id: i64) -> Result<Lang, AppError> {
    Ok(mail_sql::recipient(tx, user_id)
        .await
        .map_err(|e| db::internal("account link: lang", e))?
        .map_or(Lang::Fr, |r| r.lang))
}

/// Queues an account e-mail (it is emptied once sent).
pub(super) async fn queue(
    tx: &mut Tx,
    to: &str,
    subject: Msg,
    body: Msg,
    lang: Lang,
    now: i64,
) -> Result<(), AppError> {
    let (subject, body) = (subject.say_in(lang), body.say_in(lang));
    let e = mail_sql::NewEmail {
        to,
        subject: &subject,
        body: &body,
        post_id: None,
        conversation_id: None,
        at: now,
        erase_after_send: true,
    };
    mail_sql::queue_email(tx, &e).await.map_err(|e| db::internal("account link: queue", e))
}

/// A link proving `email` for account `user_id`, sent to that address.
async fn send_verification(tx: &mut Tx, user_id: i64, name: &str, email: &str, now: i64) -> Result<(), AppError> {
    let (token, hash) = new_token();
    sql::replace(tx, user_id, Purpose::Verify, &hash, email, now, VERIFY_VALID_SECS)
        .await
        .map_err(|e| db::internal("verification link", e))?;
    let lang = lang_of(tx, user_id).await?;
    let body = Msg::new("email-verify-body")
        .text("name", name)
        .text("link", verify_link(&token))
        .num("hours", VERIFY_VALID_SECS / 3600);
    queue(tx, email, Msg::new("email-verify-subject"), body, lang, now).await
}

/// Sends the link that proves the address of a new account (at sign-up).
pub async fn start_verification(db: &Db, user: &CurrentUser, now: i64) -> Result<(), AppError> {
    let mut tx = begin(db).await?;
    send_verification(&mut tx, user.id, &user.display_name, &user.email, now).await?;
    commit(tx).await
}

/// "Renvoyer le lien" on Mon compte: a new verification link (the older ones stop working), at
/// most [`REQUESTS_PER_HOUR`] an hour.
pub async fn resend_verification(db: &Db, user: &CurrentUser, now: i64) -> Result<(), AppError> {
    if user.email_verified {
        return Err(form_error("form", Msg::new("verify-already")));
    }
    let mut tx = begin(db).await?;
    let key = hash_of(&format!("verify:{}", user.id));
    let sent = sql::requests_since(&mut tx, &key, now - 3600).await.map_err(|e| db::internal("resend", e))?;
    if sent >= REQUESTS_PER_HOUR {
        return Err(form_error("form", Msg::new("verify-too-many").num("max", REQUESTS_PER_HOUR)));
    }
    sql::record_request(&mut tx, &key, now).await.map_err(|e| db::internal("resend", e))?;
    send_verification(&mut tx, user.id, &user.display_name, &user.email, now).await?;
    commit(tx).await
}

/// The address a verification link proves, if the link still works (for its page).
pub async fn verification_target(db: &Db, token: &str, now: i64) -> Result<Option<String>, AppError> {
    let Some(hash) = lookup_hash(token) else { return Ok(None) };
    let mut conn = db.read.acquire().await.map_err(|e| db::internal("verification: acquire", e))?;
    let row = sql::find(&mut conn, Purpose::Verify, &hash).await.map_err(|e| db::internal("verification", e))?;
    Ok(row.filter(|r| r.used_at.is_none() && r.expires_at > now).map(|r| r.email))
}

/// What opening a verification link did.
#[derive(Debug, PartialEq, Eq)]
pub enum Verified {
    /// The account's address is proved.
    Address,
    /// The account's login is now this new address (a change of address).
    NewAddress(String),
}

/// Confirms the address of a verification link: the account's own address is proved, or a new
/// address becomes the login (the old one is told).
pub async fn verify(db: &Db, token: &str, now: i64) -> Result<Verified, AppError> {
    let invalid = || form_error("form", Msg::new("link-invalid"));
    let hash = lookup_hash(token).ok_or_else(invalid)?;
    let mut tx = begin(db).await?;
    let row = sql::find(&mut tx, Purpose::Verify, &hash).await.map_err(|e| db::internal("verify", e))?;
    let row = row.filter(|r| r.used_at.is_none() && r.expires_at > now).ok_or_else(invalid)?;
    let user = users_sql::by_id(&mut tx, row.user_id)
        .await
        .map_err(|e| db::internal("verify: account", e))?
        .filter(|u| u.disabled_at.is_none())
        .ok_or_else(invalid)?;
    if !sql::use_once(&mut tx, row.id, now).await.map_err(|e| db::internal("verify: use", e))? {
        return Err(invalid());
    }
    let outcome = if row.email == user.email {
        Verified::Address
    } else {
        // A change of address: the new one must still be free.
        if users_sql::by_email(&mut tx, &row.email).await.map_err(|e| db::internal("verify: taken", e))?.is_some() {
            return Err(form_error("form", Msg::new("email-taken")));
        }
        let lang = lang_of(&mut tx, user.id).await?;
        let body = Msg::new("email-changed-body").text("name", &user.display_name).text("email", &row.email);
        queue(&mut tx, &user.email, Msg::new("email-changed-subject"), body, lang, now).await?;
        Verified::NewAddress(row.email.clone())
    };
    match users_sql::set_verified_email(&mut tx, user.id, &row.email, now).await {
        Ok(()) => {}
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            return Err(form_error("form", Msg::new("email-taken")))
        }
        Err(e) => return Err(db::internal("verify: set", e)),
    }
    commit(tx).await?;
    Ok(outcome)
}

/// "Mot de passe oublié": sends a reset link if an account has this address. The answer and the
/// work are the same whether it has or not (no one learns who has an account): the request is
/// recorded per address either way, and past [`REQUESTS_PER_HOUR`] nothing more is sent.
pub async fn request_reset(db: &Db, email: &str, now: i64) -> Result<(), AppError> {
    let email = Email::parse(email).map_err(|m| form_error("email", m))?;
    let key = hash_of(&format!("reset:{}", email.as_str()));
    let (token, hash) = new_token();
    let mut tx = begin(db).await?;
    let asked = sql::requests_since(&mut tx, &key, now - 3600).await.map_err(|e| db::internal("reset", e))?;
    sql::record_request(&mut tx, &key, now).await.map_err(|e| db::internal("reset", e))?;
    let user = users_sql::by_email(&mut tx, email.as_str()).await.map_err(|e| db::internal("reset: account", e))?;
    if let Some(u) = user.filter(|u| u.disabled_at.is_none() && asked < REQUESTS_PER_HOUR) {
        sql::replace(&mut tx, u.id, Purpose::Reset, &hash, &u.email, now, RESET_VALID_SECS)
            .await
            .map_err(|e| db::internal("reset link", e))?;
        let lang = lang_of(&mut tx, u.id).await?;
        let body = Msg::new("email-reset-body")
            .text("name", &u.display_name)
            .text("link", reset_link(&token))
            .num("minutes", RESET_VALID_SECS / 60);
        queue(&mut tx, &u.email, Msg::new("email-reset-subject"), body, lang, now).await?;
    }
    commit(tx).await
}

/// Whether a reset link still works (for its page).
pub async fn reset_works(db: &Db, token: &str, now: i64) -> Result<bool, AppError> {
    let Some(hash) = lookup_hash(token) else { return Ok(false) };
    let mut conn = db.read.acquire().await.map_err(|e| db::internal("reset: acquire", e))?;
    let row = sql::find(&mut conn, Purpose::Reset, &hash).await.map_err(|e| db::internal("reset", e))?;
    Ok(row.is_some_and(|r| r.used_at.is_none() && r.expires_at > now))
}

/// Sets a new password through a reset link: the link is used up, every session of the account
/// ends, and the address counts as proved (the link reached it). Returns the account, to log
/// this browser in.
pub async fn reset_password(db: &Db, token: &str, new_password: &str, now: i64) -> Result<CurrentUser, AppError> {
    let invalid = || form_error("form", Msg::new("link-invalid"));
    let hash = lookup_hash(token).ok_or_else(invalid)?;
    let row = {
        let mut conn = db.read.acquire().await.map_err(|e| db::internal("reset: acquire", e))?;
        sql::find(&mut conn, Purpose::Reset, &hash).await.map_err(|e| db::internal("reset", e))?
    };
    let row = row.filter(|r| r.used_at.is_none() && r.expires_at > now).ok_or_else(invalid)?;
    let user = {
        let mut conn = db.read.acquire().await.map_err(|e| db::internal("reset: acquire", e))?;
        users_sql::by_id(&mut conn, row.user_id).await.map_err(|e| db::internal("reset: account", e))?
    };
    let user = user.filter(|u| u.disabled_at.is_none()).ok_or_else(invalid)?;
    let password = Password::parse_new(new_password, &[&user.email, &user.display_name])
        .map_err(|m| form_error("new_password", m))?;
    let phc = passwords::hash(&password).await?;
    let mut tx = begin(db).await?;
    if !sql::use_once(&mut tx, row.id, now).await.map_err(|e| db::internal("reset: use", e))? {
        return Err(invalid());
    }
    users_sql::set_password_hash(&mut tx, user.id, &phc, now).await.map_err(|e| db::internal("reset: set", e))?;
    if row.email == user.email && user.email_verified_at.is_none() {
        users_sql::set_verified_email(&mut tx, user.id, &user.email, now)
            .await
            .map_err(|e| db::internal("reset", e))?;
    }
    users_sql::end_sessions(&mut tx, user.id).await.map_err(|e| db::internal("reset: sessions", e))?;
    sql::void_all(&mut tx, user.id, Purpose::Reset).await.map_err(|e| db::internal("reset: void", e))?;
    let fresh = users_sql::by_id(&mut tx, user.id).await.map_err(|e| db::internal("reset: read", e))?;
    commit(tx).await?;
    fresh.and_then(|u| u.to_current()).ok_or_else(|| db::internal("reset", "account vanished"))
}

/// Asks to change the login address: the current password is needed, and the new address gets a
/// verification link; it becomes the login only once proved (`verify`).
pub async fn change_email(
    db: &Db,
    user: &CurrentUser,
    current: &str,
    new_email: &str,
    now: i64,
) -> Result<String, AppError> {
    let mut errors = FieldErrors::new();
    let email = Email::parse(new_email).map_err(|m| errors.push("new_email", m)).ok();
    let current = Password::parse_attempt(current).map_err(|m| errors.push("email_password", m)).ok();
    let (Some(email), Some(current)) = (email, current) else { return Err(AppError::Validation(errors)) };
    if email.as_str() == user.email {
        return Err(form_error("new_email", Msg::new("email-same")));
    }
    let row = {
        let mut conn = db.read.acquire().await.map_err(|e| db::internal("change e-mail: acquire", e))?;
        users_sql::by_id(&mut conn, user.id).await.map_err(|e| db::internal("change e-mail", e))?
    };
    if !passwords::verify(row.map(|r| r.password_hash), &current).await? {
        return Err(form_error("email_password", Msg::new("password-current-wrong")));
    }
    let mut tx = begin(db).await?;
    if users_sql::by_email(&mut tx, email.as_str()).await.map_err(|e| db::internal("change e-mail", e))?.is_some() {
        return Err(form_error("new_email", Msg::new("email-taken")));
    }
    send_verification(&mut tx, user.id, &user.display_name, email.as_str(), now).await?;
    commit(tx).await?;
    Ok(email.as_str().to_owned())
}

/// Ends every session of `user` (this one too); returns the new epoch, for a session that
/// stays logged in (after a password change).
pub async fn end_all_sessions(db: &Db, user: &CurrentUser) -> Result<i64, AppError> {
    let mut tx = begin(db).await?;
    let epoch = users_sql::end_sessions(&mut tx, user.id).await.map_err(|e| db::internal("end sessions", e))?;
    commit(tx).await?;
    Ok(epoch)
}

/// `entraide user reset-link EMAIL`: a one-time reset link for staff to read out or send to a
/// person who called, under the same rules as the e-mailed ones; audited with `actor`.
pub async fn operator_reset_link(db: &Db, email: &str, actor: &str, now: i64) -> Result<String, String> {
    let email = Email::parse(email).map_err(|m| m.to_string())?;
    let mut tx = db.begin_write().await.map_err(|e| format!("cannot write: {e}"))?;
    let user = users_sql::by_email(&mut tx, email.as_str())
        .await
        .map_err(|e| format!("cannot read the accounts: {e}"))?
        .ok_or_else(|| format!("no account with the e-mail {}", email.as_str()))?;
    if user.disabled_at.is_some() {
        return Err("this account is disabled: enable it first (entraide user enable)".into());
    }
    let (token, hash) = new_token();
    sql::replace(&mut tx, user.id, Purpose::Reset, &hash, &user.email, now, RESET_VALID_SECS)
        .await
        .map_err(|e| format!("cannot store the link: {e}"))?;
    sql::audit(&mut tx, user.id, "reset-link", actor, now).await.map_err(|e| format!("cannot audit: {e}"))?;
    tx.commit().await.map_err(|e| format!("cannot write: {e}"))?;
    Ok(reset_link(&token))
}

/// Refuses what needs a proved address (publishing, answering, writing, reporting) until the
/// person opened the link sent to it.
pub fn require_verified(user: &CurrentUser) -> Result<(), AppError> {
    if user.email_verified || user.role.is_staff() {
        Ok(())
    } else {
        Err(form_error("form", Msg::new("verify-first")))
    }
}

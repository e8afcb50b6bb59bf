//! Accounts: sign up, log in (the same answer for an unknown e-mail and a wrong password),
//! profile and password changes.

use crate::domain::user::{CurrentUser, DisplayName, Email, NewAccount, Password, Role};
use crate::error::{AppError, FieldErrors};
use crate::i18n::{Lang, Msg};
use crate::server::db::Conn;
use crate::server::db::{self, users as sql, Db};
use crate::server::passwords;

/// The one message for every failed log-in: it must not tell whether the account exists.
pub const LOGIN_FAILED: &str = "log-in-wrong";

/// Creates a resident account; its address is not proved yet (a link is sent to it:
/// `account_links::start_verification`).
pub async fn sign_up(db: &Db, account: NewAccount, now: i64) -> Result<CurrentUser, AppError> {
    insert(db, account, Role::Resident, false, now).await
}

/// Creates an account with `role`, its address counted as proved (staff accounts made by an
/// operator on the command line, the demo accounts).
pub async fn create(db: &Db, account: NewAccount, role: Role, now: i64) -> Result<CurrentUser, AppError> {
    insert(db, account, role, true, now).await
}

async fn insert(db: &Db, account: NewAccount, role: Role, verified: bool, now: i64) -> Result<CurrentUser, AppError> {
    let taken = || AppError::Validation(FieldErrors::single("email", Msg::new("email-taken")));
    let hash = passwords::hash(&account.password).await?;
    let mut tx = db.begin_write().await.map_err(|e| db::internal("sign up: begin", e))?;
    if sql::by_email(&mut tx, account.email.as_str()).await.map_err(|e| db::internal("sign up: read", e))?.is_some() {
        return Err(taken());
    }
    let id = match sql::insert(&mut tx, &account, role, &hash, verified, now).await {
        Ok(id) => id,
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => return Err(taken()),
        Err(e) => return Err(db::internal("sign up", e)),
    };
    tx.commit().await.map_err(|e| db::internal("sign up: commit", e))?;
    Ok(CurrentUser {
        id,
        display_name: account.display_name.as_str().to_owned(),
        email: account.email.as_str().to_owned(),
        poster_kind: account.poster_kind,
        organisation: account.organisation,
        role,
        email_notifications: true,
        email_verified: verified,
        session_epoch: 0,
    })
}

/// Checks an e-mail and password. Unknown e-mail, wrong password and disabled account all get
/// the same `LOGIN_FAILED` error, after the same amount of work.
pub async fn log_in(db: &Db, email: &str, password: &str) -> Result<CurrentUser, AppError> {
    let failed = || AppError::Validation(FieldErrors::single("form", Msg::new(LOGIN_FAILED)));
    let password = Password::parse_attempt(password).map_err(|_| failed())?;
    let row = match Email::parse(email) {
        Ok(email) => {
            let mut conn = db.read.acquire().await.map_err(|e| db::internal("log in: acquire", e))?;
            sql::by_email(&mut conn, email.as_str()).await.map_err(|e| db::internal("log in", e))?
        }
        Err(_) => None,
    };
    let ok = passwords::verify(row.as_ref().map(|r| r.password_hash.clone()), &password).await?;
    match row {
        Some(r) if ok && r.disabled_at.is_none() => {
            r.to_current().ok_or_else(|| db::internal("log in", "unknown role or poster kind"))
        }
        _ => Err(failed()),
    }
}

/// The account `id`, if it exists and is not disabled.
pub async fn find_active(db: &Db, id: i64) -> Result<Option<CurrentUser>, AppError> {
    let mut conn = db.read.acquire().await.map_err(|e| db::internal("find user: acquire", e))?;
    let row = sql::by_id(&mut conn, id).await.map_err(|e| db::internal("find user", e))?;
    Ok(row.filter(|r| r.disabled_at.is_none()).and_then(|r| r.to_current()))
}

/// The account with this e-mail, for the operator, or a message saying there is none.
pub(crate) async fn operator_find(conn: &mut Conn, email: &str) -> Result<sql::UserRow, String> {
    let email = Email::parse(email).map_err(|m| m.to_string())?;
    sql::by_email(conn, email.as_str())
        .await
        .map_err(|e| format!("cannot read the accounts: {e}"))?
        .ok_or_else(|| format!("no account with the e-mail {}", email.as_str()))
}

/// Every account, for the operator.
pub async fn list(db: &Db) -> Result<Vec<sql::UserRow>, String> {
    let mut conn = db.read.acquire().await.map_err(|e| e.to_string())?;
    sql::list(&mut conn).await.map_err(|e| format!("cannot read the accounts: {e}"))
}

/// Gives `role` to the account with this e-mail.
pub async fn set_role(db: &Db, email: &str, role: Role, now: i64) -> Result<(), String> {
    let mut conn = db.write.acquire().await.map_err(|e| e.to_string())?;
    let u = operator_find(&mut conn, email).await?;
    sql::set_role(&mut conn, u.id, role, now).await.map_err(|e| format!("cannot change the role: {e}"))
}

/// Disables or enables the account with this e-mail. A disabled account cannot log in, and its
/// sessions end at their next request (`find_active`).
pub async fn set_disabled(db: &Db, email: &str, disabled: bool, now: i64) -> Result<(), String> {
    let mut conn = db.write.acquire().await.map_err(|e| e.to_string())?;
    let u = operator_find(&mut conn, email).await?;
    sql::set_disabled(&mut conn, u.id, disabled.then_some(now), now)
        .await
        .map_err(|e| format!("cannot change the account: {e}"))
}

/// Chooses whether notifications also come by e-mail.
pub async fn set_email_notifications(db: &Db, user: &CurrentUser, on: bool, now: i64) -> Result<(), AppError> {
    let mut conn = db.write.acquire().await.map_err(|e| db::internal("e-mail choice: acquire", e))?;
    sql::set_email_notifications(&mut conn, user.id, on, now).await.map_err(|e| db::internal("e-mail choice", e))
}

/// Remembers the language `user` reads Entraide in: their notifications and e-mails are
/// written in it.
pub async fn remember_lang(db: &Db, user: &CurrentUser, lang: Lang) -> Result<(), AppError> {
    let mut conn = db.write.acquire().await.map_err(|e| db::internal("language: acquire", e))?;
    sql::set_lang(&mut conn, user.id, lang).await.map_err(|e| db::internal("language", e))
}

/// Records a log-in of `user` reading in `lang` (their language, and the visit that keeps
/// their alerts running).
pub async fn record_log_in(db: &Db, user: &CurrentUser, lang: Lang, now: i64) -> Result<(), AppError> {
    let mut conn = db.write.acquire().await.map_err(|e| db::internal("log-in: acquire", e))?;
    sql::set_lang(&mut conn, user.id, lang).await.map_err(|e| db::internal("language", e))?;
    db::alerts::logged_in(&mut conn, user.id, now).await.map_err(|e| db::internal("log-in", e))
}

/// Changes the name others see.
pub async fn rename(db: &Db, user: &CurrentUser, name: DisplayName, now: i64) -> Result<(), AppError> {
    let mut conn = db.write.acquire().await.map_err(|e| db::internal("rename: acquire", e))?;
    sql::set_display_name(&mut conn, user.id, name.as_str(), now).await.map_err(|e| db::internal("rename", e))
}

/// Changes the password, given the current one.
pub async fn change_password(db: &Db, user: &CurrentUser, current: &str, new: &str, now: i64) -> Result<(), AppError> {
    let mut errors = FieldErrors::new();
    let new =
        Password::parse_new(new, &[&user.email, &user.display_name]).map_err(|m| errors.push("new_password", m)).ok();
    let current = Password::parse_attempt(current).map_err(|m| errors.push("current_password", m)).ok();
    let (Some(current), Some(new)) = (current, new) else { return Err(AppError::Validation(errors)) };
    let mut conn = db.write.acquire().await.map_err(|e| db::internal("change password: acquire", e))?;
    let row = sql::by_id(&mut conn, user.id).await.map_err(|e| db::internal("change password", e))?;
    if !passwords::verify(row.map(|r| r.password_hash), &current).await? {
        return Err(AppError::Validation(FieldErrors::single("current_password", Msg::new("password-current-wrong"))));
    }
    let hash = passwords::hash(&new).await?;
    sql::set_password_hash(&mut conn, user.id, &hash, now).await.map_err(|e| db::internal("change password", e))
}

/// Test helper: an account with `role` (display name = the e-mail's local part).
#[cfg(test)]
pub(crate) async fn test_account(db: &Db, email: &str, role: Role, now: i64) -> CurrentUser {
    let form = crate::domain::user::SignUpForm {
        email: email.into(),
        display_name: email.split('@').next().unwrap_or("Claire").into(),
        poster_kind: "individual".into(),
        organisation: String::new(),
        password: "un jardin sous la pluie".into(),
    };
    #[allow(clippy::unwrap_used)]
    create(db, form.parse().unwrap(), role, now).await.unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::user::SignUpForm;

    pub fn form(email: &str) -> SignUpForm {
        SignUpForm {
            email: email.into(),
            display_name: "Claire".into(),
            poster_kind: "individual".into(),
            organisation: String::new(),
            password: "un jardin sous la pluie".into(),
        }
    }

    #[tokio::test]
    async fn sign_up_then_log_in() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let u = sign_up(&db, form("Claire@Exemple.fr").parse().unwrap(), 100).await.unwrap();
        assert_eq!(u.email, "claire@exemple.fr");
        let again = sign_up(&db, form("claire@exemple.fr").parse().unwrap(), 101).await.unwrap_err();
        assert!(
            matches!(&again, AppError::Validation(f) if f.get("email").unwrap().to_string().contains("existe déjà"))
        );

        let logged = log_in(&db, " CLAIRE@exemple.fr", "un jardin sous la pluie").await.unwrap();
        assert_eq!(logged.id, u.id);
        // Exactly as typed: a trailing space is another password.
        let wrong = log_in(&db, "claire@exemple.fr", "un jardin sous la pluie ").await.unwrap_err();
        let unknown = log_in(&db, "personne@exemple.fr", "un jardin sous la pluie").await.unwrap_err();
        assert_eq!(wrong, unknown, "no user enumeration");
        assert_eq!(wrong, AppError::Validation(FieldErrors::single("form", Msg::new(LOGIN_FAILED))));
        let hash: String = db::query_scalar("SELECT password_hash FROM users").fetch_one(&db.read).await.unwrap();
        assert!(hash.starts_with("$argon2id$") && !hash.contains("jardin"));
    }

    #[tokio::test]
    async fn disabled_accounts_cannot_log_in() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let u = sign_up(&db, form("a@exemple.fr").parse().unwrap(), 100).await.unwrap();
        db::query("UPDATE users SET disabled_at = 5 WHERE id = $1").bind(u.id).execute(&db.write).await.unwrap();
        assert!(log_in(&db, "a@exemple.fr", "un jardin sous la pluie").await.is_err());
        assert_eq!(find_active(&db, u.id).await.unwrap(), None);
    }

    #[tokio::test]
    async fn profile_and_password_changes() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let u = sign_up(&db, form("b@exemple.fr").parse().unwrap(), 100).await.unwrap();
        rename(&db, &u, DisplayName::parse("Claire M.").unwrap(), 101).await.unwrap();
        assert_eq!(find_active(&db, u.id).await.unwrap().unwrap().display_name, "Claire M.");

        let e = change_password(&db, &u, "pas le bon mot de passe", "une autre phrase secrète", 102).await.unwrap_err();
        assert!(matches!(&e, AppError::Validation(f) if f.get("current_password").is_some()));
        let e = change_password(&db, &u, "un jardin sous la pluie", "azertyuiop", 102).await.unwrap_err();
        assert!(matches!(&e, AppError::Validation(f) if f.get("new_password").is_some()));
        change_password(&db, &u, "un jardin sous la pluie", "une autre phrase secrète", 102).await.unwrap();
        assert!(log_in(&db, "b@exemple.fr", "un jardin sous la pluie").await.is_err());
        assert!(log_in(&db, "b@exemple.fr", "une autre phrase secrète").await.is_ok());
    }
}

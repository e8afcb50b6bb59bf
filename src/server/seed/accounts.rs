//! Demo accounts, made only by `entraide seed --demo` (a fresh install has no account).
//! Their addresses end in `.invalid` and the README lists them: never load the demo in production.

use crate::domain::user::{Role, SignUpForm};
use crate::error::AppError;
use crate::server::db::{self, users as sql, Db};
use crate::server::services::accounts;

/// The demo password of every demo account.
pub const DEMO_PASSWORD: &str = "démo entraide 68";

/// (e-mail, display name, role) of each demo account.
pub const DEMO_ACCOUNTS: [(&str, &str, Role); 3] = [
    ("moderatrice@demo.entraide.invalid", "Modératrice (démo)", Role::Moderator),
    ("admin@demo.entraide.invalid", "Administrateur (démo)", Role::Admin),
    ("habitante@demo.entraide.invalid", "Habitante (démo)", Role::Resident),
];

/// Creates the demo accounts that do not exist yet. Returns how many were created.
pub async fn demo_accounts(db: &Db, now: i64) -> Result<usize, AppError> {
    let mut created = 0;
    for (email, name, role) in DEMO_ACCOUNTS {
        let mut conn = db.read.acquire().await.map_err(|e| db::internal("seed accounts: acquire", e))?;
        let exists = sql::by_email(&mut conn, email).await.map_err(|e| db::internal("seed accounts", e))?.is_some();
        drop(conn);
        if exists {
            continue;
        }
        let staff = role.is_staff();
        let form = SignUpForm {
            email: email.into(),
            display_name: name.into(),
            poster_kind: if staff { "institution" } else { "individual" }.into(),
            organisation: if staff { "Département du Haut-Rhin" } else { "" }.into(),
            password: DEMO_PASSWORD.into(),
        };
        accounts::create(db, form.parse()?, role, now).await?;
        created += 1;
    }
    Ok(created)
}

//! Demo accounts, made only by `entraide seed --demo` (a fresh install has no account).
//! Their addresses end in `.invalid` and the README lists them: never load the demo in production.

use crate::domain::user::{Role, SignUpForm};
use crate::error::AppError;
use crate::server::db::{self, users as sql, Db};
use crate::server::services::accounts;

/// The domain of every demo address (reserved: it never receives mail).
pub const DEMO_DOMAIN: &str = "@demo.entraide.invalid";

/// The demo password of every demo account.
pub const DEMO_PASSWORD: &str = "démo entraide 68";

/// (e-mail, display name, role) of each demo account.
pub const DEMO_ACCOUNTS: [(&str, &str, Role); 4] = [
    ("moderatrice@demo.entraide.invalid", "Modératrice (démo)", Role::Moderator),
    ("redactrice@demo.entraide.invalid", "Rédactrice (démo)", Role::Editor),
    ("admin@demo.entraide.invalid", "Administrateur (démo)", Role::Admin),
    ("habitante@demo.entraide.invalid", "Habitante (démo)", Role::Resident),
];

/// The demo neighbours who wrote the demo posts: (e-mail, display name).
pub const DEMO_NEIGHBOURS: [(&str, &str); 8] = [
    ("martine@demo.entraide.invalid", "Martine"),
    ("youssef@demo.entraide.invalid", "Youssef"),
    ("odile@demo.entraide.invalid", "Odile"),
    ("thomas@demo.entraide.invalid", "Thomas"),
    ("fatima@demo.entraide.invalid", "Fatima"),
    ("bernard@demo.entraide.invalid", "Bernard"),
    ("lea@demo.entraide.invalid", "Léa"),
    ("joseph@demo.entraide.invalid", "Joseph"),
];

/// The demo neighbour who is a vetted helper (and so the author of the demo offers of the
/// categories that take one).
pub const DEMO_VETTED: &str = "fatima@demo.entraide.invalid";

/// Creates the demo neighbours that do not exist yet; returns the ids of all of them.
pub async fn demo_neighbours(db: &Db, now: i64) -> Result<Vec<i64>, AppError> {
    let mut ids = Vec::with_capacity(DEMO_NEIGHBOURS.len());
    for (email, name) in DEMO_NEIGHBOURS {
        ids.push(ensure(db, email, name, Role::Resident, now).await?);
    }
    Ok(ids)
}

/// The account with this e-mail, created with the demo password if it does not exist.
async fn ensure(db: &Db, email: &str, name: &str, role: Role, now: i64) -> Result<i64, AppError> {
    let mut conn = db.read.acquire().await.map_err(|e| db::internal("seed accounts: acquire", e))?;
    let existing = sql::by_email(&mut conn, email).await.map_err(|e| db::internal("seed accounts", e))?;
    drop(conn);
    if let Some(u) = existing {
        return Ok(u.id);
    }
    let staff = role != Role::Resident;
    let form = SignUpForm {
        email: email.into(),
        display_name: name.into(),
        poster_kind: if staff { "institution" } else { "individual" }.into(),
        organisation: if staff { "Département du Haut-Rhin" } else { "" }.into(),
        password: DEMO_PASSWORD.into(),
    };
    let id = accounts::create(db, form.parse()?, role, now).await?.id;
    // The demo people have read the charter shipped with the application.
    crate::server::services::pages::accept_charter(db, id, now).await?;
    Ok(id)
}

/// Fatima, a demo neighbour, was met by the demo moderator: a vetted helper, who can answer the
/// demo's childcare and home-visit requests (the demo resident cannot, and reads how to become
/// one).
pub async fn demo_vetted(db: &Db, now: i64) -> Result<(), AppError> {
    use crate::domain::vetting::CheckForm;
    let fatima = ensure(db, DEMO_VETTED, "Fatima", Role::Resident, now).await?;
    let staff = ensure(db, "moderatrice@demo.entraide.invalid", "Modératrice (démo)", Role::Moderator, now).await?;
    let check = CheckForm {
        identity_seen: "on".into(),
        association: "Centre socioculturel de Colmar".into(),
        checked_on: crate::domain::period::format_date(now - 20 * 86_400),
        checked_by: "Modératrice (démo)".into(),
    }
    .parse(now)
    .map_err(|_| db::internal("seed: vetting", "the demo check does not parse"))?;
    let mut tx = db.begin_write().await.map_err(|e| db::internal("seed: vetting", e))?;
    db::vetting::record(&mut tx, fatima, &check, staff, now).await.map_err(|e| db::internal("seed: vetting", e))?;
    tx.commit().await.map_err(|e| db::internal("seed: vetting", e))
}

/// Creates the demo accounts that do not exist yet. Returns how many were created.
pub async fn demo_accounts(db: &Db, now: i64) -> Result<usize, AppError> {
    let mut created = 0;
    for (email, name, role) in DEMO_ACCOUNTS {
        let mut conn = db.read.acquire().await.map_err(|e| db::internal("seed accounts: acquire", e))?;
        let exists = sql::by_email(&mut conn, email).await.map_err(|e| db::internal("seed accounts", e))?.is_some();
        drop(conn);
        if !exists {
            ensure(db, email, name, role, now).await?;
            created += 1;
        }
    }
    Ok(created)
}

//! Territories (#19 §2): one instance serves several, each with its communes and its staff.
//! The Haut-Rhin ships in the binary and is written to the database at each start when missing;
//! an operator adds others from the national open-data lists (`entraide territory add`). A post
//! belongs to the territory of its commune; a moderator or admin acts only within their
//! territories (`staff_territories`), or everywhere when they have none (national).

use crate::domain::geo::MultiPolygon;
use crate::domain::territory::{Scope, TerritoryCode};
use crate::domain::user::CurrentUser;
use crate::domain::LatLng;
use crate::error::AppError;
use crate::server::communes::{Commune, Communes};
use crate::server::db::territories::{self as sql, CommuneRow, NewTerritory, TerritoryRow};
use crate::server::db::{self, Db};

fn row_of(c: &Commune) -> Result<CommuneRow, String> {
    Ok(CommuneRow {
        insee: c.insee.clone(),
        territory: c.territory.as_str().to_owned(),
        name: c.name.clone(),
        postcodes: c.postcodes.join(" "),
        population: i64::from(c.population),
        lat: c.town_hall.lat,
        lon: c.town_hall.lon,
        outline: serde_json::to_string(&c.shape.polygons).map_err(|e| format!("outline of {}: {e}", c.insee))?,
    })
}

fn commune_of(r: CommuneRow) -> Result<Commune, String> {
    let bad = |what: &str| format!("stored commune {}: {what}", r.insee);
    let territory = TerritoryCode::parse(&r.territory).map_err(|_| bad("territory"))?;
    let polygons = serde_json::from_str(&r.outline).map_err(|e| bad(&format!("outline: {e}")))?;
    let town_hall = LatLng::parse(r.lat, r.lon).map_err(|_| bad("town hall"))?;
    let population = u32::try_from(r.population).map_err(|_| bad("population"))?;
    Ok(Communes::commune(
        r.insee,
        r.name,
        territory,
        r.postcodes.split_whitespace().map(str::to_owned).collect(),
        population,
        town_hall,
        MultiPolygon { polygons },
    ))
}

/// The communes served, read at start: the Haut-Rhin's written first if missing (a new
/// database, or one made before territories).
pub async fn load(db: &Db) -> Result<Communes, String> {
    let built_in = Communes::haut_rhin()?;
    let fail = |e: sqlx::Error| format!("cannot read the territories: {e}");
    let mut tx = db.begin_write().await.map_err(fail)?;
    let stored = sql::commune_count(&mut tx, Communes::HAUT_RHIN).await.map_err(fail)?;
    if usize::try_from(stored).unwrap_or(0) < built_in.all().len() {
        for c in built_in.all() {
            sql::insert_commune(&mut tx, &row_of(c)?).await.map_err(fail)?;
        }
    }
    tx.commit().await.map_err(fail)?;
    let mut conn = db.read.acquire().await.map_err(fail)?;
    let rows = sql::communes(&mut conn).await.map_err(fail)?;
    let list = rows.into_iter().map(commune_of).collect::<Result<Vec<_>, _>>()?;
    Communes::from_list(list).ok_or_else(|| "no commune is served".to_owned())
}

/// What `entraide territory add` is given.
#[derive(Debug)]
pub struct Addition {
    pub code: String,
    pub name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub emergency: String,
}

/// Adds a territory and its communes in one transaction. Refused, naming them, when some of
/// the communes already belong to another territory, or when the code is taken.
pub async fn add(db: &Db, a: &Addition, communes: &Communes, now: i64) -> Result<usize, String> {
    let code = TerritoryCode::parse(&a.code).map_err(|m| m.to_string())?;
    let name = a.name.trim();
    if name.is_empty() || name.chars().count() > 80 {
        return Err("give the territory a name of 1 to 80 characters (--name)".into());
    }
    if communes.all().iter().any(|c| c.territory != code) {
        return Err("the communes were read for another territory".into());
    }
    let fail = |e: sqlx::Error| format!("cannot add the territory: {e}");
    let mut tx = db.begin_write().await.map_err(fail)?;
    if sql::list(&mut tx).await.map_err(fail)?.iter().any(|t| t.code == code.as_str()) {
        return Err(format!("the territory {code} exists already"));
    }
    let insee: Vec<String> = communes.all().iter().map(|c| c.insee.clone()).collect();
    let taken = sql::owners(&mut tx, &insee).await.map_err(fail)?;
    if !taken.is_empty() {
        let names: Vec<String> = taken.iter().take(10).map(|(i, t)| format!("{i} ({t})")).collect();
        return Err(format!(
            "{} of these communes belong to another territory already: {}{}",
            taken.len(),
            names.join(", "),
            if taken.len() > 10 { ", …" } else { "" }
        ));
    }
    let t = NewTerritory {
        code: code.as_str(),
        name,
        contact_email: a.contact_email.trim(),
        contact_phone: a.contact_phone.trim(),
        emergency: a.emergency.trim(),
        built_in: false,
    };
    sql::insert(&mut tx, &t, now).await.map_err(fail)?;
    for c in communes.all() {
        sql::insert_commune(&mut tx, &row_of(c)?).await.map_err(fail)?;
    }
    tx.commit().await.map_err(fail)?;
    Ok(communes.all().len())
}

/// What `entraide territory set` changes (`None`: kept).
#[derive(Debug, Default)]
pub struct Changes {
    pub name: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub emergency: Option<String>,
}

/// Changes the name, contact or emergency details of a territory (the built-in one too).
pub async fn set(db: &Db, code: &str, c: &Changes) -> Result<(), String> {
    let code = TerritoryCode::parse(code).map_err(|m| m.to_string())?;
    let name = c.name.as_deref().map(str::trim);
    if name.is_some_and(|n| n.is_empty() || n.chars().count() > 80) {
        return Err("give the territory a name of 1 to 80 characters (--name)".into());
    }
    let trim = |v: &Option<String>| v.as_deref().map(str::trim).map(str::to_owned);
    let mut conn = db.write.acquire().await.map_err(|e| e.to_string())?;
    let (email, phone, emergency) = (trim(&c.contact_email), trim(&c.contact_phone), trim(&c.emergency));
    let found = sql::update(&mut conn, code.as_str(), name, email.as_deref(), phone.as_deref(), emergency.as_deref())
        .await
        .map_err(|e| format!("cannot change the territory: {e}"))?;
    if found {
        Ok(())
    } else {
        Err(format!("no territory {code}"))
    }
}

/// What a territory adds to the national emergency numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalHelp {
    /// The territory's name.
    pub territory: String,
    /// Its own emergency numbers or services (may be empty).
    pub emergency: String,
    /// Its team's phone (may be empty).
    pub phone: String,
}

/// What the territory of `at` adds to the national emergency numbers (its name, its own
/// services, its team's phone), if it says anything.
pub async fn local_help(db: &Db, communes: &Communes, at: LatLng) -> Result<Option<LocalHelp>, AppError> {
    let Some(c) = communes.locate(at) else { return Ok(None) };
    let mut conn = db.read.acquire().await.map_err(|e| db::internal("local help: acquire", e))?;
    let found = sql::help_of(&mut conn, c.territory.as_str()).await.map_err(|e| db::internal("local help", e))?;
    Ok(found
        .filter(|(_, emergency, phone)| !emergency.is_empty() || !phone.is_empty())
        .map(|(territory, emergency, phone)| LocalHelp { territory, emergency, phone }))
}

/// Every territory, for the operator.
pub async fn list(db: &Db) -> Result<Vec<TerritoryRow>, String> {
    let mut conn = db.read.acquire().await.map_err(|e| e.to_string())?;
    sql::list(&mut conn).await.map_err(|e| format!("cannot read the territories: {e}"))
}

/// Where staff member `me` acts.
pub async fn scope_of(db: &Db, me: &CurrentUser) -> Result<Scope, AppError> {
    let mut conn = db.read.acquire().await.map_err(|e| db::internal("scope: acquire", e))?;
    let rows = sql::scope_of(&mut conn, me.id).await.map_err(|e| db::internal("scope", e))?;
    let codes = rows.iter().filter_map(|c| TerritoryCode::parse(c).ok()).collect();
    Ok(Scope::from_rows(codes))
}

/// `entraide user territories`: the territories of the staff member with this e-mail (none:
/// national). Every code must name a territory.
pub async fn set_scope(db: &Db, email: &str, scope: &Scope) -> Result<(), String> {
    let fail = |e: sqlx::Error| format!("cannot change the territories: {e}");
    let mut tx = db.begin_write().await.map_err(fail)?;
    let user = super::accounts::operator_find(&mut tx, email).await?;
    let known: Vec<String> = sql::list(&mut tx).await.map_err(fail)?.into_iter().map(|t| t.code).collect();
    let codes: Vec<String> = match scope {
        Scope::National => Vec::new(),
        Scope::Only(codes) => codes.iter().map(|c| c.as_str().to_owned()).collect(),
    };
    if let Some(unknown) = codes.iter().find(|c| !known.contains(c)) {
        return Err(format!("no territory {unknown} (known: {})", known.join(", ")));
    }
    sql::set_scope(&mut tx, user.id, &codes).await.map_err(fail)?;
    tx.commit().await.map_err(fail)
}

/// The bounds of the territory with this code, to open the map on it.
pub fn bounds(communes: &Communes, code: &str) -> Option<crate::domain::BBox> {
    communes.bounds_of(&TerritoryCode::parse(code).ok()?)
}

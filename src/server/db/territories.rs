//! SQL for territories: their communes, and the territories each staff member acts in.
//! No authorization decisions here; `post_in_scope` is the one filter the staff queries share.

use super::sql::{self, Conn};

/// A territory as stored, with how many communes it has.
#[derive(Debug, sqlx::FromRow)]
pub struct TerritoryRow {
    pub code: String,
    pub name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub emergency: String,
    pub built_in: bool,
    pub communes: i64,
}

/// A commune as stored.
#[derive(Debug, sqlx::FromRow)]
pub struct CommuneRow {
    pub insee: String,
    pub territory: String,
    pub name: String,
    pub postcodes: String,
    pub population: i64,
    pub lat: f64,
    pub lon: f64,
    pub outline: String,
}

/// A territory to add.
#[derive(Debug)]
pub struct NewTerritory<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub contact_email: &'a str,
    pub contact_phone: &'a str,
    pub emergency: &'a str,
    pub built_in: bool,
}

/// The SQL condition "the post aliased `alias` lies in a territory of the staff member bound
/// at `$param`, or that staff member has no territory (national)".
pub fn post_in_scope(alias: &str, param: usize) -> String {
    format!(
        "(NOT EXISTS (SELECT 1 FROM staff_territories WHERE user_id = ${param}) OR {alias}.commune_insee IN \
         (SELECT tc.insee FROM territory_communes tc JOIN staff_territories st ON st.territory = tc.territory \
         WHERE st.user_id = ${param}))"
    )
}

/// `post_in_scope` in a query being built, for staff member `staff`.
pub fn push_post_in_scope(qb: &mut sql::QueryBuilder<'_>, alias: &str, staff: Option<i64>) {
    qb.push("(NOT EXISTS (SELECT 1 FROM staff_territories WHERE user_id = ")
        .push_bind(staff)
        .push(format!(") OR {alias}.commune_insee IN (SELECT tc.insee FROM territory_communes tc "))
        .push("JOIN staff_territories st ON st.territory = tc.territory WHERE st.user_id = ")
        .push_bind(staff)
        .push("))");
}

pub async fn list(conn: &mut Conn) -> Result<Vec<TerritoryRow>, sqlx::Error> {
    sql::query_as(
        "SELECT t.code, t.name, t.contact_email, t.contact_phone, t.emergency, t.built_in, \
         (SELECT count(*) FROM territory_communes c WHERE c.territory = t.code) AS communes \
         FROM territories t ORDER BY t.code",
    )
    .fetch_all(conn)
    .await
}

pub async fn insert(conn: &mut Conn, t: &NewTerritory<'_>, now: i64) -> Result<(), sqlx::Error> {
    sql::query(
        "INSERT INTO territories (code, name, contact_email, contact_phone, emergency, built_in, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(t.code)
    .bind(t.name)
    .bind(t.contact_email)
    .bind(t.contact_phone)
    .bind(t.emergency)
    .bind(t.built_in)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Changes what is given of a territory (`None`: kept); `false` if there is no such territory.
pub async fn update(
    conn: &mut Conn,
    code: &str,
    name: Option<&str>,
    contact_email: Option<&str>,
    contact_phone: Option<&str>,
    emergency: Option<&str>,
) -> Result<bool, sqlx::Error> {
    let done = sql::query(
        "UPDATE territories SET name = coalesce($2, name), contact_email = coalesce($3, contact_email), \
         contact_phone = coalesce($4, contact_phone), emergency = coalesce($5, emergency) WHERE code = $1",
    )
    .bind(code)
    .bind(name)
    .bind(contact_email)
    .bind(contact_phone)
    .bind(emergency)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The name, local emergency services and team phone of territory `code`.
pub async fn help_of(conn: &mut Conn, code: &str) -> Result<Option<(String, String, String)>, sqlx::Error> {
    sql::query_as("SELECT name, emergency, contact_phone FROM territories WHERE code = $1")
        .bind(code)
        .fetch_optional(conn)
        .await
}

/// The name, contact e-mail and phone of the territory of post `post_id`.
pub async fn contact_of_post(conn: &mut Conn, post_id: i64) -> Result<Option<(String, String, String)>, sqlx::Error> {
    sql::query_as(
        "SELECT t.name, t.contact_email, t.contact_phone FROM posts p \
         JOIN territory_communes c ON c.insee = p.commune_insee JOIN territories t ON t.code = c.territory \
         WHERE p.id = $1",
    )
    .bind(post_id)
    .fetch_optional(conn)
    .await
}

/// How many communes `territory` has.
pub async fn commune_count(conn: &mut Conn, territory: &str) -> Result<i64, sqlx::Error> {
    sql::query_scalar("SELECT count(*) FROM territory_communes WHERE territory = $1")
        .bind(territory)
        .fetch_one(conn)
        .await
}

/// Adds a commune; one already stored is left as it is (`false`).
pub async fn insert_commune(conn: &mut Conn, c: &CommuneRow) -> Result<bool, sqlx::Error> {
    let done = sql::query(
        "INSERT INTO territory_communes (insee, territory, name, postcodes, population, lat, lon, outline) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (insee) DO NOTHING",
    )
    .bind(&c.insee)
    .bind(&c.territory)
    .bind(&c.name)
    .bind(&c.postcodes)
    .bind(c.population)
    .bind(c.lat)
    .bind(c.lon)
    .bind(&c.outline)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Every stored commune.
pub async fn communes(conn: &mut Conn) -> Result<Vec<CommuneRow>, sqlx::Error> {
    sql::query_as(
        "SELECT insee, territory, name, postcodes, population, lat, lon, outline FROM territory_communes ORDER BY insee",
    )
    .fetch_all(conn)
    .await
}

/// The territory each of these communes already belongs to, if any.
pub async fn owners(conn: &mut Conn, insee: &[String]) -> Result<Vec<(String, String)>, sqlx::Error> {
    let json = serde_json::to_string(insee).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    let listed = conn.engine().json_texts("$1");
    sql::query_as(&format!(
        "SELECT c.insee, c.territory FROM territory_communes c WHERE c.insee IN {listed} ORDER BY c.insee"
    ))
    .bind(json)
    .fetch_all(conn)
    .await
}

/// The territory of a commune.
pub async fn of_commune(conn: &mut Conn, insee: &str) -> Result<Option<String>, sqlx::Error> {
    sql::query_scalar("SELECT territory FROM territory_communes WHERE insee = $1")
        .bind(insee)
        .fetch_optional(conn)
        .await
}

/// The territories staff member `user_id` acts in (none: national).
pub async fn scope_of(conn: &mut Conn, user_id: i64) -> Result<Vec<String>, sqlx::Error> {
    sql::query_scalar("SELECT territory FROM staff_territories WHERE user_id = $1 ORDER BY territory")
        .bind(user_id)
        .fetch_all(conn)
        .await
}

/// The territories staff member `user_id` acts in, as « Name (code) » (none: national).
pub async fn scope_names(conn: &mut Conn, user_id: i64) -> Result<Vec<String>, sqlx::Error> {
    sql::query_scalar(
        "SELECT t.name || ' (' || t.code || ')' FROM staff_territories s JOIN territories t ON t.code = s.territory \
         WHERE s.user_id = $1 ORDER BY t.name",
    )
    .bind(user_id)
    .fetch_all(conn)
    .await
}

/// Replaces the territories of `user_id` (none: national).
pub async fn set_scope(conn: &mut Conn, user_id: i64, codes: &[String]) -> Result<(), sqlx::Error> {
    sql::query("DELETE FROM staff_territories WHERE user_id = $1").bind(user_id).execute(&mut *conn).await?;
    for code in codes {
        sql::query("INSERT INTO staff_territories (user_id, territory) VALUES ($1, $2)")
            .bind(user_id)
            .bind(code)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

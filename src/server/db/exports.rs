//! SQL for exports: the posts of a period page by page (by id, so a long export never holds
//! them all), the public posts for the open data, and the audit of staff exports. No
//! authorization decisions here.

use super::sql::{self, Conn};

/// A post as staff exports carry it: never the exact point, the author or the private note.
/// The `person_*` and consent columns are read only for the admins' full export.
#[derive(Debug, sqlx::FromRow)]
pub struct ExportRow {
    pub id: i64,
    pub kind: String,
    pub category: String,
    pub poster_kind: String,
    pub status: String,
    pub title: String,
    pub description: String,
    pub commune_insee: String,
    pub commune_name: String,
    pub public_lat: f64,
    pub public_lon: f64,
    pub created_at: i64,
    pub updated_at: i64,
    pub expires_at: i64,
    pub hidden: bool,
    pub by_phone: bool,
    pub answers: i64,
    pub first_answer_at: Option<i64>,
    pub accepted_at: Option<i64>,
    /// When it happens, if it says.
    #[sqlx(flatten)]
    pub schedule: super::posts::ScheduleRow,
    /// Published for someone close, with their agreement.
    pub for_relative: bool,
    pub person_name: Option<String>,
    pub person_phone: Option<String>,
    pub street: Option<String>,
    pub call_times: Option<String>,
    pub share_phone: Option<bool>,
    pub consent_at: Option<i64>,
    pub consent_by: Option<String>,
}

/// What to read.
#[derive(Clone, Debug)]
pub struct Selection {
    pub from: i64,
    pub to: i64,
    pub commune: Option<String>,
    pub category: Option<String>,
    /// With the phone-intake records (admins' full export).
    pub people: bool,
    /// The staff member exporting: only the posts of their territories.
    pub staff: i64,
}

/// The next `limit` posts created in the period and matching, after post `after`, by id.
pub async fn page(conn: &mut Conn, s: &Selection, after: i64, limit: i64) -> Result<Vec<ExportRow>, sqlx::Error> {
    sql::query_as(&format!(
        "SELECT p.id, p.kind, p.category, p.poster_kind, p.status, p.title, p.description, p.commune_insee, \
         p.commune_name, p.public_lat, p.public_lon, p.created_at, p.updated_at, p.expires_at, \
         p.hidden_at IS NOT NULL AS hidden, i.post_id IS NOT NULL AS by_phone, \
         (SELECT COUNT(*) FROM conversations c WHERE c.post_id = p.id) AS answers, \
         (SELECT MIN(c.created_at) FROM conversations c WHERE c.post_id = p.id) AS first_answer_at, \
         (SELECT MIN(c.accepted_at) FROM conversations c WHERE c.post_id = p.id) AS accepted_at, \
         p.when_kind, p.when_day, p.when_days, p.when_from, p.when_to, p.when_until, \
         p.relative_consent_at IS NOT NULL AS for_relative, \
         CASE WHEN $6 THEN i.person_name END AS person_name, \
         CASE WHEN $6 THEN i.person_phone END AS person_phone, \
         CASE WHEN $6 THEN i.street END AS street, \
         CASE WHEN $6 THEN i.call_times END AS call_times, \
         CASE WHEN $6 THEN i.share_phone END AS share_phone, \
         CASE WHEN $6 THEN i.consent_at END AS consent_at, \
         CASE WHEN $6 THEN u.display_name END AS consent_by \
         FROM posts p LEFT JOIN intakes i ON i.post_id = p.id LEFT JOIN users u ON u.id = i.consent_by \
         WHERE p.created_at >= $1 AND p.created_at < $2 AND ($3 IS NULL OR p.commune_insee = $3) \
         AND ($4 IS NULL OR p.category = $4) AND p.building_id IS NULL AND p.id > $5 AND {} \
         ORDER BY p.id LIMIT $7",
        super::territories::post_in_scope("p", 8)
    ))
    .bind(s.from)
    .bind(s.to)
    .bind(&s.commune)
    .bind(&s.category)
    .bind(after)
    .bind(s.people)
    .bind(limit)
    .bind(s.staff)
    .fetch_all(conn)
    .await
}

/// A public post as the open data carries it.
#[derive(Debug, sqlx::FromRow)]
pub struct OpenRow {
    pub id: i64,
    pub kind: String,
    pub category: String,
    pub poster_kind: String,
    pub status: String,
    pub title: String,
    pub commune_insee: String,
    pub commune_name: String,
    pub public_lat: f64,
    pub public_lon: f64,
    pub created_at: i64,
    pub expires_at: i64,
}

/// The next `limit` public posts (on the map at `now`: public, not hidden, not expired, not taken
/// off the map by their author) after post `after`, by id.
pub async fn public_page(conn: &mut Conn, now: i64, after: i64, limit: i64) -> Result<Vec<OpenRow>, sqlx::Error> {
    sql::query_as(
        "SELECT p.id, p.kind, p.category, p.poster_kind, p.status, p.title, p.commune_insee, p.commune_name, \
         p.public_lat, p.public_lon, p.created_at, p.expires_at FROM posts p \
         WHERE p.status IN ('published', 'in-progress') AND p.hidden_at IS NULL AND p.expires_at > $1 \
         AND p.building_id IS NULL \
         AND NOT (p.status = 'in-progress' AND p.off_map_in_progress = TRUE) AND p.id > $2 ORDER BY p.id LIMIT $3",
    )
    .bind(now)
    .bind(after)
    .bind(limit)
    .fetch_all(conn)
    .await
}

/// Records an export by `actor_id`.
pub async fn audit(conn: &mut Conn, actor_id: i64, format: &str, s: &Selection, now: i64) -> Result<(), sqlx::Error> {
    sql::query(
        "INSERT INTO export_audit (actor_id, format, period_from, period_to, commune, category, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(actor_id)
    .bind(format)
    .bind(s.from)
    .bind(s.to)
    .bind(&s.commune)
    .bind(&s.category)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

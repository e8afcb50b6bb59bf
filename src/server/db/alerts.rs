//! SQL of alerts: the alerts and their R*Tree, each person's settings, the queue of posts to
//! announce and the fan-out that writes what the matching alerts are told. No authorization
//! here; `delete` and `of_user` are scoped to the account given.
//!
//! The fan-out is set-based: five statements in the worker's transaction (hits, in-app
//! notifications, immediate e-mails, pushes, done), whatever the number of alerts matched; nothing
//! crosses into Rust row by row. `make bench` runs the very same text on a bare connection.

use super::sql::{self, Conn, Engine};
use crate::domain::alert::{circle_box, km_per_deg_lon, EmailMode};
use crate::domain::{LatLng, PostKind};

/// An alert as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AlertRow {
    pub id: i64,
    pub place_label: String,
    pub commune_insee: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub radius_km: i64,
    pub categories: String,
    pub kind: Option<String>,
    pub created_at: i64,
}

/// A new alert.
pub struct NewAlertRow<'a> {
    pub user_id: i64,
    pub place_label: &'a str,
    pub commune_insee: Option<&'a str>,
    pub centre: LatLng,
    pub radius_km: u32,
    pub categories: &'a str,
    pub kind: Option<PostKind>,
    pub at: i64,
}

pub async fn count_of_user(conn: &mut Conn, user_id: i64) -> Result<i64, sqlx::Error> {
    sql::query_scalar("SELECT count(*) FROM alerts WHERE user_id = $1").bind(user_id).fetch_one(conn).await
}

/// Saves an alert and its box in the R*Tree; its id.
pub async fn insert(conn: &mut Conn, a: &NewAlertRow<'_>) -> Result<i64, sqlx::Error> {
    let id: i64 = sql::query_scalar(
        "INSERT INTO alerts (user_id, place_label, commune_insee, lat, lon, radius_km, categories, kind, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(a.user_id)
    .bind(a.place_label)
    .bind(a.commune_insee)
    .bind(a.centre.lat)
    .bind(a.centre.lon)
    .bind(i64::from(a.radius_km))
    .bind(a.categories)
    .bind(a.kind.map(|k| k.slug()))
    .bind(a.at)
    .fetch_one(&mut *conn)
    .await?;
    let (s, n, w, e) = circle_box(a.centre, f64::from(a.radius_km));
    sql::query("INSERT INTO alerts_geo (id, min_lat, max_lat, min_lon, max_lon) VALUES ($1, $2, $3, $4, $5)")
        .bind(id)
        .bind(s)
        .bind(n)
        .bind(w)
        .bind(e)
        .execute(conn)
        .await?;
    Ok(id)
}

/// Removes alert `id` of `user_id`; whether there was one.
pub async fn delete(conn: &mut Conn, user_id: i64, id: i64) -> Result<bool, sqlx::Error> {
    let gone = sql::query("DELETE FROM alerts WHERE id = $1 AND user_id = $2")
        .bind(id)
        .bind(user_id)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    if gone == 1 {
        sql::query("DELETE FROM alerts_geo WHERE id = $1").bind(id).execute(conn).await?;
    }
    Ok(gone == 1)
}

/// The alerts of one account, oldest first.
pub async fn of_user(conn: &mut Conn, user_id: i64) -> Result<Vec<AlertRow>, sqlx::Error> {
    sql::query_as(
        "SELECT id, place_label, commune_insee, lat, lon, radius_km, categories, kind, created_at \
         FROM alerts WHERE user_id = $1 ORDER BY id",
    )
    .bind(user_id)
    .fetch_all(conn)
    .await
}

/// A person's settings as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SettingsRow {
    pub email: String,
    pub digest_hour: i64,
    pub unsubscribe_token: String,
    pub last_digest_at: i64,
    pub paused_at: Option<i64>,
}

pub async fn settings(conn: &mut Conn, user_id: i64) -> Result<Option<SettingsRow>, sqlx::Error> {
    sql::query_as(
        "SELECT email, digest_hour, unsubscribe_token, last_digest_at, paused_at FROM alert_settings WHERE user_id = $1",
    )
    .bind(user_id)
    .fetch_optional(conn)
    .await
}

/// Creates the settings of `user_id` with their defaults and `token`, unless they exist.
pub async fn ensure_settings(conn: &mut Conn, user_id: i64, token: &str, now: i64) -> Result<(), sqlx::Error> {
    sql::query(
        "INSERT INTO alert_settings (user_id, unsubscribe_token, last_digest_at, updated_at) VALUES ($1, $2, $3, $3) \
         ON CONFLICT (user_id) DO NOTHING",
    )
    .bind(user_id)
    .bind(token)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Changes how `user_id` is told. Choosing the digest starts its clock now (what is waiting
/// goes in the next one).
pub async fn save_settings(
    conn: &mut Conn,
    user_id: i64,
    email: EmailMode,
    digest_hour: u8,
    now: i64,
) -> Result<(), sqlx::Error> {
    sql::query(
        "UPDATE alert_settings SET \
           last_digest_at = CASE WHEN email <> 'digest' AND $2 = 'digest' THEN $4 ELSE last_digest_at END, \
           email = $2, digest_hour = $3, updated_at = $4 WHERE user_id = $1",
    )
    .bind(user_id)
    .bind(email.slug())
    .bind(i64::from(digest_hour))
    .bind(now)
    .execute(&mut *conn)
    .await?;
    // Posts that waited for a digest are not sent once the digest is left.
    if email != EmailMode::Digest {
        sql::query("UPDATE alert_hits SET emailed = TRUE WHERE user_id = $1 AND emailed = FALSE")
            .bind(user_id)
            .execute(conn)
            .await?;
    }
    Ok(())
}

/// The account whose unsubscribe token is `token`, and its e-mail mode.
pub async fn by_token(conn: &mut Conn, token: &str) -> Result<Option<(i64, String)>, sqlx::Error> {
    sql::query_as("SELECT user_id, email FROM alert_settings WHERE unsubscribe_token = $1")
        .bind(token)
        .fetch_optional(conn)
        .await
}

/// Resumes alerts that paused themselves.
pub async fn resume(conn: &mut Conn, user_id: i64, now: i64) -> Result<bool, sqlx::Error> {
    Ok(sql::query(
        "UPDATE alert_settings SET paused_at = NULL, updated_at = $2 WHERE user_id = $1 AND paused_at IS NOT NULL",
    )
    .bind(user_id)
    .bind(now)
    .execute(conn)
    .await?
    .rows_affected()
        == 1)
}

/// Queues the post in `$1` for its alerts if it is on the public map and was never queued (run
/// by `posts::sync_index`, in the transaction that put it there).
pub fn queue_sql(engine: Engine) -> String {
    format!(
        "INSERT INTO alert_fanout (post_id, queued_at) SELECT id, {} \
         FROM posts_geo WHERE id = $1 ON CONFLICT (post_id) DO NOTHING",
        engine.now_seconds()
    )
}

/// Posts waiting for their alerts, oldest first.
pub async fn queued(conn: &mut Conn, limit: i64) -> Result<Vec<i64>, sqlx::Error> {
    sql::query_scalar("SELECT post_id FROM alert_fanout WHERE done_at IS NULL ORDER BY post_id LIMIT $1")
        .bind(limit)
        .fetch_all(conn)
        .await
}

/// What the fan-out needs of a post: on the public map now, its point, category, kind, author.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FanoutPost {
    pub id: i64,
    pub public_lat: f64,
    pub public_lon: f64,
    pub category: String,
    pub kind: String,
    pub author_id: Option<i64>,
    pub title: String,
    pub commune_name: String,
}

/// The post to announce, if it is still on the public map.
pub async fn fanout_post(conn: &mut Conn, id: i64) -> Result<Option<FanoutPost>, sqlx::Error> {
    sql::query_as(
        "SELECT p.id, p.public_lat, p.public_lon, p.category, p.kind, p.author_id, p.title, p.commune_name \
         FROM posts p WHERE p.id = $1 AND EXISTS (SELECT 1 FROM posts_geo g WHERE g.id = p.id)",
    )
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// The fan-out's statements, with their parameters:
/// `?1` post id, `?2` public latitude, `?3` public longitude, `?4` km per degree of longitude
/// there, `?5` ",category,", `?6` kind, `?7` author id (or -1), `?8` now.
/// 1. One hit per person whose alert's box holds the point and whose circle does too (the
///    domain's `within_km`), of the right category and kind, not the author, not paused; never
///    a second one for the same post.
pub const HITS_SQL: &str = "INSERT INTO alert_hits (user_id, post_id, alert_id, created_at, emailed) \
     SELECT a.user_id, ?1, min(a.id), ?8, CASE s.email WHEN 'digest' THEN FALSE ELSE TRUE END \
     FROM alerts_geo g CROSS JOIN alerts a ON a.id = g.id \
     JOIN alert_settings s ON s.user_id = a.user_id \
     JOIN users u ON u.id = a.user_id \
     WHERE g.min_lat <= ?2 AND g.max_lat >= ?2 AND g.min_lon <= ?3 AND g.max_lon >= ?3 \
       AND (a.categories = '' OR instr(a.categories, ?5) > 0) AND (a.kind IS NULL OR a.kind = ?6) \
       AND ((a.lat - ?2) * 111.32) * ((a.lat - ?2) * 111.32) + ((a.lon - ?3) * ?4) * ((a.lon - ?3) * ?4) \
           <= a.radius_km * a.radius_km \
       AND a.user_id <> ?7 AND s.paused_at IS NULL AND u.disabled_at IS NULL AND u.deleted_at IS NULL \
     GROUP BY a.user_id, s.email \
     ON CONFLICT (user_id, post_id) DO NOTHING";

/// 2. The in-app notification of each new hit, in the person's language: `?1` post, `?2`
///    now, `?3` the French words, `?4` the English ones.
pub const NOTIFY_SQL: &str = "INSERT INTO notifications (user_id, post_id, kind, body, created_at) \
     SELECT h.user_id, h.post_id, 'alert', CASE u.lang WHEN 'en' THEN ?4 ELSE ?3 END, ?2 \
     FROM alert_hits h JOIN users u ON u.id = h.user_id WHERE h.post_id = ?1 AND h.created_at = ?2";

/// 3. The e-mail of each new hit whose person wants them at once: `?1` post, `?2` now, `?3`
///    and `?4` the French subject and body, `?5` and `?6` the English ones (`{token}` in the
///    body becomes the person's unsubscribe token), `?7` the site's address.
pub const EMAIL_SQL: &str = "INSERT INTO outbox (to_email, subject, body, post_id, created_at, unsubscribe_url) \
     SELECT u.email, CASE u.lang WHEN 'en' THEN ?5 ELSE ?3 END, \
            replace(CASE u.lang WHEN 'en' THEN ?6 ELSE ?4 END, '{token}', s.unsubscribe_token), \
            h.post_id, ?2, ?7 || '/alertes/desabonner/' || s.unsubscribe_token \
     FROM alert_hits h JOIN users u ON u.id = h.user_id JOIN alert_settings s ON s.user_id = h.user_id \
     WHERE h.post_id = ?1 AND h.created_at = ?2 AND s.email = 'instant'";

/// 4. The push of each new hit to each browser of the person (Web Push), in their language:
///    `?1` post, `?2` now, `?3` the French payload, `?4` the English one.
pub const PUSH_SQL: &str = "INSERT INTO push_outbox (subscription_id, payload, created_at) \
     SELECT s.id, CASE u.lang WHEN 'en' THEN ?4 ELSE ?3 END, ?2 \
     FROM alert_hits h JOIN users u ON u.id = h.user_id JOIN push_subscriptions s ON s.user_id = h.user_id \
     WHERE h.post_id = ?1 AND h.created_at = ?2";

/// 5. Done.
pub const DONE_SQL: &str = "UPDATE alert_fanout SET done_at = ?2 WHERE post_id = ?1";

/// The words of one fan-out, in each language.
pub struct FanoutWords {
    pub notification: [String; 2],
    pub subject: [String; 2],
    /// With `{token}` where the unsubscribe token goes.
    pub email: [String; 2],
    /// The JSON the service worker shows.
    pub push: [String; 2],
    pub site_url: String,
}

/// A fan-out statement in `engine`'s terms: on PostgreSQL, `$n` parameters, `strpos`, a plain
/// join, and the GiST index of `alerts_geo` asked whether an alert's area holds the point.
fn in_engine(engine: Engine, sqlite: &'static str) -> std::borrow::Cow<'static, str> {
    if engine == Engine::Sqlite {
        return std::borrow::Cow::Borrowed(sqlite);
    }
    let text = sqlite
        .replace("CROSS JOIN alerts a ON", "JOIN alerts a ON")
        .replace("instr(a.categories, ?5) > 0", "strpos(a.categories, ?5) > 0")
        .replace(
            "g.min_lat <= ?2 AND g.max_lat >= ?2 AND g.min_lon <= ?3 AND g.max_lon >= ?3",
            "g.area && ST_SetSRID(ST_MakePoint(?3, ?2), 4326)",
        );
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(if c == '?' && chars.peek().is_some_and(char::is_ascii_digit) { '$' } else { c });
    }
    std::borrow::Cow::Owned(out)
}

/// Runs the fan-out of `post` at `now`; how many people were told.
pub async fn fan_out(conn: &mut Conn, post: &FanoutPost, words: &FanoutWords, now: i64) -> Result<u64, sqlx::Error> {
    let at = LatLng { lat: post.public_lat, lon: post.public_lon };
    let engine = conn.engine();
    let told = sql::query(&in_engine(engine, HITS_SQL))
        .bind(post.id)
        .bind(at.lat)
        .bind(at.lon)
        .bind(km_per_deg_lon(at))
        .bind(format!(",{},", post.category))
        .bind(&post.kind)
        .bind(post.author_id.unwrap_or(-1))
        .bind(now)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    if told > 0 {
        sql::query(&in_engine(engine, NOTIFY_SQL))
            .bind(post.id)
            .bind(now)
            .bind(&words.notification[0])
            .bind(&words.notification[1])
            .execute(&mut *conn)
            .await?;
        sql::query(&in_engine(engine, EMAIL_SQL))
            .bind(post.id)
            .bind(now)
            .bind(&words.subject[0])
            .bind(&words.email[0])
            .bind(&words.subject[1])
            .bind(&words.email[1])
            .bind(&words.site_url)
            .execute(&mut *conn)
            .await?;
        sql::query(&in_engine(engine, PUSH_SQL))
            .bind(post.id)
            .bind(now)
            .bind(&words.push[0])
            .bind(&words.push[1])
            .execute(&mut *conn)
            .await?;
    }
    sql::query(&in_engine(engine, DONE_SQL)).bind(post.id).bind(now).execute(conn).await?;
    Ok(told)
}

/// Marks a queued post done without announcing it (it left the map before its turn).
pub async fn skip(conn: &mut Conn, id: i64, now: i64) -> Result<(), sqlx::Error> {
    let engine = conn.engine();
    sql::query(&in_engine(engine, DONE_SQL)).bind(id).bind(now).execute(conn).await?;
    Ok(())
}

/// Someone whose digest may be due.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DigestReader {
    pub user_id: i64,
    pub email: String,
    pub lang: String,
    pub digest_hour: i64,
    pub last_digest_at: i64,
    pub unsubscribe_token: String,
}

/// People on the digest with posts waiting for it.
pub async fn digest_readers(conn: &mut Conn) -> Result<Vec<DigestReader>, sqlx::Error> {
    sql::query_as(
        "SELECT s.user_id, u.email, u.lang, s.digest_hour, s.last_digest_at, s.unsubscribe_token \
         FROM alert_settings s JOIN users u ON u.id = s.user_id \
         WHERE s.email = 'digest' AND u.disabled_at IS NULL AND u.deleted_at IS NULL \
           AND EXISTS (SELECT 1 FROM alert_hits h WHERE h.user_id = s.user_id AND h.emailed = FALSE)",
    )
    .fetch_all(conn)
    .await
}

/// A post waiting in someone's digest.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DigestItem {
    pub post_id: i64,
    pub title: String,
    pub commune_name: String,
    pub category: String,
    pub kind: String,
}

/// The posts waiting in the digest of `user_id` that are still on the public map, oldest first.
pub async fn digest_items(conn: &mut Conn, user_id: i64) -> Result<Vec<DigestItem>, sqlx::Error> {
    sql::query_as(
        "SELECT p.id AS post_id, p.title, p.commune_name, p.category, p.kind \
         FROM alert_hits h JOIN posts p ON p.id = h.post_id \
         WHERE h.user_id = $1 AND h.emailed = FALSE AND EXISTS (SELECT 1 FROM posts_geo g WHERE g.id = p.id) \
         ORDER BY h.created_at, p.id",
    )
    .bind(user_id)
    .fetch_all(conn)
    .await
}

/// The digest of `user_id` was sent (or had nothing left to say) at `now`.
pub async fn digested(conn: &mut Conn, user_id: i64, now: i64) -> Result<(), sqlx::Error> {
    sql::query("UPDATE alert_hits SET emailed = TRUE WHERE user_id = $1 AND emailed = FALSE")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    sql::query("UPDATE alert_settings SET last_digest_at = $2 WHERE user_id = $1")
        .bind(user_id)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// People with alerts running who have not logged in since `before`.
pub async fn to_pause(conn: &mut Conn, before: i64) -> Result<Vec<i64>, sqlx::Error> {
    sql::query_scalar(
        "SELECT s.user_id FROM alert_settings s JOIN users u ON u.id = s.user_id \
         WHERE s.paused_at IS NULL AND coalesce(u.last_login_at, u.created_at) < $1 \
           AND s.updated_at < $1 AND EXISTS (SELECT 1 FROM alerts a WHERE a.user_id = s.user_id)",
    )
    .bind(before)
    .fetch_all(conn)
    .await
}

pub async fn pause(conn: &mut Conn, user_id: i64, now: i64) -> Result<(), sqlx::Error> {
    sql::query("UPDATE alert_settings SET paused_at = $2 WHERE user_id = $1 AND paused_at IS NULL")
        .bind(user_id)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// Records a log-in (the alerts' clock of visits).
pub async fn logged_in(conn: &mut Conn, user_id: i64, now: i64) -> Result<(), sqlx::Error> {
    sql::query("UPDATE users SET last_login_at = $2 WHERE id = $1").bind(user_id).bind(now).execute(conn).await?;
    Ok(())
}

/// Everything about the alerts of `user_id` (erasure of the account).
pub async fn erase_user(conn: &mut Conn, user_id: i64) -> Result<(), sqlx::Error> {
    sql::query("DELETE FROM alerts_geo WHERE id IN (SELECT id FROM alerts WHERE user_id = $1)")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    for table in ["alerts", "alert_settings", "alert_hits"] {
        sql::query(&format!("DELETE FROM {table} WHERE user_id = $1")).bind(user_id).execute(&mut *conn).await?;
    }
    Ok(())
}

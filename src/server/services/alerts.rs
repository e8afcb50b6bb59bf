//! Alerts: « Mes alertes » (each person's own), the one-click unsubscribe, and the worker that
//! tells the people whose alerts a new public post matches.
//!
//! A post is queued for its alerts in the transaction that first puts it on the public map
//! (`db::posts::sync_index`, whatever made it public: approval, redaction, phone intake). The
//! worker takes the queue in order and, for each post, writes the hits, the in-app
//! notifications and the immediate e-mails in one transaction, then marks it done: a crash
//! before the commit leaves the post queued; the hits' key makes a second pass tell nobody twice.

use std::sync::OnceLock;

use crate::domain::alert::{
    categories_column, categories_of_column, digest_due, AlertForm, AlertPlace, AlertSettings, AlertSettingsForm,
    EmailMode, MAX_ALERTS, PAUSE_AFTER_SECS,
};
use crate::domain::commune::resolve;
use crate::domain::notification::NotificationKind;
use crate::domain::privacy::public_point_for;
use crate::domain::user::CurrentUser;
use crate::error::{AppError, FieldErrors};
use crate::i18n::{Lang, Msg};
use crate::server::communes::Communes;
use crate::server::db::alerts::{self as sql, FanoutWords, NewAlertRow};
use crate::server::db::{self, Db};
use crate::server::services::notifications::{notify, site_url};
use crate::wire::alerts::{AlertView, MyAlerts, Unsubscribe};

/// Posts announced per pass of the worker (more wait for the next pass, at once).
const PER_PASS: i64 = 20;

fn fail(what: &'static str) -> impl Fn(sqlx::Error) -> AppError {
    move |e| db::internal(what, e)
}

/// A new unsubscribe token: 32 random bytes in hexadecimal.
fn new_token() -> String {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// My alerts and settings.
pub async fn mine(db: &Db, me: &CurrentUser) -> Result<MyAlerts, AppError> {
    let mut conn = db.read.acquire().await.map_err(fail("alerts: acquire"))?;
    let rows = sql::of_user(&mut conn, me.id).await.map_err(fail("alerts"))?;
    let settings = sql::settings(&mut conn, me.id).await.map_err(fail("alerts: settings"))?;
    let alerts = rows
        .into_iter()
        .map(|r| AlertView {
            id: r.id,
            place: r.place_label,
            around_position: r.commune_insee.is_none(),
            radius_km: r.radius_km.clamp(1, 30) as u32,
            categories: categories_of_column(&r.categories),
            kind: r.kind.and_then(|k| k.parse().ok()),
        })
        .collect();
    let (settings, paused) = match settings {
        Some(s) => (
            AlertSettings { email: s.email.parse().unwrap_or_default(), digest_hour: s.digest_hour.clamp(0, 23) as u8 },
            s.paused_at.is_some(),
        ),
        None => (AlertSettings::default(), false),
    };
    let push_devices = db::push::count_of_user(&mut conn, me.id).await.map_err(fail("alerts: push"))?;
    Ok(MyAlerts {
        alerts,
        settings,
        paused,
        max: MAX_ALERTS,
        push_key: super::push::server_public_key().map(str::to_owned),
        push_devices: push_devices.clamp(0, 1000) as u32,
    })
}

/// Saves a new alert of mine; its id.
pub async fn create(
    db: &Db,
    communes: &Communes,
    me: &CurrentUser,
    form: &AlertForm,
    now: i64,
) -> Result<i64, AppError> {
    let refs = communes.refs();
    let alert = form.parse(|typed| resolve(typed, &refs))?;
    let (label, insee, centre) = match &alert.place {
        AlertPlace::Commune(insee) => {
            let c = communes.by_insee(insee).ok_or_else(|| db::internal("alert", "resolved commune not found"))?;
            (c.name.clone(), Some(c.insee.clone()), c.town_hall)
        }
        AlertPlace::Position(p) => match communes.locate(*p) {
            // Kept only as precisely as a post's public point there: the centre of its cell.
            Some(c) => (c.name.clone(), None, public_point_for(*p, (0.0, 0.0), c.privacy_area(), c.town_hall)),
            None => return Err(FieldErrors::single("place", Msg::new("alert-position-outside")).into()),
        },
    };
    let mut tx = db.begin_write().await.map_err(fail("alert: begin"))?;
    if sql::count_of_user(&mut tx, me.id).await.map_err(fail("alert: count"))? >= MAX_ALERTS as i64 {
        return Err(FieldErrors::single("form", Msg::new("alert-too-many").num("max", MAX_ALERTS as i64)).into());
    }
    let categories = categories_column(&alert.categories);
    let row = NewAlertRow {
        user_id: me.id,
        place_label: &label,
        commune_insee: insee.as_deref(),
        centre,
        radius_km: alert.radius_km,
        categories: &categories,
        kind: alert.kind,
        at: now,
    };
    let id = sql::insert(&mut tx, &row).await.map_err(fail("alert"))?;
    sql::ensure_settings(&mut tx, me.id, &new_token(), now).await.map_err(fail("alert: settings"))?;
    tx.commit().await.map_err(fail("alert: commit"))?;
    Ok(id)
}

/// Removes an alert of mine (`NotFound` for anyone else's).
pub async fn delete(db: &Db, me: &CurrentUser, id: i64) -> Result<(), AppError> {
    let mut tx = db.begin_write().await.map_err(fail("alert delete: begin"))?;
    if !sql::delete(&mut tx, me.id, id).await.map_err(fail("alert delete"))? {
        return Err(AppError::NotFound);
    }
    tx.commit().await.map_err(fail("alert delete: commit"))
}

/// Changes how I am told.
pub async fn save_settings(db: &Db, me: &CurrentUser, form: &AlertSettingsForm, now: i64) -> Result<(), AppError> {
    let s = form.parse()?;
    let mut tx = db.begin_write().await.map_err(fail("alert settings: begin"))?;
    sql::ensure_settings(&mut tx, me.id, &new_token(), now).await.map_err(fail("alert settings"))?;
    sql::save_settings(&mut tx, me.id, s.email, s.digest_hour, now).await.map_err(fail("alert settings"))?;
    tx.commit().await.map_err(fail("alert settings: commit"))
}

/// Starts my paused alerts again.
pub async fn resume(db: &Db, me: &CurrentUser, now: i64) -> Result<(), AppError> {
    let mut conn = db.write.acquire().await.map_err(fail("alerts resume: acquire"))?;
    sql::resume(&mut conn, me.id, now).await.map_err(fail("alerts resume"))?;
    Ok(())
}

/// Whether a token is plausible before it reaches the database (hexadecimal, 64 characters).
fn token_shape(token: &str) -> bool {
    token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

/// What the unsubscribe page of `token` shows (`NotFound` for an unknown token).
pub async fn unsubscribe_state(db: &Db, token: &str) -> Result<Unsubscribe, AppError> {
    if !token_shape(token) {
        return Err(AppError::NotFound);
    }
    let mut conn = db.read.acquire().await.map_err(fail("unsubscribe: acquire"))?;
    match sql::by_token(&mut conn, token).await.map_err(fail("unsubscribe"))? {
        Some((_, email)) => Ok(Unsubscribe { email_on: email != EmailMode::Off.slug() }),
        None => Err(AppError::NotFound),
    }
}

/// The one-click unsubscribe: the alerts of the token's account stop coming by e-mail (they
/// stay in the app). No log-in: the token is the authority, and it can do nothing else.
pub async fn unsubscribe(db: &Db, token: &str, now: i64) -> Result<(), AppError> {
    if !token_shape(token) {
        return Err(AppError::NotFound);
    }
    let mut tx = db.begin_write().await.map_err(fail("unsubscribe: begin"))?;
    let Some((user_id, email)) = sql::by_token(&mut tx, token).await.map_err(fail("unsubscribe"))? else {
        return Err(AppError::NotFound);
    };
    if email != EmailMode::Off.slug() {
        let hour = sql::settings(&mut tx, user_id)
            .await
            .map_err(fail("unsubscribe"))?
            .map_or(18, |s| s.digest_hour.clamp(0, 23) as u8);
        sql::save_settings(&mut tx, user_id, EmailMode::Off, hour, now).await.map_err(fail("unsubscribe"))?;
        tracing::info!(user = user_id, "alert e-mails turned off by the unsubscribe link");
    }
    tx.commit().await.map_err(fail("unsubscribe: commit"))
}

/// The words telling about `post`, in each language.
pub(crate) fn words_for(post: &sql::FanoutPost) -> FanoutWords {
    let said = Msg::new("alert-notify")
        .label("kind", "kind", &post.kind)
        .label("category", "category", &post.category)
        .text("title", post.title.as_str())
        .text("commune", post.commune_name.as_str());
    let link = format!("{}/posts/{}", site_url(), post.id);
    let in_lang = |lang: Lang| {
        let body = said.say_in(lang);
        let email = Msg::new("alert-email")
            .text("body", body.as_str())
            .text("link", link.as_str())
            .text("settings", format!("{}/alertes", site_url()))
            .text("unsubscribe", format!("{}/alertes/desabonner/{{token}}", site_url()))
            .say_in(lang);
        let subject = NotificationKind::Alert.subject().say_in(lang);
        let push = serde_json::json!({
            "title": subject,
            "body": body,
            "url": format!("/posts/{}", post.id),
            "tag": format!("alerte-{}", post.id),
        })
        .to_string();
        (body, subject, email, push)
    };
    let (fr, en) = (in_lang(Lang::Fr), in_lang(Lang::En));
    FanoutWords {
        notification: [fr.0, en.0],
        subject: [fr.1, en.1],
        email: [fr.2, en.2],
        push: [fr.3, en.3],
        site_url: site_url().to_owned(),
    }
}

/// Announces the queued posts to their alerts; how many people were told. Each post in its own
/// transaction.
pub async fn fan_out_queued(db: &Db, now: i64) -> Result<u64, AppError> {
    let mut told = 0;
    loop {
        let queued = {
            let mut conn = db.read.acquire().await.map_err(fail("alerts queue: acquire"))?;
            sql::queued(&mut conn, PER_PASS).await.map_err(fail("alerts queue"))?
        };
        if queued.is_empty() {
            return Ok(told);
        }
        for id in queued {
            let mut tx = db.begin_write().await.map_err(fail("fan-out: begin"))?;
            let n = match sql::fanout_post(&mut tx, id).await.map_err(fail("fan-out: post"))? {
                Some(post) => {
                    let words = words_for(&post);
                    sql::fan_out(&mut tx, &post, &words, now).await.map_err(fail("fan-out"))?
                }
                // It left the map before its turn: nobody is told about it.
                None => {
                    sql::skip(&mut tx, id, now).await.map_err(fail("fan-out: skip"))?;
                    0
                }
            };
            tx.commit().await.map_err(fail("fan-out: commit"))?;
            told += n;
            if n > 0 {
                tracing::info!(post = id, people = n, "alerts sent");
                crate::server::metrics::alerts_sent(n);
            }
        }
        crate::server::mailer::wake();
        crate::server::services::push::wake();
    }
}

/// Sends the digests due at `now`; how many were sent.
pub async fn send_digests(db: &Db, now: i64) -> Result<usize, AppError> {
    let readers = {
        let mut conn = db.read.acquire().await.map_err(fail("digests: acquire"))?;
        sql::digest_readers(&mut conn).await.map_err(fail("digests"))?
    };
    let mut sent = 0;
    for r in readers {
        if !digest_due(now, r.last_digest_at, r.digest_hour.clamp(0, 23) as u8) {
            continue;
        }
        let lang = Lang::from_code(&r.lang).unwrap_or_default();
        let mut tx = db.begin_write().await.map_err(fail("digest: begin"))?;
        let items = sql::digest_items(&mut tx, r.user_id).await.map_err(fail("digest: items"))?;
        if !items.is_empty() {
            let lines: Vec<String> = items
                .iter()
                .map(|i| {
                    Msg::new("alert-digest-line")
                        .label("kind", "kind", &i.kind)
                        .label("category", "category", &i.category)
                        .text("title", i.title.as_str())
                        .text("commune", i.commune_name.as_str())
                        .text("link", format!("{}/posts/{}", site_url(), i.post_id))
                        .say_in(lang)
                })
                .collect();
            let unsubscribe = format!("{}/alertes/desabonner/{}", site_url(), r.unsubscribe_token);
            let body = Msg::new("alert-digest")
                .num("count", items.len() as i64)
                .text("posts", lines.join("\n\n"))
                .text("settings", format!("{}/alertes", site_url()))
                .text("unsubscribe", unsubscribe.as_str())
                .say_in(lang);
            let subject = Msg::new("alert-digest-subject").num("count", items.len() as i64).say_in(lang);
            let e = db::notifications::NewEmail {
                to: &r.email,
                subject: &subject,
                body: &body,
                post_id: None,
                conversation_id: None,
                at: now,
                // It names other people's posts: emptied once sent (an erased post's title
                // must not stay in the outbox).
                erase_after_send: true,
            };
            db::notifications::queue_email_with_unsubscribe(&mut tx, &e, &unsubscribe)
                .await
                .map_err(fail("digest: queue"))?;
            sent += 1;
        }
        sql::digested(&mut tx, r.user_id, now).await.map_err(fail("digest: done"))?;
        tx.commit().await.map_err(fail("digest: commit"))?;
    }
    if sent > 0 {
        crate::server::mailer::wake();
    }
    Ok(sent)
}

/// Pauses the alerts of people who have not visited for six months, and tells them (one click
/// in « Mes alertes » starts them again); how many were paused.
pub async fn pause_idle(db: &Db, now: i64) -> Result<usize, AppError> {
    let idle = {
        let mut conn = db.read.acquire().await.map_err(fail("alerts idle: acquire"))?;
        sql::to_pause(&mut conn, now - PAUSE_AFTER_SECS).await.map_err(fail("alerts idle"))?
    };
    for user_id in &idle {
        let mut tx = db.begin_write().await.map_err(fail("alerts pause: begin"))?;
        sql::pause(&mut tx, *user_id, now).await.map_err(fail("alerts pause"))?;
        let said = [Msg::new("alert-paused")];
        notify(&mut tx, *user_id, None, None, NotificationKind::AlertsPaused, &said, "/alertes", now).await?;
        tx.commit().await.map_err(fail("alerts pause: commit"))?;
    }
    Ok(idle.len())
}

/// The daily part of the alerts, run with the other sweeps: digests due, idle alerts paused.
pub async fn sweep(db: &Db, now: i64) -> Result<(usize, usize), AppError> {
    Ok((send_digests(db, now).await?, pause_idle(db, now).await?))
}

fn waker() -> &'static tokio::sync::Notify {
    static WAKER: OnceLock<tokio::sync::Notify> = OnceLock::new();
    WAKER.get_or_init(tokio::sync::Notify::new)
}

/// Asks the worker to look at the queue now (a post was just made public).
pub fn wake() {
    waker().notify_one();
}

/// The worker: announces queued posts every few seconds, at once when woken.
pub async fn run(db: Db) {
    loop {
        if let Err(e) = fan_out_queued(&db, super::now()).await {
            tracing::error!("alerts: {e:?}");
        }
        tokio::select! {
            _ = tokio::time::sleep(std::time::Duration::from_secs(10)) => {}
            _ = waker().notified() => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::alert::AlertRule;
    use crate::domain::user::Role;
    use crate::domain::{Category, LatLng, PostKind, PostStatus};
    use crate::server::services::posts::tests::{creation, COLMAR, MULHOUSE, NOW};
    use crate::server::services::{accounts, moderation, posts};

    const DAY: i64 = 86_400;

    async fn count(db: &Db, sql: &str) -> i64 {
        db::query_scalar(sql).fetch_one(&db.read).await.expect("count")
    }

    fn form(place: &str, radius: &str, cats: &[Category], kind: &str) -> AlertForm {
        AlertForm {
            place: place.into(),
            radius: radius.into(),
            categories: cats.iter().map(|c| c.slug().to_owned()).collect(),
            kind: kind.into(),
            ..AlertForm::default()
        }
    }

    /// A pending post by `author` at `at`, approved by `staff` at `now`; its id.
    async fn approved(
        db: &Db,
        author: &CurrentUser,
        staff: &CurrentUser,
        title: &str,
        category: Category,
        at: LatLng,
        now: i64,
    ) -> i64 {
        let mut c = creation(title, PostKind::Request, category, at, PostStatus::Pending);
        c.author_id = Some(author.id);
        c.created_at = now - 60;
        let id = posts::create(db, &Communes::haut_rhin().expect("communes"), c).await.expect("post");
        moderation::approve(db, staff, id, now).await.expect("approved");
        id
    }

    #[tokio::test]
    async fn an_approved_post_inside_an_alert_tells_its_owner_once_in_the_app_and_by_e_mail() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let communes = Communes::haut_rhin().expect("communes");
        let staff = accounts::test_account(&db, "moderation@departement.fr", Role::Moderator, NOW - DAY).await;
        let author = accounts::test_account(&db, "auteure@exemple.fr", Role::Resident, NOW - DAY).await;
        let volunteer = accounts::test_account(&db, "benevole@exemple.fr", Role::Resident, NOW - DAY).await;
        let other = accounts::test_account(&db, "autre@exemple.fr", Role::Resident, NOW - DAY).await;
        create(&db, &communes, &volunteer, &form("Mulhouse", "5", &[Category::Childcare], "all"), NOW)
            .await
            .expect("alert");
        // Two alerts of one person matching the same post: told once.
        create(&db, &communes, &volunteer, &form("68200", "10", &[], "request"), NOW).await.expect("alert");
        // The author's own alert: never told about their own post.
        create(&db, &communes, &author, &form("Mulhouse", "30", &[], ""), NOW).await.expect("alert");
        // Someone in Colmar, 5 km: Mulhouse is 37 km away.
        create(&db, &communes, &other, &form("Colmar", "5", &[], ""), NOW).await.expect("alert");

        // The volunteer's phone receives pushes.
        let mut conn = db.write.acquire().await.expect("conn");
        db::push::subscribe(
            &mut conn,
            volunteer.id,
            "https://fcm.googleapis.com/fcm/send/x",
            &"B".repeat(87),
            &"a".repeat(22),
            NOW,
        )
        .await
        .expect("subscribed");
        drop(conn);
        let inside =
            approved(&db, &author, &staff, "Garde d'enfants mercredi", Category::Childcare, MULHOUSE, NOW).await;
        assert_eq!(fan_out_queued(&db, NOW + 1).await.expect("fan-out"), 1);
        let push: String = db::query_scalar("SELECT payload FROM push_outbox").fetch_one(&db.read).await.expect("push");
        let push: serde_json::Value = serde_json::from_str(&push).expect("JSON");
        assert_eq!(push["url"], format!("/posts/{inside}"));
        assert!(push["body"].as_str().unwrap_or_default().contains("Garde d'enfants mercredi"), "{push}");
        assert_eq!(count(&db, "SELECT count(*) FROM alert_hits").await, 1);
        let (to, body): (i64, String) = db::query_as("SELECT user_id, body FROM notifications WHERE kind = 'alert'")
            .fetch_one(&db.read)
            .await
            .expect("notification");
        assert_eq!(to, volunteer.id);
        assert!(body.contains("Garde d'enfants mercredi") && body.contains("Mulhouse"), "{body}");
        let (email, mail, unsubscribe): (String, String, String) = db::query_as(
            "SELECT to_email, body, unsubscribe_url FROM outbox WHERE post_id = $1 AND unsubscribe_url IS NOT NULL",
        )
        .bind(inside)
        .fetch_one(&db.read)
        .await
        .expect("e-mail");
        assert_eq!(email, "benevole@exemple.fr");
        let token: String = db::query_scalar("SELECT unsubscribe_token FROM alert_settings WHERE user_id = $1")
            .bind(volunteer.id)
            .fetch_one(&db.read)
            .await
            .expect("token");
        assert!(unsubscribe.ends_with(&format!("/alertes/desabonner/{token}")), "{unsubscribe}");
        assert!(mail.contains(&unsubscribe) && mail.contains(&format!("/posts/{inside}")), "{mail}");
        assert!(mail.contains("/alertes\n"), "the settings' link: {mail}");

        // Done once: another pass, an edit, a second approval path tell nobody again.
        assert_eq!(fan_out_queued(&db, NOW + 2).await.expect("again"), 0);
        let mut tx = db.begin_write().await.expect("tx");
        db::posts::sync_index(&mut tx, inside).await.expect("re-index");
        tx.commit().await.expect("commit");
        assert_eq!(fan_out_queued(&db, NOW + 3).await.expect("again"), 0);
        assert_eq!(count(&db, "SELECT count(*) FROM notifications WHERE kind = 'alert'").await, 1);

        // Outside every circle, or another category: nothing.
        let colmar_food =
            approved(&db, &author, &staff, "Colis alimentaire", Category::FoodAid, COLMAR, NOW + 10).await;
        let far = LatLng { lat: 47.60, lon: 7.10 };
        approved(&db, &author, &staff, "Garde au sud", Category::Childcare, far, NOW + 10).await;
        assert_eq!(fan_out_queued(&db, NOW + 11).await.expect("fan-out"), 1, "only Colmar's alert");
        let told: Vec<(i64, i64)> = db::query_as("SELECT user_id, post_id FROM alert_hits ORDER BY post_id")
            .fetch_all(&db.read)
            .await
            .expect("hits");
        assert_eq!(told, [(volunteer.id, inside), (other.id, colmar_food)]);
        assert_eq!(count(&db, "SELECT count(*) FROM alert_fanout WHERE done_at IS NULL").await, 0);
    }

    #[tokio::test]
    async fn a_pending_post_or_one_that_left_the_map_is_not_announced() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let communes = Communes::haut_rhin().expect("communes");
        let staff = accounts::test_account(&db, "moderation@departement.fr", Role::Moderator, NOW - DAY).await;
        let volunteer = accounts::test_account(&db, "benevole@exemple.fr", Role::Resident, NOW - DAY).await;
        create(&db, &communes, &volunteer, &form("Colmar", "5", &[], ""), NOW).await.expect("alert");
        let c = creation("En attente", PostKind::Request, Category::Groceries, COLMAR, PostStatus::Pending);
        let pending = posts::create(&db, &communes, c).await.expect("post");
        assert_eq!(fan_out_queued(&db, NOW).await.expect("fan-out"), 0);
        assert_eq!(count(&db, "SELECT count(*) FROM alert_fanout WHERE post_id > 0").await, 0, "not queued");
        // Approved, then taken off the map before the worker's turn: skipped, done.
        moderation::approve(&db, &staff, pending, NOW).await.expect("approved");
        db::query("DELETE FROM posts_geo WHERE id = $1").bind(pending).execute(&db.write).await.expect("off the map");
        assert_eq!(fan_out_queued(&db, NOW).await.expect("fan-out"), 0);
        assert_eq!(count(&db, "SELECT count(*) FROM alert_fanout WHERE done_at IS NOT NULL").await, 1);
    }

    /// A small deterministic generator (the test's own, not the seed's).
    struct Lcg(u64);
    impl Lcg {
        fn unit(&mut self) -> f64 {
            self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (self.0 >> 11) as f64 / (1u64 << 53) as f64
        }
        fn below(&mut self, n: usize) -> usize {
            ((self.unit() * n as f64) as usize).min(n - 1)
        }
    }

    #[tokio::test]
    async fn the_spatial_fan_out_tells_exactly_whom_a_brute_force_over_every_alert_finds() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let communes = Communes::haut_rhin().expect("communes");
        let mut rng = Lcg(42);
        let mut users = Vec::new();
        for i in 0..40 {
            let id: i64 = db::query_scalar(
                "INSERT INTO users (email, display_name, poster_kind, password_hash, created_at, updated_at) \
                 VALUES ($1, 'Bénévole', 'individual', '!', $2, $2) RETURNING id",
            )
            .bind(format!("b{i}@exemple.fr"))
            .bind(NOW - DAY)
            .fetch_one(&db.write)
            .await
            .expect("user");
            users.push(CurrentUser {
                id,
                display_name: "Bénévole".into(),
                email: format!("b{i}@exemple.fr"),
                poster_kind: crate::domain::PosterKind::Individual,
                organisation: None,
                role: Role::Resident,
                email_notifications: true,
                email_verified: true,
                session_epoch: 0,
            });
        }
        let around =
            |rng: &mut Lcg| LatLng { lat: 47.75 + (rng.unit() - 0.5) * 0.4, lon: 7.33 + (rng.unit() - 0.5) * 0.4 };
        let mut made = 0;
        while made < 300 {
            let me = &users[rng.below(users.len())];
            let p = around(&mut rng);
            let cats: Vec<Category> = Category::ALL.into_iter().filter(|_| rng.unit() < 0.25).collect();
            let kind = ["", "request", "offer"][rng.below(3)];
            let radius = (1 + rng.below(30)).to_string();
            let f = AlertForm { lat: p.lat.to_string(), lon: p.lon.to_string(), ..form("", &radius, &cats, kind) };
            // Ten alerts at most per person, and positions outside every commune are refused.
            if create(&db, &communes, me, &f, NOW).await.is_ok() {
                made += 1;
            }
        }
        let author = &users[0];
        let mut ids = Vec::new();
        for i in 0..60 {
            let kind = if rng.unit() < 0.5 { PostKind::Request } else { PostKind::Offer };
            let mut c = creation(
                &format!("Annonce {i}"),
                kind,
                Category::ALL[rng.below(9)],
                around(&mut rng),
                PostStatus::Published,
            );
            c.author_id = Some(author.id);
            c.created_at = NOW;
            if let Ok(id) = posts::create(&db, &communes, c).await {
                ids.push(id);
            }
        }
        fan_out_queued(&db, NOW + 1).await.expect("fan-out");

        let alerts: Vec<(i64, f64, f64, i64, String, Option<String>)> =
            db::query_as("SELECT user_id, lat, lon, radius_km, categories, kind FROM alerts")
                .fetch_all(&db.read)
                .await
                .expect("alerts");
        let mut expected = Vec::new();
        for id in &ids {
            let (lat, lon, category, kind): (f64, f64, String, String) =
                db::query_as("SELECT public_lat, public_lon, category, kind FROM posts WHERE id = $1")
                    .bind(id)
                    .fetch_one(&db.read)
                    .await
                    .expect("post");
            let (category, kind) = (category.parse().expect("category"), kind.parse().expect("kind"));
            let mut told: Vec<i64> = alerts
                .iter()
                .filter(|a| a.0 != author.id)
                .filter(|a| {
                    let rule = AlertRule {
                        centre: LatLng { lat: a.1, lon: a.2 },
                        radius_km: a.3 as f64,
                        categories: categories_of_column(&a.4),
                        kind: a.5.as_deref().and_then(|k| k.parse().ok()),
                    };
                    rule.matches(LatLng { lat, lon }, category, kind)
                })
                .map(|a| a.0)
                .collect();
            told.sort();
            told.dedup();
            expected.extend(told.into_iter().map(|u| (*id, u)));
        }
        let got: Vec<(i64, i64)> = db::query_as("SELECT post_id, user_id FROM alert_hits ORDER BY post_id, user_id")
            .fetch_all(&db.read)
            .await
            .expect("hits");
        assert!(expected.len() > 100, "a test that matches little proves little: {}", expected.len());
        assert_eq!(got, expected);
    }

    #[tokio::test]
    async fn the_digest_gathers_the_day_s_posts_in_one_e_mail_at_the_chosen_hour() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let communes = Communes::haut_rhin().expect("communes");
        let staff = accounts::test_account(&db, "moderation@departement.fr", Role::Moderator, NOW - DAY).await;
        let author = accounts::test_account(&db, "auteure@exemple.fr", Role::Resident, NOW - DAY).await;
        let volunteer = accounts::test_account(&db, "benevole@exemple.fr", Role::Resident, NOW - DAY).await;
        create(&db, &communes, &volunteer, &form("Colmar", "5", &[], ""), NOW).await.expect("alert");
        // 18:00 in Paris, chosen at `start`.
        let start = crate::domain::alert::last_digest_time(NOW, 18) + 3600;
        let settings = AlertSettingsForm { email: "digest".into(), hour: "18".into() };
        save_settings(&db, &volunteer, &settings, start).await.expect("settings");
        let first = approved(&db, &author, &staff, "Courses du lundi", Category::Groceries, COLMAR, start + 60).await;
        fan_out_queued(&db, start + 61).await.expect("fan-out");
        let second = approved(&db, &author, &staff, "Aide aux devoirs", Category::Homework, COLMAR, start + 120).await;
        fan_out_queued(&db, start + 121).await.expect("fan-out");
        assert_eq!(
            count(&db, "SELECT count(*) FROM notifications WHERE kind = 'alert'").await,
            2,
            "in the app at once"
        );
        assert_eq!(
            count(&db, "SELECT count(*) FROM outbox WHERE unsubscribe_url IS NOT NULL").await,
            0,
            "no e-mail yet"
        );
        let next = start - 3600 + DAY;
        assert_eq!(send_digests(&db, next - 1).await.expect("digests"), 0, "not before the hour");
        assert_eq!(send_digests(&db, next).await.expect("digests"), 1);
        let (subject, body): (String, String) =
            db::query_as("SELECT subject, body FROM outbox WHERE unsubscribe_url IS NOT NULL")
                .fetch_one(&db.read)
                .await
                .expect("digest");
        assert!(subject.starts_with("2 nouvelles annonces"), "{subject}");
        assert!(body.contains("Courses du lundi") && body.contains("Aide aux devoirs"), "{body}");
        assert!(body.contains(&format!("/posts/{first}")) && body.contains(&format!("/posts/{second}")), "{body}");
        assert_eq!(send_digests(&db, next + 60).await.expect("digests"), 0, "once a day");
        // In English for an English reader, and nothing for what was already sent.
        db::query("UPDATE users SET lang = 'en' WHERE id = $1")
            .bind(volunteer.id)
            .execute(&db.write)
            .await
            .expect("en");
        approved(&db, &author, &staff, "Bricolage", Category::Diy, COLMAR, next + 120).await;
        fan_out_queued(&db, next + 121).await.expect("fan-out");
        assert_eq!(send_digests(&db, next + DAY).await.expect("digests"), 1);
        let subject: String = db::query_scalar("SELECT subject FROM outbox ORDER BY id DESC LIMIT 1")
            .fetch_one(&db.read)
            .await
            .expect("digest");
        assert_eq!(subject, "One new post near you");
    }

    #[tokio::test]
    async fn the_unsubscribe_token_turns_off_its_own_account_s_e_mails_and_nothing_else() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let communes = Communes::haut_rhin().expect("communes");
        let a = accounts::test_account(&db, "anne@exemple.fr", Role::Resident, NOW - DAY).await;
        let b = accounts::test_account(&db, "bruno@exemple.fr", Role::Resident, NOW - DAY).await;
        create(&db, &communes, &a, &form("Colmar", "5", &[], ""), NOW).await.expect("alert");
        create(&db, &communes, &b, &form("Colmar", "5", &[], ""), NOW).await.expect("alert");
        let token_of = |id: i64| {
            let db = db.clone();
            async move {
                db::query_scalar::<String>("SELECT unsubscribe_token FROM alert_settings WHERE user_id = $1")
                    .bind(id)
                    .fetch_one(&db.read)
                    .await
                    .expect("token")
            }
        };
        let (ta, tb) = (token_of(a.id).await, token_of(b.id).await);
        assert_ne!(ta, tb);
        assert_eq!(ta.len(), 64);
        assert!(unsubscribe_state(&db, &ta).await.expect("state").email_on);
        unsubscribe(&db, &ta, NOW).await.expect("unsubscribed");
        assert!(!unsubscribe_state(&db, &ta).await.expect("state").email_on);
        assert!(unsubscribe_state(&db, &tb).await.expect("state").email_on, "b's e-mails untouched");
        assert_eq!(mine(&db, &a).await.expect("mine").alerts.len(), 1, "the alert stays, in the app");
        unsubscribe(&db, &ta, NOW).await.expect("twice is fine");
        // The token with its last digit changed (never to itself).
        let other_last = if ta.ends_with('0') { '1' } else { '0' };
        for bad in ["", "abc", &ta[..63], &format!("{}{other_last}", &ta[..63]), &ta.to_uppercase().replace('A', "G")] {
            assert!(matches!(unsubscribe(&db, bad, NOW).await, Err(AppError::NotFound)), "{bad}");
        }
        // Another account's session token, or a password-reset token, is no unsubscribe token.
        assert!(matches!(unsubscribe_state(&db, &"0".repeat(64)).await, Err(AppError::NotFound)));
    }

    #[tokio::test]
    async fn alerts_are_one_s_own() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let communes = Communes::haut_rhin().expect("communes");
        let a = accounts::test_account(&db, "anne@exemple.fr", Role::Resident, NOW - DAY).await;
        let b = accounts::test_account(&db, "bruno@exemple.fr", Role::Admin, NOW - DAY).await;
        let id = create(&db, &communes, &a, &form("Colmar", "5", &[], ""), NOW).await.expect("alert");
        assert!(mine(&db, &b).await.expect("b").alerts.is_empty());
        assert!(matches!(delete(&db, &b, id).await, Err(AppError::NotFound)), "not even an admin");
        assert_eq!(mine(&db, &a).await.expect("a").alerts.len(), 1);
        delete(&db, &a, id).await.expect("deleted");
        assert!(mine(&db, &a).await.expect("a").alerts.is_empty());
        assert_eq!(count(&db, "SELECT count(*) FROM alerts_geo").await, 0, "out of the R*Tree too");
        for _ in 0..MAX_ALERTS {
            create(&db, &communes, &a, &form("Colmar", "5", &[], ""), NOW).await.expect("alert");
        }
        let e = create(&db, &communes, &a, &form("Colmar", "5", &[], ""), NOW).await.unwrap_err();
        assert!(matches!(e, AppError::Validation(_)));
    }

    #[tokio::test]
    async fn a_position_is_kept_only_as_precisely_as_a_post_s_public_point() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let communes = Communes::haut_rhin().expect("communes");
        let a = accounts::test_account(&db, "anne@exemple.fr", Role::Resident, NOW - DAY).await;
        let exact = LatLng { lat: 47.74937, lon: 7.33971 };
        let f = AlertForm { lat: exact.lat.to_string(), lon: exact.lon.to_string(), ..form("", "2", &[], "") };
        create(&db, &communes, &a, &f, NOW).await.expect("alert");
        let (lat, lon, label): (f64, f64, String) =
            db::query_as("SELECT lat, lon, place_label FROM alerts").fetch_one(&db.read).await.expect("alert");
        assert_eq!(label, "Mulhouse");
        let kept = LatLng { lat, lon };
        assert!(kept != exact && kept.distance_m(exact) < 300.0, "{kept:?}");
        // Two points of the same cell are kept as the same point.
        let near = AlertForm { lat: (exact.lat + 0.0002).to_string(), ..f };
        create(&db, &communes, &a, &near, NOW).await.expect("alert");
        let points: Vec<(f64, f64)> =
            db::query_as("SELECT lat, lon FROM alerts").fetch_all(&db.read).await.expect("alerts");
        assert_eq!(points[0], points[1]);
    }

    #[tokio::test]
    async fn alerts_pause_after_six_months_without_a_log_in_and_resume_in_one_click() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let communes = Communes::haut_rhin().expect("communes");
        let staff = accounts::test_account(&db, "moderation@departement.fr", Role::Moderator, NOW - DAY).await;
        let author = accounts::test_account(&db, "auteure@exemple.fr", Role::Resident, NOW - DAY).await;
        let idle = accounts::test_account(&db, "absent@exemple.fr", Role::Resident, NOW - DAY).await;
        let active = accounts::test_account(&db, "presente@exemple.fr", Role::Resident, NOW - DAY).await;
        create(&db, &communes, &idle, &form("Colmar", "5", &[], ""), NOW).await.expect("alert");
        create(&db, &communes, &active, &form("Colmar", "5", &[], ""), NOW).await.expect("alert");
        let later = NOW + PAUSE_AFTER_SECS + DAY;
        let mut conn = db.write.acquire().await.expect("conn");
        db::alerts::logged_in(&mut conn, active.id, later - 30 * DAY).await.expect("log-in");
        drop(conn);
        assert_eq!(pause_idle(&db, NOW + DAY).await.expect("pause"), 0, "too early");
        assert_eq!(pause_idle(&db, later).await.expect("pause"), 1);
        assert_eq!(pause_idle(&db, later + 60).await.expect("pause"), 0, "told once");
        assert!(mine(&db, &idle).await.expect("mine").paused);
        assert!(!mine(&db, &active).await.expect("mine").paused);
        let told: i64 =
            db::query_scalar("SELECT count(*) FROM notifications WHERE kind = 'alerts-paused' AND user_id = $1")
                .bind(idle.id)
                .fetch_one(&db.read)
                .await
                .expect("told");
        assert_eq!(told, 1);
        approved(&db, &author, &staff, "Courses", Category::Groceries, COLMAR, later + 120).await;
        fan_out_queued(&db, later + 121).await.expect("fan-out");
        let hits: Vec<i64> =
            db::query_scalar("SELECT user_id FROM alert_hits").fetch_all(&db.read).await.expect("hits");
        assert_eq!(hits, [active.id], "a paused alert tells nothing");
        resume(&db, &idle, later + 200).await.expect("resumed");
        assert!(!mine(&db, &idle).await.expect("mine").paused);
        approved(&db, &author, &staff, "Courses encore", Category::Groceries, COLMAR, later + 300).await;
        assert_eq!(fan_out_queued(&db, later + 301).await.expect("fan-out"), 2);
    }
}

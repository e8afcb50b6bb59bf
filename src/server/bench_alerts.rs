//! `entraide bench-alerts`: the fan-out of a new post to the saved alerts (`make bench`). On an
//! empty database it saves `--alerts` alerts across the département, where people live (each
//! commune drawn by its population, the centre within 2 km of its town hall; radii, categories,
//! kinds and e-mail choices in plausible shares), then publishes posts in Mulhouse, the densest
//! commune, one after the other: each fan-out runs once through the application's path (the
//! worker's `fan_out_queued`: sqlx, one transaction) and, for the next post, as the very same
//! SQL on a bare rusqlite connection, interleaved (in-app notifications, e-mails and pushes
//! written; nothing sent). It prints `NAME VALUE` lines.

use std::time::Instant;

use rusqlite::{params, Connection};

use super::bench::{percentile, Rng};
use crate::domain::alert::{categories_column, km_per_deg_lon};
use crate::domain::{Category, LatLng, PostKind, PostStatus};
use crate::server::communes::Communes;
use crate::server::db;
use crate::server::db::alerts::{self as sql, DONE_SQL, EMAIL_SQL, HITS_SQL, NOTIFY_SQL, PUSH_SQL};
use crate::server::db::push as sql_push;
use crate::server::db::Db;
use crate::server::services::{self, alerts};

/// People with alerts per alert saved (each person has one to five).
const ALERTS_PER_PERSON: u64 = 5;

fn unit(rng: &mut Rng) -> f64 {
    (rng.next() >> 11) as f64 / (1u64 << 53) as f64
}

/// Saves `n` alerts of about `n / 3` people, in one transaction.
async fn save_alerts(db: &Db, communes: &Communes, n: usize, now: i64) -> Result<(), String> {
    let fail = |e: sqlx::Error| e.to_string();
    let mut rng = Rng(2026);
    let people: Vec<_> = communes.all().iter().collect();
    let total: u64 = people.iter().map(|c| u64::from(c.population)).sum();
    let mut tx = db.begin_write().await.map_err(fail)?;
    let mut made = 0;
    let mut person = 0;
    while made < n {
        person += 1;
        let user_id: i64 = db::query_scalar(
            "INSERT INTO users (email, display_name, poster_kind, password_hash, created_at, updated_at, lang) \
             VALUES ($1, 'Bénévole', 'individual', '!', $2, $2, $3) RETURNING id",
        )
        .bind(format!("benevole-{person}@banc-d-essai.invalid"))
        .bind(now)
        .bind(if person % 10 == 0 { "en" } else { "fr" })
        .fetch_one(&mut *tx)
        .await
        .map_err(fail)?;
        let email = match rng.below(10) {
            0..=6 => "instant",
            7 | 8 => "digest",
            _ => "off",
        };
        db::query(
            "INSERT INTO alert_settings (user_id, email, unsubscribe_token, last_digest_at, updated_at) \
             VALUES ($1, $2, $3, $4, $4)",
        )
        .bind(user_id)
        .bind(email)
        .bind(format!("{:064x}", u128::from(rng.next()) << 64 | u128::from(rng.next())))
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(fail)?;
        // One in five has the app installed and receives pushes.
        if rng.below(5) == 0 {
            sql_push::subscribe(
                &mut tx,
                user_id,
                &format!("https://fcm.googleapis.com/fcm/send/banc-{person}"),
                &"B".repeat(87),
                &"a".repeat(22),
                now,
            )
            .await
            .map_err(fail)?;
        }
        for _ in 0..=rng.below(ALERTS_PER_PERSON) {
            let mut pick = rng.below(total);
            let commune = people
                .iter()
                .find(|c| {
                    let p = u64::from(c.population);
                    if pick < p {
                        true
                    } else {
                        pick -= p;
                        false
                    }
                })
                .unwrap_or(&people[0]);
            let th = commune.town_hall;
            let centre =
                LatLng { lat: th.lat + (unit(&mut rng) - 0.5) * 0.036, lon: th.lon + (unit(&mut rng) - 0.5) * 0.054 };
            let radius: u32 = match rng.below(100) {
                0..=9 => 1,
                10..=24 => 2,
                25..=59 => 5,
                60..=84 => 10,
                85..=91 => 15,
                92..=96 => 20,
                _ => 30,
            };
            let categories: Vec<Category> = if rng.below(2) == 0 {
                vec![]
            } else {
                Category::ALL.into_iter().filter(|_| rng.below(4) == 0).collect()
            };
            let kind = match rng.below(10) {
                0..=5 => None,
                6..=8 => Some(PostKind::Request),
                _ => Some(PostKind::Offer),
            };
            let categories = categories_column(&categories);
            let row = sql::NewAlertRow {
                user_id,
                place_label: &commune.name,
                commune_insee: Some(&commune.insee),
                centre,
                radius_km: radius,
                categories: &categories,
                kind,
                at: now,
            };
            sql::insert(&mut tx, &row).await.map_err(fail)?;
            made += 1;
            if made == n {
                break;
            }
        }
    }
    tx.commit().await.map_err(fail)?;
    println!("alerts.saved {made}");
    println!("alerts.people {person}");
    Ok(())
}

/// A published post in Mulhouse, queued for its alerts; its id.
async fn publish(db: &Db, communes: &Communes, rng: &mut Rng, i: usize, now: i64) -> Result<i64, String> {
    let at = LatLng { lat: 47.7395 + unit(rng) * 0.02, lon: 7.3200 + unit(rng) * 0.03 };
    let c = services::posts::Creation {
        post: crate::domain::post::NewPost {
            kind: if i % 3 == 2 { PostKind::Offer } else { PostKind::Request },
            category: Category::ALL[i % Category::ALL.len()],
            poster_kind: crate::domain::PosterKind::Individual,
            title: crate::domain::post::Title::parse(&format!("Banc d'essai des alertes {i}"))
                .map_err(|e| e.to_string())?,
            description: crate::domain::post::Description::parse("Annonce de mesure.").map_err(|e| e.to_string())?,
            location: at,
            lifetime_days: 30,
            schedule: None,
        },
        status: PostStatus::Published,
        created_at: now,
        jitter: (0.0, 0.0),
        author_id: None,
        private_note: None,
    };
    services::posts::create(db, communes, c).await.map_err(|e| e.to_string())
}

/// The fan-out of post `id` as the same SQL on a bare connection, in one transaction; how many
/// people were told.
fn bare_fan_out(conn: &mut Connection, id: i64, now: i64) -> rusqlite::Result<usize> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let _queued: Vec<i64> = tx
        .prepare_cached("SELECT post_id FROM alert_fanout WHERE done_at IS NULL ORDER BY post_id LIMIT 20")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let post = tx.query_row(
        "SELECT p.id, p.public_lat, p.public_lon, p.category, p.kind, p.author_id, p.title, p.commune_name \
         FROM posts p WHERE p.id = ?1 AND EXISTS (SELECT 1 FROM posts_geo g WHERE g.id = p.id)",
        [id],
        |r| {
            Ok(sql::FanoutPost {
                id: r.get(0)?,
                public_lat: r.get(1)?,
                public_lon: r.get(2)?,
                category: r.get(3)?,
                kind: r.get(4)?,
                author_id: r.get(5)?,
                title: r.get(6)?,
                commune_name: r.get(7)?,
            })
        },
    )?;
    let w = alerts::words_for(&post);
    let at = LatLng { lat: post.public_lat, lon: post.public_lon };
    let told = tx.prepare_cached(HITS_SQL)?.execute(params![
        post.id,
        at.lat,
        at.lon,
        km_per_deg_lon(at),
        format!(",{},", post.category),
        post.kind,
        post.author_id.unwrap_or(-1),
        now
    ])?;
    if told > 0 {
        tx.prepare_cached(NOTIFY_SQL)?.execute(params![post.id, now, w.notification[0], w.notification[1]])?;
        tx.prepare_cached(EMAIL_SQL)?.execute(params![
            post.id,
            now,
            w.subject[0],
            w.email[0],
            w.subject[1],
            w.email[1],
            w.site_url
        ])?;
        tx.prepare_cached(PUSH_SQL)?.execute(params![post.id, now, w.push[0], w.push[1]])?;
    }
    tx.prepare_cached(DONE_SQL)?.execute(params![post.id, now])?;
    tx.commit()?;
    Ok(told)
}

/// The benchmark.
pub async fn alerts_bench(db: &Db, alerts: usize, posts: usize) -> Result<(), String> {
    let now = services::now();
    let communes = Communes::haut_rhin()?;
    // Nothing queued from before.
    alerts::fan_out_queued(db, now).await.map_err(|e| format!("{e:?}"))?;
    let t = Instant::now();
    save_alerts(db, &communes, alerts, now).await?;
    println!("alerts.save_seconds {:.1}", t.elapsed().as_secs_f64());
    let check: (i64, i64) = db::query_as("SELECT (SELECT count(*) FROM alerts), (SELECT count(*) FROM alerts_geo)")
        .fetch_one(&db.read)
        .await
        .map_err(|e| e.to_string())?;
    if check.0 != check.1 {
        return Err(format!("{} alerts but {} boxes in the R*Tree", check.0, check.1));
    }
    let path = db.map.path().ok_or("the alerts bench reads a SQLite file")?.to_path_buf();
    let mut bare = tokio::task::spawn_blocking(move || -> rusqlite::Result<Connection> {
        let c = Connection::open(&path)?;
        c.busy_timeout(std::time::Duration::from_secs(5))?;
        c.pragma_update(None, "foreign_keys", true)?;
        c.pragma_update(None, "synchronous", "FULL")?;
        Ok(c)
    })
    .await
    .map_err(|e| e.to_string())?
    .map_err(|e| e.to_string())?;
    let mut rng = Rng(68);
    let (mut app, mut floor, mut told) = (vec![], vec![], vec![]);
    for i in 0..posts {
        publish(db, &communes, &mut rng, 2 * i, now).await?;
        let t = Instant::now();
        let n = alerts::fan_out_queued(db, now).await.map_err(|e| format!("{e:?}"))?;
        app.push(t.elapsed().as_secs_f64() * 1e3);
        told.push(n as f64);
        let id = publish(db, &communes, &mut rng, 2 * i + 1, now).await?;
        let (back, result) = tokio::task::spawn_blocking(move || {
            let t = Instant::now();
            let r = bare_fan_out(&mut bare, id, now);
            let ms = t.elapsed().as_secs_f64() * 1e3;
            (bare, r.map(|n| (n, ms)))
        })
        .await
        .map_err(|e| e.to_string())?;
        bare = back;
        let (n, ms) = result.map_err(|e| e.to_string())?;
        floor.push(ms);
        told.push(n as f64);
    }
    let (a50, a99, f50) = (percentile(&mut app, 0.5), percentile(&mut app, 0.99), percentile(&mut floor, 0.5));
    println!("alerts.posts {}", 2 * posts);
    println!("alerts.told_per_post_p50 {:.0}", percentile(&mut told, 0.5));
    println!("alerts.fanout_p50_ms {a50:.2}");
    println!("alerts.fanout_p99_ms {a99:.2}");
    println!("alerts.bare_p50_ms {f50:.2}");
    println!("alerts.fanout_ratio {:.2}", a50 / f50);
    Ok(())
}

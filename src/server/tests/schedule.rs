//! Needs in time (#18 §5): what happens today, tomorrow or this week, against brute force over
//! random schedules on both paths of the list (every post of a small area, and a crowded one
//! counted then read a page at a time); the form without JavaScript; a month at a time for
//! what comes back.

use axum::http::StatusCode;

use super::{published_id, send, signed_up, state, PUBLISH};
use crate::domain::schedule::{format_day, paris_day, Schedule, WhenFilter, Window};
use crate::domain::{BBox, Category, PostFilter, PostKind, PostStatus};
use crate::server::communes::Communes;
use crate::server::db;
use crate::server::db::Db;
use crate::server::services::posts::tests::{creation, MULHOUSE, NOW};
use crate::server::services::posts::{create_many, list_public_at};
use crate::wire::posts::LIST_WHEN_AGGREGATED;

/// A deterministic stream of numbers.
struct Draw(u64);
impl Draw {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

/// A schedule drawn around `today`: one day (past days excluded by the form, so from today),
/// some weekdays, some days of the month, with or without a last day; a third have none.
fn draw_schedule(d: &mut Draw, today: i64) -> Option<Schedule> {
    let window = (d.below(2) == 0).then_some(Window { from: 600, to: 720 });
    let until = match d.below(3) {
        0 => Some(today + d.below(10) as i64),
        _ => None,
    };
    match d.below(4) {
        0 => None,
        1 => Some(Schedule::Once { day: today + d.below(12) as i64, window }),
        2 => Some(Schedule::Weekly { weekdays: 1 + d.below(127) as u8, window, until }),
        _ => Some(Schedule::Monthly { monthdays: 1 << d.below(31), window, until }),
    }
}

#[tokio::test]
async fn today_tomorrow_and_this_week_match_brute_force_on_both_paths() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let db = Db::single(pool);
    let communes = Communes::haut_rhin().unwrap();
    let today = paris_day(NOW);
    let mut d = Draw(7);
    let mut list = Vec::new();
    let mut truth = Vec::new();
    for i in 0..420 {
        let lat = MULHOUSE.lat + (d.below(2000) as f64 - 1000.0) / 40_000.0;
        let lon = MULHOUSE.lon + (d.below(2000) as f64 - 1000.0) / 40_000.0;
        let at = crate::domain::LatLng { lat, lon };
        let status = if i % 9 == 4 { PostStatus::Pending } else { PostStatus::Published };
        let mut c = creation(&format!("Besoin {i}"), PostKind::Request, Category::FoodAid, at, status);
        c.created_at = NOW - 3600;
        c.post.schedule = draw_schedule(&mut d, today);
        truth.push((c.post.schedule, status));
        list.push(c);
    }
    let ids = create_many(&db, &communes, list).await.unwrap();
    let wide = BBox { west: 7.0, south: 47.5, east: 7.7, north: 48.0 };
    let small = BBox {
        west: MULHOUSE.lon - 0.006,
        south: MULHOUSE.lat - 0.006,
        east: MULHOUSE.lon + 0.006,
        north: MULHOUSE.lat + 0.006,
    };
    let mut counted = 0;
    for when in WhenFilter::ALL {
        let (first, last) = when.days(NOW);
        for area in [wide, small] {
            let expected: Vec<i64> = ids
                .iter()
                .zip(&truth)
                .filter(|(_, (s, status))| {
                    *status == PostStatus::Published && s.is_some_and(|s| (first..=last).any(|day| s.occurs_on(day)))
                })
                .map(|(id, _)| *id)
                .collect();
            // Read every page, as a person following « 50 de plus » would.
            let mut got = Vec::new();
            for page in 0..20 {
                let f = PostFilter { when: Some(when), bbox: Some(area), page_index: page, ..Default::default() };
                let p = list_public_at(&db, &f, NOW).await.unwrap();
                assert!(p.grid.is_none(), "days are never counted by cells");
                let inside: Vec<i64> = p.posts.iter().map(|s| s.id).collect();
                assert!(p.posts.iter().all(|s| s.when.is_some_and(|w| (first..=last).any(|day| w.occurs_on(day)))));
                got.extend(inside);
                if p.offset + LIST_WHEN_AGGREGATED >= p.total || p.total <= crate::wire::posts::AGGREGATE_ABOVE {
                    break;
                }
            }
            let mut expected: Vec<i64> = if area == wide {
                // Every post is in the wide area.
                expected
            } else {
                // The small area holds fewer than the pins of a map: the service lists all of
                // them without days, and those are the ones to find.
                let all = PostFilter { bbox: Some(area), ..Default::default() };
                let every = list_public_at(&db, &all, NOW).await.unwrap();
                assert!(every.grid.is_none() && every.total > 10, "{}", every.total);
                let there: std::collections::HashSet<i64> = every.posts.iter().map(|s| s.id).collect();
                expected.into_iter().filter(|id| there.contains(id)).collect()
            };
            got.sort();
            expected.sort();
            assert_eq!(got, expected, "{when:?} over {area:?}");
            counted += got.len();
        }
    }
    assert!(counted > 100, "the draw gives each filter posts to find ({counted})");
}

#[tokio::test]
async fn a_weekly_need_is_published_shown_and_kept_a_month_at_a_time() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let author = signed_up(&s, "claire%40exemple.fr").await;
    let today = paris_day(crate::server::services::now());
    let weekday = crate::domain::schedule::weekday(today);
    // Every week on today's weekday, 9:00 to 12:00, until in two months.
    let form = format!(
        "{PUBLISH}&when=weekly&when_day_{weekday}=on&when_from=09%3A00&when_to=12%3A00&when_until={}",
        format_day(today + 60)
    );
    let id = published_id(&s, &author, &form).await;
    let (kind, days, from, to, until, created, expires): (String, i64, i64, i64, i64, i64, i64) = db::query_as(
        "SELECT when_kind, when_days, when_from, when_to, when_until, created_at, expires_at FROM posts WHERE id = $1",
    )
    .bind(id)
    .fetch_one(&s.db.read)
    .await
    .unwrap();
    assert_eq!((kind.as_str(), days, from, to, until), ("weekly", 1 << (weekday - 1), 540, 720, today + 60));
    assert_eq!(expires, created + 30 * 86_400, "a month, then its author confirms it");
    // Its author reads it in « Mes annonces », with the confirmation instead of « Prolonger ».
    let mine = send(&s, "GET", "/mes-annonces", "", Some(&author)).await;
    assert!(
        mine.body.contains("Toujours d&#x27;actualité") || mine.body.contains("Toujours d'actualité"),
        "{}",
        mine.body
    );
    assert!(mine.body.contains("de 9 h à 12 h"), "{}", mine.body);
    // Confirming keeps it a month from now, never past its last day.
    let r = send(&s, "POST", "/mes-annonces", &format!("form=extend&id={id}&days=90"), Some(&author)).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body.split("field-error").nth(1));
    assert!(
        r.body.contains("L'annonce reste en ligne jusqu") || r.body.contains("L&#x27;annonce reste en ligne jusqu")
    );
    let expires: i64 =
        db::query_scalar("SELECT expires_at FROM posts WHERE id = $1").bind(id).fetch_one(&s.db.read).await.unwrap();
    let now = crate::server::services::now();
    assert!(expires <= now + 30 * 86_400 && expires > now + 29 * 86_400, "a month, not 90 days");
    // The edit form shows the schedule as it stands.
    let edit = send(&s, "GET", &format!("/mes-annonces/{id}/modifier"), "", Some(&author)).await;
    assert!(edit.body.contains(&format!("name=\"when_day_{weekday}\" checked")), "{}", edit.body);
    assert!(
        edit.body.contains("value=\"09:00\"") && edit.body.contains(&format!("value=\"{}\"", format_day(today + 60)))
    );
}

#[tokio::test]
async fn a_wrong_schedule_is_said_next_to_its_field_and_what_was_typed_stays() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let author = signed_up(&s, "claire%40exemple.fr").await;
    let today = paris_day(crate::server::services::now());
    let cases = [
        (format!("when=once&when_date={}", format_day(today - 1)), "Ce jour est déjà passé."),
        ("when=once&when_date=2026-02-30".to_owned(), "Cette date n'existe pas"),
        ("when=weekly&when_from=17%3A00&when_to=14%3A00".to_owned(), "Cochez au moins un jour de la semaine."),
        ("when=monthly&when_monthdays=1%2C+40".to_owned(), "« 40 » n'est pas un jour du mois"),
        (
            format!("when=once&when_date={}&when_from=17%3A00&when_to=14%3A00", format_day(today + 1)),
            "L'heure de fin doit venir après",
        ),
    ];
    for (fields, said) in cases {
        let r = send(&s, "POST", "/publier", &format!("{PUBLISH}&{fields}"), Some(&author)).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{fields}");
        let body = r.body.replace("&#39;", "'").replace("&#x27;", "'");
        assert!(body.contains(said), "{fields}: {said}\n{body}");
        // Only the wrong part is marked, not every field of « Quand ? ».
        assert!(!body.contains("class=\"field when field-invalid\""), "{fields}");
        // What was typed stays.
        assert!(body.contains("Courses pour ma voisine"), "{fields}");
        assert!(
            body.contains("value=\"once\" checked")
                || body.contains("value=\"weekly\" checked")
                || body.contains("value=\"monthly\" checked"),
            "{fields}"
        );
    }
    let n: i64 = db::query_scalar("SELECT count(*) FROM posts").fetch_one(&s.db.read).await.unwrap();
    assert_eq!(n, 0, "nothing saved");
}

#[tokio::test]
async fn a_recurring_post_asks_its_author_to_confirm_and_a_day_post_leaves_with_its_day() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    use crate::domain::follow_up::FollowUpRules;
    use crate::server::services::follow_ups::sweep;
    let s = state(pool);
    let author = signed_up(&s, "claire%40exemple.fr").await;
    let today = paris_day(crate::server::services::now());
    let weekly = published_id(&s, &author, &format!("{PUBLISH}&when=weekly&when_day_1=on")).await;
    let day = published_id(&s, &author, &format!("{PUBLISH}&when=once&when_date={}", format_day(today + 1))).await;
    for id in [weekly, day] {
        crate::server::services::posts::change_status(&s.db, id, PostStatus::Published, crate::server::services::now())
            .await
            .unwrap();
    }
    let expires: i64 =
        db::query_scalar("SELECT expires_at FROM posts WHERE id = $1").bind(day).fetch_one(&s.db.read).await.unwrap();
    assert_eq!(expires, crate::domain::schedule::day_start(today + 2), "online until the evening of its day");
    // Two days before the month ends: the author is asked, once; the day's post is not.
    let later = crate::server::services::now() + 28 * 86_400;
    sweep(&s.db, &FollowUpRules::default(), later).await.unwrap();
    let said: Vec<(Option<i64>, String)> = db::query_as("SELECT post_id, body FROM notifications ORDER BY id")
        .fetch_all(&s.db.read)
        .await
        .unwrap_or_default();
    let asked: Vec<_> = said.iter().filter(|(p, _)| *p == Some(weekly)).collect();
    assert_eq!(asked.len(), 1, "{said:?}");
    assert!(said.iter().all(|(p, _)| *p != Some(day)), "{said:?}");
}

#[tokio::test]
async fn the_api_filters_by_days_and_says_when_in_plain_fields() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let author = signed_up(&s, "claire%40exemple.fr").await;
    let today = paris_day(crate::server::services::now());
    let weekday = crate::domain::schedule::weekday(today);
    let other = weekday % 7 + 1;
    let fields = format!("when=weekly&when_day_{weekday}=on&when_day_{other}=on&when_from=14%3A00&when_to=17%3A30");
    let weekly = published_id(&s, &author, &format!("{PUBLISH}&{fields}")).await;
    let later = published_id(&s, &author, &format!("{PUBLISH}&when=once&when_date={}", format_day(today + 9))).await;
    let plain = published_id(&s, &author, PUBLISH).await;
    for id in [weekly, later, plain] {
        crate::server::services::posts::change_status(&s.db, id, PostStatus::Published, crate::server::services::now())
            .await
            .unwrap();
    }
    let ids = |body: &str| {
        let v: serde_json::Value = serde_json::from_str(body).unwrap();
        v["features"].as_array().unwrap().iter().map(|f| f["id"].as_i64().unwrap()).collect::<Vec<_>>()
    };
    let (status, _, body) = super::get(&s, "/api/v1/posts.geojson?when=today").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(ids(&body), [weekly]);
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let mut days = vec![weekday, other];
    days.sort();
    assert_eq!(
        v["features"][0]["properties"]["when"],
        serde_json::json!({ "kind": "weekly", "weekdays": days, "from": "14:00", "to": "17:30" })
    );
    let (_, _, body) = super::get(&s, "/api/v1/posts.geojson").await;
    let mut all = ids(&body);
    all.sort();
    assert_eq!(all, [weekly, later, plain], "without days, every post");
    let (status, _, body) = super::get(&s, "/api/v1/posts.geojson?when=someday").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("someday"), "{body}");
    // The home page without JavaScript: the days are links, the chosen one marked.
    let (_, _, page) = super::get(&s, "/?when=tomorrow").await;
    assert!(page.contains("href=\"/?when=today\"") && page.contains("aria-current=\"true\""), "{page}");
}

//! Exports over HTTP: who may take which file (anonymous, resident, moderator, admin), what a
//! file holds — counted independently here with SQL — and never holds (exact places, names,
//! e-mails, phones, unless the admins' full export), formulas kept as text, a mistake shown on
//! the form, and the open data CSV with its licence.

use axum::http::StatusCode;

use super::{logged_in_as, published_id, seed, send, signed_up, state, PUBLISH};
use crate::domain::user::Role;
use crate::domain::{Category, PostKind, PostStatus};
use crate::server::db;
use crate::server::services::posts::tests::{creation, COLMAR, MULHOUSE};
use crate::server::state::AppState;

const INTAKE: &str = "person_name=Odile+Schmitt&person_phone=03+89+12+34+56&street=12+rue+des+Lilas\
    &call_times=le+matin&share_phone=on&consent=on&kind=request&category=groceries\
    &title=Courses+de+la+semaine&description=Elle+ne+peut+plus+porter+les+sacs.&lifetime_days=14\
    &commune=Colmar&lat=&lon=&private_note=2e+%C3%A9tage";

/// A period holding every post of these tests, whatever the day they run (the default period,
/// this month, would miss the posts seeded minutes before a month's first midnight).
pub(super) fn around_now() -> String {
    use crate::domain::period::format_date;
    let now = crate::server::services::now();
    format!("from={}&to={}", format_date(now - 30 * 86_400), format_date(now + 86_400))
}

async fn count(s: &AppState, sql: &str) -> i64 {
    db::query_scalar(sql).fetch_one(&s.db.read).await.unwrap()
}

/// The data lines of a `;` CSV (after the BOM and the header, and a comment line if any).
fn data_lines(body: &str) -> Vec<String> {
    let body = body.trim_start_matches('\u{feff}');
    let mut lines: Vec<&str> = body.split("\r\n").filter(|l| !l.is_empty()).collect();
    if lines.first().is_some_and(|l| l.starts_with('#')) {
        lines.remove(0);
    }
    lines.into_iter().skip(1).map(str::to_owned).collect()
}

struct World {
    s: AppState,
    resident: String,
    moderator: String,
    admin: String,
}

async fn world(pool: crate::server::db::Pool) -> World {
    let s = state(pool);
    let author = signed_up(&s, "auteur%40exemple.fr").await;
    let resident = signed_up(&s, "voisin%40exemple.fr").await;
    let moderator = logged_in_as(&s, "accueil@departement.fr", Role::Moderator).await;
    let admin = logged_in_as(&s, "admin@departement.fr", Role::Admin).await;
    // A pending post by a resident, a phone intake, and public posts in two communes.
    // For someone close, every Tuesday afternoon.
    let extra = "&for_relative=on&relative_consent=on&when=weekly&when_day_2=on&when_from=14%3A00&when_to=17%3A00";
    published_id(&s, &author, &format!("{PUBLISH}{extra}")).await;
    assert_eq!(send(&s, "POST", "/saisie", INTAKE, Some(&moderator)).await.status, StatusCode::SEE_OTHER);
    let mut list = vec![];
    for i in 0..3 {
        list.push(creation(
            &format!("Aide aux devoirs {i}"),
            PostKind::Offer,
            Category::Homework,
            COLMAR,
            PostStatus::Published,
        ));
    }
    list.push(creation(
        "=HYPERLINK(\"http://pirate.example\";\"Cliquez\")",
        PostKind::Request,
        Category::Other,
        MULHOUSE,
        PostStatus::Published,
    ));
    seed(&s, list).await;
    World { s, resident, moderator, admin }
}

#[tokio::test]
async fn only_staff_export_and_only_admins_take_the_people() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let w = world(pool).await;
    let audited = || count(&w.s, "SELECT count(*) FROM export_audit");
    for format in ["csv", "geojson", "full"] {
        let form = format!("format={format}&{}", around_now());
        let r = send(&w.s, "POST", "/pilotage/exports", &form, None).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "anonymous {format}");
        assert!(r.location.as_deref().unwrap_or("").starts_with("/connexion"));
        let r = send(&w.s, "POST", "/pilotage/exports", &form, Some(&w.resident)).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "resident {format}");
        assert!(!r.body.contains("Courses de la semaine"));
    }
    assert_eq!(audited().await, 0);
    for format in ["csv", "geojson"] {
        let r =
            send(&w.s, "POST", "/pilotage/exports", &format!("format={format}&{}", around_now()), Some(&w.moderator))
                .await;
        assert_eq!(r.status, StatusCode::OK, "moderator {format}");
    }
    let r = send(&w.s, "POST", "/pilotage/exports", &format!("format=full&{}", around_now()), Some(&w.moderator)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "the full export is for admins");
    assert!(!r.body.contains("Odile"));
    let r = send(&w.s, "POST", "/pilotage/exports", &format!("format=full&{}", around_now()), Some(&w.admin)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Odile Schmitt") && r.body.contains("03 89 12 34 56"), "the full export has the people");
    assert_eq!(audited().await, 3, "every export taken is recorded");
    assert_eq!(count(&w.s, "SELECT count(*) FROM export_audit WHERE format = 'full'").await, 1);
}

#[tokio::test]
async fn a_csv_holds_the_period_s_posts_and_nobody_s_personal_data() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let w = world(pool).await;
    let r = send(&w.s, "POST", "/pilotage/exports", &format!("format=csv&{}", around_now()), Some(&w.moderator)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.starts_with('\u{feff}'), "a BOM for the spreadsheet");
    let header = r.body.trim_start_matches('\u{feff}').split("\r\n").next().unwrap().to_owned();
    assert!(header.starts_with("Numéro;Type;Catégorie;Publiée par;Statut;Titre;"), "{header}");
    assert_eq!(header.split(';').count(), 21);
    assert!(header.ends_with(";Quand;Publiée pour un proche"), "{header}");
    let lines = data_lines(&r.body);
    // Counted independently: every post created in the period.
    assert_eq!(lines.len() as i64, count(&w.s, "SELECT count(*) FROM posts").await);
    for private in [
        "Odile",
        "Schmitt",
        "03 89 12 34 56",
        "rue des Lilas",
        "2e étage",
        "Bâtiment B",
        "exemple.fr",
        "departement.fr",
    ] {
        assert!(!r.body.contains(private), "the CSV carries {private:?}");
    }
    let exact: Vec<(f64, f64)> = db::query_as("SELECT lat, lon FROM posts").fetch_all(&w.s.db.read).await.unwrap();
    for (lat, lon) in exact {
        assert!(!r.body.contains(&format!("{lat:.5};{lon:.5}")), "an exact place in the CSV");
    }
    assert!(r.body.contains("\"'=HYPERLINK"), "a formula stays text");
    assert!(lines.iter().any(|l| l.contains("Courses de la semaine") && l.contains(";oui;")), "the intake, by phone");
    // When it happens and whom it is for, in words; the others say no day and « non ».
    let relative: Vec<_> = lines.iter().filter(|l| l.ends_with(";\"Chaque mardi, de 14 h à 17 h\";oui")).collect();
    assert_eq!(relative.len(), 1, "{lines:?}");
    assert_eq!(lines.iter().filter(|l| l.ends_with(";;non")).count(), lines.len() - 1);
    // Filters: a commune and a category, counted independently.
    let r = send(
        &w.s,
        "POST",
        "/pilotage/exports",
        &format!("format=csv&commune=Colmar&category=homework&{}", around_now()),
        Some(&w.moderator),
    )
    .await;
    let wanted =
        count(&w.s, "SELECT count(*) FROM posts WHERE commune_name = 'Colmar' AND category = 'homework'").await;
    assert_eq!(data_lines(&r.body).len() as i64, wanted);
    assert_eq!(wanted, 3);
    // GeoJSON: the same posts, as features at their public points.
    let r =
        send(&w.s, "POST", "/pilotage/exports", &format!("format=geojson&{}", around_now()), Some(&w.moderator)).await;
    let json: serde_json::Value = serde_json::from_str(&r.body).expect("GeoJSON");
    let features = json["features"].as_array().unwrap();
    assert_eq!(features.len() as i64, count(&w.s, "SELECT count(*) FROM posts").await);
    assert!(!r.body.contains("Odile") && !r.body.contains("exemple.fr"));
    let relative: Vec<_> = features.iter().filter(|f| f["properties"]["for_relative"] == true).collect();
    assert_eq!(relative.len(), 1);
    let when = &relative[0]["properties"]["when"];
    assert_eq!(when["kind"], "weekly");
    assert_eq!(when["weekdays"], serde_json::json!([2]));
    assert_eq!((when["from"].as_str(), when["to"].as_str()), (Some("14:00"), Some("17:00")));
}

#[tokio::test]
async fn a_long_export_comes_whole_page_after_page() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let moderator = logged_in_as(&s, "accueil@departement.fr", Role::Moderator).await;
    let many: Vec<_> = (0..2_345)
        .map(|i| {
            creation(&format!("Annonce {i}"), PostKind::Request, Category::Groceries, COLMAR, PostStatus::Published)
        })
        .collect();
    seed(&s, many).await;
    let r = send(&s, "POST", "/pilotage/exports", &format!("format=csv&{}", around_now()), Some(&moderator)).await;
    let lines = data_lines(&r.body);
    assert_eq!(lines.len(), 2_345);
    let ids: std::collections::BTreeSet<&str> = lines.iter().map(|l| l.split(';').next().unwrap()).collect();
    assert_eq!(ids.len(), 2_345, "no post twice");
    let r = send(&s, "GET", "/api/v1/posts.csv", "", None).await;
    assert_eq!(data_lines(&r.body).len(), 2_345);
}

#[tokio::test]
async fn a_mistake_shows_the_form_again_with_what_was_typed() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let w = world(pool).await;
    let r = send(
        &w.s,
        "POST",
        "/pilotage/exports",
        "from=hier&to=2026-13-01&commune=Atlantis&format=csv",
        Some(&w.moderator),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(
        r.body.contains("Cette date n&#x27;est pas valable") || r.body.contains("Cette date n'est pas valable"),
        "{}",
        r.body
    );
    assert!(r.body.contains("value=\"Atlantis\"") && r.body.contains("value=\"hier\""));
    assert_eq!(count(&w.s, "SELECT count(*) FROM export_audit").await, 0);
}

#[tokio::test]
async fn the_open_data_csv_names_its_licence_and_holds_only_public_posts() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let w = world(pool).await;
    let r = send(&w.s, "GET", "/api/v1/posts.csv", "", None).await;
    assert_eq!(r.status, StatusCode::OK);
    let first = r.body.trim_start_matches('\u{feff}').lines().next().unwrap().to_owned();
    assert!(first.starts_with('#') && first.contains("Licence Ouverte"), "{first}");
    let public: i64 = db::query_scalar(
        "SELECT count(*) FROM posts WHERE status IN ('published', 'in-progress') AND hidden_at IS NULL \
         AND expires_at > $1",
    )
    .bind(crate::server::services::now())
    .fetch_one(&w.s.db.read)
    .await
    .unwrap();
    assert_eq!(data_lines(&r.body).len() as i64, public);
    assert!(!r.body.contains("Courses pour ma voisine"), "a pending post in the open data");
    for private in ["Odile", "03 89 12 34 56", "rue des Lilas", "Bâtiment B", "exemple.fr"] {
        assert!(!r.body.contains(private), "the open data carries {private:?}");
    }
}

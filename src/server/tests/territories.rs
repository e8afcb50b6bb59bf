//! Two territories on one instance (#19 §2): a second département added by the operator's
//! command, its posts and its staff kept apart from the Haut-Rhin's, and `/67` opening the map
//! on it.

use std::sync::Arc;

use axum::http::StatusCode;

use super::{get, state};
use crate::domain::territory::{Scope, TerritoryCode};
use crate::domain::user::{CurrentUser, Role};
use crate::domain::{Category, LatLng, PostKind, PostStatus};
use crate::error::AppError;
use crate::server::communes::Communes;
use crate::server::db;
use crate::server::services::accounts::test_account;
use crate::server::services::posts::tests::{creation, COLMAR};
use crate::server::services::territories::{self, Addition};
use crate::server::services::{moderation, notifications, posts};
use crate::server::state::AppState;

const NOW: i64 = 1_800_000_000;
const STRASBOURG: LatLng = LatLng { lat: 48.5839, lon: 7.7455 };

/// Two communes of the Bas-Rhin, drawn as boxes: enough for "which commune is this point in?".
fn bas_rhin() -> Communes {
    let csv = "insee,nom,codes_postaux,population,lat,lon\n\
               67482,Strasbourg,67000 67100 67200,291313,48.5839,7.7455\n\
               67180,Haguenau,67500,35067,48.8156,7.7906\n";
    let square = |w: f64, s: f64, e: f64, n: f64| format!("[[[[{w},{s}],[{e},{s}],[{e},{n}],[{w},{n}],[{w},{s}]]]]");
    let geojson = format!(
        r#"{{"type":"FeatureCollection","features":[
        {{"type":"Feature","properties":{{"insee":"67482"}},"geometry":{{"type":"MultiPolygon","coordinates":{}}}}},
        {{"type":"Feature","properties":{{"insee":"67180"}},"geometry":{{"type":"MultiPolygon","coordinates":{}}}}}]}}"#,
        square(7.68, 48.50, 7.84, 48.64),
        square(7.70, 48.78, 7.86, 48.86)
    );
    Communes::parse(csv, &geojson, &TerritoryCode::parse("67").unwrap()).unwrap()
}

fn addition(code: &str) -> Addition {
    Addition {
        code: code.into(),
        name: "Bas-Rhin".into(),
        contact_email: "entraide@bas-rhin.fr".into(),
        contact_phone: "03 88 00 00 00".into(),
        emergency: String::new(),
    }
}

/// The app over `pool` serving the Haut-Rhin and the Bas-Rhin.
async fn two_territories(pool: crate::server::db::Pool) -> AppState {
    let mut s = state(pool);
    assert_eq!(territories::load(&s.db).await.unwrap().all().len(), 366);
    assert_eq!(territories::add(&s.db, &addition("67"), &bas_rhin(), NOW).await.unwrap(), 2);
    s.communes = Arc::new(territories::load(&s.db).await.unwrap());
    s
}

async fn staff(s: &AppState, email: &str, role: Role, scope: Scope) -> CurrentUser {
    let me = test_account(&s.db, email, role, NOW).await;
    territories::set_scope(&s.db, email, &scope).await.unwrap();
    me
}

fn only(code: &str) -> Scope {
    Scope::Only(vec![TerritoryCode::parse(code).unwrap()])
}

#[tokio::test]
async fn a_second_territory_is_added_once_and_its_communes_are_served() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = two_territories(pool).await;
    assert_eq!(s.communes.all().len(), 368);
    assert_eq!(s.communes.locate(STRASBOURG).unwrap().name, "Strasbourg");
    assert_eq!(s.communes.locate(COLMAR).unwrap().territory.as_str(), "68");
    // Loading again writes nothing twice.
    assert_eq!(territories::load(&s.db).await.unwrap().all().len(), 368);
    let listed = territories::list(&s.db).await.unwrap();
    let counts: Vec<(&str, i64)> = listed.iter().map(|t| (t.code.as_str(), t.communes)).collect();
    assert_eq!(counts, [("67", 2), ("68", 366)]);
    // The same code again, or communes of another territory: refused, naming why.
    let again = territories::add(&s.db, &addition("67"), &bas_rhin(), NOW).await.unwrap_err();
    assert!(again.contains("exists already"), "{again}");
    let mut stolen = bas_rhin();
    stolen = Communes::from_list(
        stolen
            .all()
            .iter()
            .cloned()
            .map(|mut c| {
                c.territory = TerritoryCode::parse("BR").unwrap();
                c
            })
            .collect(),
    )
    .unwrap();
    let taken = territories::add(&s.db, &addition("BR"), &stolen, NOW).await.unwrap_err();
    assert!(taken.contains("2 of these communes belong to another territory already: 67180 (67)"), "{taken}");
    // A bad code or no name.
    assert!(territories::add(&s.db, &addition("6/7"), &bas_rhin(), NOW).await.is_err());
    let unnamed = Addition { name: "  ".into(), ..addition("67") };
    assert!(territories::add(&s.db, &unnamed, &bas_rhin(), NOW).await.unwrap_err().contains("name"));
    // An alert around a position in the Bas-Rhin is kept; one in Paris is not served.
    let me = test_account(&s.db, "voisin@entraide.test", Role::Resident, NOW).await;
    let around = |lat: f64, lon: f64| crate::domain::alert::AlertForm {
        lat: lat.to_string(),
        lon: lon.to_string(),
        radius: "2".into(),
        ..Default::default()
    };
    let alerts = crate::server::services::alerts::create;
    assert!(alerts(&s.db, &s.communes, &me, &around(STRASBOURG.lat, STRASBOURG.lon), NOW).await.is_ok());
    let paris = alerts(&s.db, &s.communes, &me, &around(48.85, 2.35), NOW).await.unwrap_err();
    assert!(format!("{paris:?}").contains("alert-position-outside"), "{paris:?}");
    // An unknown territory cannot be given to staff.
    test_account(&s.db, "mod@entraide.test", Role::Moderator, NOW).await;
    let unknown = territories::set_scope(&s.db, "mod@entraide.test", &only("99")).await.unwrap_err();
    assert!(unknown.contains("no territory 99"), "{unknown}");
}

#[tokio::test]
async fn staff_of_one_territory_neither_see_nor_act_on_the_others_posts() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = two_territories(pool).await;
    let haut = staff(&s, "haut@entraide.test", Role::Moderator, only("68")).await;
    let bas = staff(&s, "bas@entraide.test", Role::Admin, only("67")).await;
    let national = staff(&s, "national@entraide.test", Role::Admin, Scope::National).await;
    let pending = PostStatus::Pending;
    let colmar = posts::create(
        &s.db,
        &s.communes,
        creation("Courses à Colmar", PostKind::Request, Category::Groceries, COLMAR, pending),
    )
    .await
    .unwrap();
    let strasbourg = posts::create(
        &s.db,
        &s.communes,
        creation("Courses à Strasbourg", PostKind::Request, Category::Groceries, STRASBOURG, pending),
    )
    .await
    .unwrap();

    let queue = |who: CurrentUser| {
        let db = s.db.clone();
        async move {
            let page = moderation::queue(&db, &who, NOW).await.unwrap();
            (page.stats.pending, page.posts.iter().map(|p| p.id).collect::<Vec<_>>())
        }
    };
    assert_eq!(queue(haut.clone()).await, (1, vec![colmar]));
    assert_eq!(queue(bas.clone()).await, (1, vec![strasbourg]));
    assert_eq!(queue(national.clone()).await, (2, vec![colmar, strasbourg]));
    let said = |who: CurrentUser| {
        let db = s.db.clone();
        async move { moderation::queue(&db, &who, NOW).await.unwrap().stats.territories }
    };
    assert_eq!(said(haut.clone()).await, ["Haut-Rhin (68)"]);
    assert!(said(national.clone()).await.is_empty());
    let badge = |who: CurrentUser| {
        let db = s.db.clone();
        async move { notifications::badges(&db, &who).await.unwrap().to_moderate }
    };
    assert_eq!((badge(haut.clone()).await, badge(bas.clone()).await, badge(national.clone()).await), (1, 1, 2));

    // The figures count their territory's posts only.
    let figures = |who: CurrentUser| {
        let (db, communes) = (s.db.clone(), s.communes.clone());
        async move {
            let f = crate::server::services::stats::figures(&db, &communes, &who, &Default::default(), NOW).await;
            f.unwrap().moderation.waiting_now
        }
    };
    assert_eq!((figures(haut.clone()).await, figures(national.clone()).await), (1, 2));

    // The other territory's post does not exist for them: reading, approving, refusing.
    assert!(matches!(moderation::post(&s.db, &haut, strasbourg).await, Err(AppError::NotFound)));
    assert!(matches!(moderation::approve(&s.db, &haut, strasbourg, NOW).await, Err(AppError::NotFound)));
    assert!(matches!(moderation::approve(&s.db, &bas, colmar, NOW).await, Err(AppError::NotFound)));
    assert!(matches!(moderation::disable_author(&s.db, &bas, colmar, NOW).await, Err(AppError::NotFound)));
    // Nor on its public page, where staff see the posts that wait.
    let page = |who: CurrentUser, id: i64| {
        let (db, vetted) = (s.db.clone(), s.vetted.clone());
        async move { posts::get_visible(&db, &vetted, id, Some(&who)).await.map(|p| p.summary.id) }
    };
    assert!(matches!(page(haut.clone(), strasbourg).await, Err(AppError::NotFound)));
    assert_eq!(page(bas.clone(), strasbourg).await.unwrap(), strasbourg);
    assert_eq!(page(national.clone(), strasbourg).await.unwrap(), strasbourg);
    assert_eq!(queue(national.clone()).await.0, 2, "nothing was decided");
    // Their own, yes; and the national admin acts anywhere.
    moderation::approve(&s.db, &bas, strasbourg, NOW).await.unwrap();
    moderation::approve(&s.db, &national, colmar, NOW).await.unwrap();
    assert_eq!(queue(national.clone()).await.0, 0);

    // A phone call about Strasbourg is for the Bas-Rhin's staff.
    let mut call = crate::server::services::intakes::tests::form(true);
    call.post.commune = "Strasbourg".into();
    let draft = || call.parse(&s.communes.refs(), NOW).unwrap();
    let refused = crate::server::services::intakes::file(&s.db, &s.communes, &haut, draft(), NOW).await.unwrap_err();
    assert!(format!("{refused:?}").contains("intake-other-territory"), "{refused:?}");
    let filed = crate::server::services::intakes::file(&s.db, &s.communes, &bas, draft(), NOW).await.unwrap();
    // Every intake, for admins: those of their territories.
    let admin68 = staff(&s, "admin68@entraide.test", Role::Admin, only("68")).await;
    let intakes = |who: CurrentUser| {
        let db = s.db.clone();
        async move {
            let all = crate::server::services::intakes::list(&db, &who, true, NOW).await.unwrap();
            all.items.iter().map(|i| i.post_id).collect::<Vec<_>>()
        }
    };
    assert_eq!((intakes(national.clone()).await, intakes(admin68.clone()).await), (vec![filed], vec![]));
    let other = crate::server::services::intakes::called_back(&s.db, &admin68, filed, NOW).await;
    assert!(matches!(other, Err(AppError::NotFound)), "{other:?}");

    // Given both, the Haut-Rhin's moderator sees both again.
    let both = Scope::from_rows(vec![TerritoryCode::parse("67").unwrap(), TerritoryCode::parse("68").unwrap()]);
    territories::set_scope(&s.db, "haut@entraide.test", &both).await.unwrap();
    assert!(moderation::post(&s.db, &haut, strasbourg).await.is_ok());
}

#[tokio::test]
async fn the_address_of_a_territory_opens_the_map_on_it() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = two_territories(pool).await;
    let res = super::router_get(&s, "/67").await;
    assert_eq!(res.0, StatusCode::SEE_OTHER);
    assert_eq!(res.1, "/?bbox=7.68000,48.50000,7.86000,48.86000");
    assert_eq!(super::router_get(&s, "/67/").await.1, "/?bbox=7.68000,48.50000,7.86000,48.86000");
    let haut = super::router_get(&s, "/68").await.1;
    assert!(haut.starts_with("/?bbox=6.8"), "{haut}");
    // The page it leads to lists the territory's posts like any other view.
    assert_eq!(get(&s, "/?bbox=7.68000,48.50000,7.86000,48.86000").await.0, StatusCode::OK);
    // Anything else is not a territory: unknown codes, encoded or bent paths, files.
    for path in ["/99", "/6%2F7", "/67%09", "/67/publier", "/%36%37", "//67", "/robots.txt"] {
        let (status, location) = super::router_get(&s, path).await;
        assert!(location.is_empty(), "{path} went to {location} ({status})");
    }
}

#[tokio::test]
async fn an_admin_of_one_territory_appoints_staff_there_only() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    use crate::server::services::people::{self, Change};
    let s = two_territories(pool).await;
    let bas = staff(&s, "bas@entraide.test", Role::Admin, only("67")).await;
    let haut = staff(&s, "haut@entraide.test", Role::Moderator, only("68")).await;
    let national = staff(&s, "national@entraide.test", Role::Admin, Scope::National).await;
    let resident = test_account(&s.db, "benevole@entraide.test", Role::Resident, NOW).await;
    // Appointed by the Bas-Rhin's admin, the new moderator acts in the Bas-Rhin only.
    people::change(&s.db, &bas, resident.id, Change::Role(Role::Moderator), NOW).await.unwrap();
    let appointed = CurrentUser { role: Role::Moderator, ..resident };
    assert_eq!(territories::scope_of(&s.db, &appointed).await.unwrap(), only("67"));
    // Staff of another territory, or national: not theirs to change.
    for other in [&haut, &national] {
        let refused = people::change(&s.db, &bas, other.id, Change::Disable, NOW).await.unwrap_err();
        assert!(format!("{refused:?}").contains("people-other-territory"), "{refused:?}");
    }
    // The national admin changes anyone.
    people::change(&s.db, &national, haut.id, Change::Role(Role::Admin), NOW).await.unwrap();
    assert_eq!(territories::scope_of(&s.db, &haut).await.unwrap(), only("68"));

    // « Personnes » shows where staff act; the Bas-Rhin's admin may give the Bas-Rhin only.
    let seen = people::view(&s.db, &bas, appointed.id, NOW).await.unwrap().territories.unwrap();
    let offered: Vec<(&str, bool)> = seen.choices.iter().map(|c| (c.code.as_str(), c.checked)).collect();
    assert_eq!((offered, seen.national, seen.may_national, seen.may_change), (vec![("67", true)], false, false, true));
    let seen = people::view(&s.db, &national, haut.id, NOW).await.unwrap().territories.unwrap();
    assert_eq!(seen.choices.iter().filter(|c| c.checked).count(), 1);
    assert!(seen.may_national && seen.may_change && seen.choices.len() == 2);
    assert!(people::view(&s.db, &national, bas.id, NOW).await.unwrap().territories.is_some());
    let refused = |r: Result<(), AppError>| format!("{:?}", r.unwrap_err());
    let codes = |c: &[&str]| c.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>();
    // Nothing ticked, national from a territorial admin, another territory, a resident: refused.
    assert!(refused(people::set_territories(&s.db, &bas, appointed.id, false, &[], NOW).await)
        .contains("people-territories-none"));
    assert!(refused(people::set_territories(&s.db, &bas, appointed.id, true, &[], NOW).await)
        .contains("people-other-territory"));
    assert!(refused(people::set_territories(&s.db, &bas, appointed.id, false, &codes(&["67", "68"]), NOW).await)
        .contains("people-other-territory"));
    let other = test_account(&s.db, "voisine@entraide.test", Role::Resident, NOW).await;
    assert!(refused(people::set_territories(&s.db, &national, other.id, false, &codes(&["67"]), NOW).await)
        .contains("people-territories-staff-only"));
    // The national admin gives the Haut-Rhin's moderator both, then everything.
    people::set_territories(&s.db, &national, haut.id, false, &codes(&["67", "68"]), NOW).await.unwrap();
    assert!(matches!(territories::scope_of(&s.db, &haut).await.unwrap(), Scope::Only(c) if c.len() == 2));
    people::set_territories(&s.db, &national, haut.id, true, &[], NOW).await.unwrap();
    assert_eq!(territories::scope_of(&s.db, &haut).await.unwrap(), Scope::National);
    let audited: Vec<String> =
        db::query_scalar("SELECT detail FROM people_audit WHERE action = 'territories' ORDER BY id")
            .fetch_all(&s.db.read)
            .await
            .unwrap();
    assert_eq!(audited, ["67 68", "national"]);
}

#[tokio::test]
async fn the_emergency_panel_adds_the_territorys_own_services() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = two_territories(pool).await;
    let changes = territories::Changes {
        emergency: Some("SOS Amitié Alsace, 03 88 22 33 33".into()),
        contact_phone: Some("03 88 76 67 67".into()),
        ..Default::default()
    };
    territories::set(&s.db, "67", &changes).await.unwrap();
    assert!(territories::set(&s.db, "99", &changes).await.unwrap_err().contains("no territory 99"));
    let author = super::signed_up(&s, "claire%40exemple.fr").await;
    let fall = |commune: &str| {
        format!(
            "kind=request&category=groceries&title=Courses+pour+ma+m%C3%A8re&description=Elle+est+tomb%C3%A9e+\
             et+n%27arrive+pas+%C3%A0+se+relever.&lifetime_days=30&commune={commune}"
        )
    };
    let r = super::send(&s, "POST", "/publier", &fall("Strasbourg"), Some(&author)).await;
    assert!(r.body.contains("Est-ce une urgence"), "the panel");
    assert!(r.body.contains("Bas-Rhin : SOS Amitié Alsace, 03 88 22 33 33"), "the territory's own services");
    assert!(r.body.contains("href=\"tel:0388766767\""), "its team, one tap away");
    assert!(r.body.contains("href=\"tel:15\""), "the national numbers still");
    // In the Haut-Rhin, which says nothing of its own: the national numbers only.
    let r = super::send(&s, "POST", "/publier", &fall("Colmar"), Some(&author)).await;
    assert!(r.body.contains("Est-ce une urgence") && !r.body.contains("SOS Amitié Alsace"));
}

#[tokio::test]
async fn a_post_page_gives_the_contact_of_its_territorys_team() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = two_territories(pool).await;
    let changes = territories::Changes {
        contact_email: Some("entraide@bas-rhin.fr".into()),
        contact_phone: Some("03 88 76 67 67".into()),
        ..Default::default()
    };
    territories::set(&s.db, "67", &changes).await.unwrap();
    let published = PostStatus::Published;
    let ids = super::seed(
        &s,
        vec![
            creation("Courses à Strasbourg", PostKind::Request, Category::Groceries, STRASBOURG, published),
            creation("Courses à Colmar", PostKind::Request, Category::Groceries, COLMAR, published),
        ],
    )
    .await;
    let (_, _, page) = get(&s, &format!("/posts/{}", ids[0])).await;
    assert!(page.contains("L&#x27;équipe d&#x27;Entraide Bas-Rhin") || page.contains("L'équipe d'Entraide Bas-Rhin"));
    assert!(page.contains("href=\"mailto:entraide@bas-rhin.fr\"") && page.contains("href=\"tel:0388766767\""));
    let (_, _, page) = get(&s, &format!("/posts/{}", ids[1])).await;
    assert!(!page.contains("mailto:entraide@"), "the Haut-Rhin gave no contact");
}

#[tokio::test]
async fn follow_ups_are_seen_and_closed_by_their_territorys_staff() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    use crate::domain::follow_up::FollowUpRules;
    use crate::server::services::follow_ups;
    let s = two_territories(pool).await;
    let haut = staff(&s, "haut@entraide.test", Role::Moderator, only("68")).await;
    let bas = staff(&s, "bas@entraide.test", Role::Moderator, only("67")).await;
    let author = test_account(&s.db, "auteur@entraide.test", Role::Resident, NOW).await;
    let mut c =
        creation("Courses à Strasbourg", PostKind::Request, Category::Groceries, STRASBOURG, PostStatus::Published);
    (c.created_at, c.author_id) = (NOW - 6 * 86_400, Some(author.id));
    let post = posts::create(&s.db, &s.communes, c).await.unwrap();
    follow_ups::sweep(&s.db, &FollowUpRules::default(), NOW).await.unwrap();
    let seen = |who: CurrentUser| {
        let db = s.db.clone();
        async move {
            follow_ups::list(&db, &who, NOW)
                .await
                .unwrap()
                .unanswered
                .iter()
                .map(|f| (f.id, f.post_id))
                .collect::<Vec<_>>()
        }
    };
    let lines = seen(bas.clone()).await;
    assert_eq!(lines.iter().map(|l| l.1).collect::<Vec<_>>(), [post], "nobody answered in 6 days");
    assert!(seen(haut.clone()).await.is_empty());
    let id = lines[0].0;
    assert!(matches!(follow_ups::resolve(&s.db, &haut, id, NOW).await, Err(AppError::NotFound)));
    follow_ups::resolve(&s.db, &bas, id, NOW).await.unwrap();
    assert!(seen(bas).await.is_empty());
}

//! « Mon immeuble » (#18 §3) over HTTP: a resident creates the group of their building (never
//! its number), its notice's QR code leads to the page that joins it, a neighbour joins with the
//! code and posts for the building only; staff validate it; its members read and answer it, and
//! nobody else ever sees it — not the page, the list, the map, the GeoJSON, the CSV, the staff's
//! exports or a reply form.

use axum::http::StatusCode;

use super::notice::read_qr;
use super::{logged_in_as, send, signed_up, state, PUBLISH};
use crate::domain::user::Role;
use crate::server::db;
use crate::server::state::AppState;

fn unescape(body: &str) -> String {
    body.replace("&#x27;", "'").replace("&#39;", "'").replace("&quot;", "\"")
}

async fn scalar(s: &AppState, sql: &str, id: i64) -> i64 {
    db::query_scalar(sql).bind(id).fetch_one(&s.db.read).await.unwrap()
}

const TITLE: &str = "Arroser les plantes du palier";

#[tokio::test]
async fn a_building_post_reaches_its_members_and_never_the_public() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let founder = signed_up(&s, "jeanne%40exemple.fr").await;
    let neighbour = signed_up(&s, "paul%40exemple.fr").await;
    let stranger = signed_up(&s, "autre%40exemple.fr").await;
    let staff = logged_in_as(&s, "moderatrice@exemple.fr", Role::Moderator).await;

    // The number of the house is refused; what was typed stays.
    let r =
        send(&s, "POST", "/immeuble", "form=create&street=12+rue+des+Tilleuls&commune=Colmar", Some(&founder)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let body = unescape(&r.body);
    assert!(body.contains("sans le numéro") && body.contains("value=\"12 rue des Tilleuls\""), "{body}");
    assert_eq!(scalar(&s, "SELECT count(*) FROM buildings WHERE id > $1", 0).await, 0);
    let r = send(&s, "POST", "/immeuble", "form=create&street=rue+des+Tilleuls&commune=colmar", Some(&founder)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let building: i64 = r.location.unwrap().split(['=', '#']).nth(1).unwrap().parse().unwrap();
    let page = unescape(&send(&s, "GET", "/immeuble", "", Some(&founder)).await.body);
    assert!(page.contains("Immeuble, rue des Tilleuls, Colmar") && page.contains("1 voisin inscrit"), "{page}");
    let code: String = db::query_scalar("SELECT join_code FROM buildings WHERE id = $1")
        .bind(building)
        .fetch_one(&s.db.read)
        .await
        .unwrap();
    let shown = format!("{}-{}", &code[..4], &code[4..]);
    assert!(page.contains(&shown), "the code is on the page");

    // The notice for the hall: its QR code leads to the page that joins the building.
    let notice = unescape(&send(&s, "GET", &format!("/immeuble/{building}/affiche"), "", Some(&founder)).await.body);
    assert!(notice.contains("Immeuble, rue des Tilleuls, Colmar") && notice.contains(&shown), "{notice}");
    assert!(notice.contains(&format!("src=\"/immeuble/{building}/qr.svg\"")), "{notice}");
    let qr = send(&s, "GET", &format!("/immeuble/{building}/qr.svg"), "", Some(&founder)).await;
    assert_eq!(qr.status, StatusCode::OK);
    let url = read_qr(&qr.body);
    let path = url.split_once("://").unwrap().1.split_once('/').unwrap().1;
    assert_eq!(format!("/{path}"), format!("/immeuble/rejoindre?code={shown}"));
    // Only members print it or read its code.
    for who in [None, Some(stranger.as_str())] {
        for uri in [format!("/immeuble/{building}/affiche"), format!("/immeuble/{building}/qr.svg")] {
            let r = send(&s, "GET", &uri, "", who).await;
            assert!(matches!(r.status, StatusCode::NOT_FOUND | StatusCode::UNAUTHORIZED), "{uri}: {}", r.status);
            assert!(!r.body.contains(&shown) && !r.body.contains("Tilleuls"), "{uri}");
        }
    }

    // The page the QR code opens names the building; a neighbour joins with the code typed loosely.
    let join = unescape(&send(&s, "GET", &format!("/{path}"), "", None).await.body);
    assert!(join.contains("Immeuble, rue des Tilleuls, Colmar"), "{join}");
    let r = send(&s, "POST", "/immeuble", "form=join&code=ZZZZ-ZZZZ", Some(&neighbour)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(unescape(&r.body).contains("Aucun immeuble n'a ce code") && r.body.contains("value=\"ZZZZ-ZZZZ\""));
    let loose = format!("{}+{}", code[..4].to_lowercase(), &code[4..]);
    let r = send(&s, "POST", "/immeuble", &format!("form=join&code={loose}"), Some(&neighbour)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

    // The neighbour posts for the building only; a stranger cannot.
    let only = format!(
        "{}&audience=building-{building}",
        PUBLISH.replace("Courses+pour+ma+voisine", &TITLE.replace(' ', "+"))
    );
    let r = send(&s, "POST", "/publier", &only, Some(&stranger)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(unescape(&r.body).contains("un immeuble dont vous faites partie"), "{}", r.body);
    let broken = format!("{}&audience=building-abc", PUBLISH.replace("Courses", "Pain"));
    let r = send(&s, "POST", "/publier", &broken, Some(&neighbour)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "a broken choice is never read as « everyone »");
    let r = send(&s, "POST", "/publier", &only, Some(&neighbour)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let post: i64 = r.location.unwrap().rsplit('=').next().unwrap().parse().unwrap();

    // Staff validate it, and read that it is for one building.
    let queue = unescape(&send(&s, "GET", "/moderation", "", Some(&staff)).await.body);
    assert!(queue.contains("Visible seulement par les voisins de : Immeuble, rue des Tilleuls, Colmar"), "{queue}");
    let r = send(&s, "POST", "/moderation", &format!("id={post}&action=approve"), Some(&staff)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(scalar(&s, "SELECT count(*) FROM posts WHERE status = 'published' AND id = $1", post).await, 1);

    // Never public: not on the map's index, not in any list, file or page.
    assert_eq!(scalar(&s, "SELECT count(*) FROM posts_geo WHERE id = $1", post).await, 0);
    assert_eq!(scalar(&s, "SELECT count(*) FROM alert_fanout WHERE post_id = $1", post).await, 0);
    let export = format!("format=csv&{}", super::exports::around_now());
    for (who, uri, method, form) in [
        (None, "/".to_owned(), "GET", String::new()),
        (None, "/?q=arroser".to_owned(), "GET", String::new()),
        (None, "/api/list_posts".to_owned(), "GET", String::new()),
        (None, "/api/v1/posts.geojson".to_owned(), "GET", String::new()),
        (None, "/api/v1/posts.csv".to_owned(), "GET", String::new()),
        (None, format!("/posts/{post}"), "GET", String::new()),
        (None, format!("/api/get_post?id={post}"), "GET", String::new()),
        (None, format!("/posts/{post}/affichette"), "GET", String::new()),
        (Some(stranger.as_str()), format!("/posts/{post}"), "GET", String::new()),
        (Some(stranger.as_str()), "/".to_owned(), "GET", String::new()),
        (Some(stranger.as_str()), "/immeuble".to_owned(), "GET", String::new()),
        (Some(staff.as_str()), "/pilotage/exports".to_owned(), "POST", export.clone()),
    ] {
        let r = send(&s, method, &uri, &form, who).await;
        assert!(!r.body.contains(TITLE), "{uri} shows the building's post");
    }
    assert_eq!(send(&s, "GET", &format!("/posts/{post}"), "", Some(&stranger)).await.status, StatusCode::NOT_FOUND);
    let r = send(&s, "POST", &format!("/posts/{post}/repondre"), "body=Je+peux+aider", Some(&stranger)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);
    let r = send(&s, "POST", &format!("/posts/{post}/signaler"), "reason=spam&details=", Some(&stranger)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);

    // Its members read it in « Mon immeuble » and on its page, and answer it.
    let mine = unescape(&send(&s, "GET", "/immeuble", "", Some(&founder)).await.body);
    assert!(mine.contains(TITLE) && mine.contains("2 voisins inscrits"), "{mine}");
    let page = send(&s, "GET", &format!("/posts/{post}"), "", Some(&founder)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(unescape(&page.body).contains("Visible seulement par les voisins de : Immeuble, rue des Tilleuls"));
    assert!(!page.body.contains("/affichette"), "no public notice for a building's post");
    let r = send(&s, "POST", &format!("/posts/{post}/repondre"), "body=Je+passe+demain", Some(&founder)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

    // Leaving the group, the founder no longer reads it.
    let r = send(&s, "POST", "/immeuble", &format!("form=leave&id={building}"), Some(&founder)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(send(&s, "GET", &format!("/posts/{post}"), "", Some(&founder)).await.status, StatusCode::NOT_FOUND);
    assert!(!send(&s, "GET", "/immeuble", "", Some(&founder)).await.body.contains(TITLE));
    let r = send(&s, "POST", "/immeuble", &format!("form=leave&id={building}"), Some(&stranger)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn guessing_codes_is_slowed_down() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let guesser = signed_up(&s, "devine%40exemple.fr").await;
    for i in 0..crate::server::services::buildings::WRONG_CODES_PER_HOUR {
        let r = send(&s, "POST", "/immeuble", &format!("form=join&code=ZZZZ-ZZ{}", i % 8 + 2), Some(&guesser)).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{i}");
    }
    let r = send(&s, "POST", "/immeuble", "form=join&code=ZZZZ-ZZZZ", Some(&guesser)).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.retry_after.is_some());
    // Not a code at all is said as such, and counted too.
    let other = signed_up(&s, "autre%40exemple.fr").await;
    let r = send(&s, "POST", "/immeuble", "form=join&code=", Some(&other)).await;
    assert!(unescape(&r.body).contains("Tapez le code"), "{}", r.body);
}

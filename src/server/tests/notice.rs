//! The printed notice of a post (#18 §3): its page shows only what the public page shows, and
//! its QR code, read back as a phone would (the SVG drawn into pixels, then decoded by a QR
//! decoder), leads to the post's page. Only open public posts have one.

use axum::http::StatusCode;

use super::{logged_in_as, published_id, send, signed_up, state, PUBLISH};
use crate::domain::user::Role;
use crate::server::db;
use crate::server::notice::post_url;
use crate::server::state::AppState;

/// Decodes the QR code drawn by `svg`, as a phone's camera would read the printed notice.
pub(super) fn read_qr(svg: &str) -> String {
    use resvg::{tiny_skia, usvg};
    let tree = usvg::Tree::from_str(svg, &usvg::Options::default()).expect("an SVG");
    let size = tree.size().to_int_size();
    let scale = 3;
    let mut pixmap = tiny_skia::Pixmap::new(size.width() * scale, size.height() * scale).expect("a canvas");
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale as f32, scale as f32), &mut pixmap.as_mut());
    let (w, h) = (pixmap.width() as usize, pixmap.height() as usize);
    let data = pixmap.data();
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| data[(y * w + x) * 4]);
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code");
    grids[0].decode().expect("a readable code").1
}

async fn approved(s: &AppState, form: &str) -> i64 {
    let author = signed_up(s, "auteure%40exemple.fr").await;
    let id = published_id(s, &author, form).await;
    let staff = logged_in_as(s, "moderatrice@exemple.fr", Role::Moderator).await;
    let r = send(s, "POST", "/moderation", &format!("id={id}&action=approve"), Some(&staff)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    id
}

#[tokio::test]
async fn a_notice_s_qr_code_leads_to_its_post() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let id = approved(&s, PUBLISH).await;

    // The post offers it to anyone.
    let page = send(&s, "GET", &format!("/posts/{id}"), "", None).await;
    assert!(page.body.contains(&format!("href=\"/posts/{id}/affichette\"")));

    let notice = send(&s, "GET", &format!("/posts/{id}/affichette"), "", None).await;
    assert_eq!(notice.status, StatusCode::OK);
    let address = post_url(id);
    let short = address.split_once("://").unwrap().1;
    for shown in ["Courses pour ma voisine", "Colmar", "Courses", "Une fois par semaine.", short] {
        assert!(notice.body.contains(shown), "{shown}");
    }
    assert_eq!(notice.body.matches("<li><span class=\"notice-strip-title\">").count(), 8, "eight strips to tear off");
    assert!(notice.body.matches(short).count() >= 9, "the address on the sheet and on each strip");
    // Only what the public page shows: never the private note nor the author.
    assert!(!notice.body.contains("Bâtiment B") && !notice.body.contains("auteure@exemple.fr"));
    let src = format!("src=\"/posts/{id}/qr.svg\"");
    assert!(notice.body.contains(&src), "the code drawn by the server");

    let qr = send(&s, "GET", &format!("/posts/{id}/qr.svg"), "", None).await;
    assert_eq!(qr.status, StatusCode::OK);
    assert_eq!(read_qr(&qr.body), address);
}

#[tokio::test]
async fn only_open_public_posts_have_a_notice() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let author = signed_up(&s, "auteure%40exemple.fr").await;
    let pending = published_id(&s, &author, PUBLISH).await;
    for (who, cookie) in [("anonymous", None), ("its author", Some(author.as_str()))] {
        let r = send(&s, "GET", &format!("/posts/{pending}/affichette"), "", cookie).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{who}");
        let r = send(&s, "GET", &format!("/posts/{pending}/qr.svg"), "", cookie).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{who}");
        let page = send(&s, "GET", &format!("/posts/{pending}"), "", cookie).await;
        assert!(!page.body.contains("/affichette"), "{who}: no link to a notice that does not exist");
    }
    for bad in ["/posts/999999/affichette", "/posts/999999/qr.svg", "/posts/abc/qr.svg", "/posts/-1/affichette"] {
        let r = send(&s, "GET", bad, "", None).await;
        assert!(r.status == StatusCode::NOT_FOUND || r.status == StatusCode::BAD_REQUEST, "{bad}: {}", r.status);
    }
    // Closed by its author: off the board too.
    let id = published_id(&s, &author, &PUBLISH.replace("voisine", "cousine")).await;
    let staff = logged_in_as(&s, "moderatrice@exemple.fr", Role::Moderator).await;
    send(&s, "POST", "/moderation", &format!("id={id}&action=approve"), Some(&staff)).await;
    assert_eq!(send(&s, "GET", &format!("/posts/{id}/qr.svg"), "", None).await.status, StatusCode::OK);
    db::query("UPDATE posts SET status = 'closed' WHERE id = $1").bind(id).execute(&s.db.write).await.unwrap();
    assert_eq!(send(&s, "GET", &format!("/posts/{id}/qr.svg"), "", None).await.status, StatusCode::NOT_FOUND);
}

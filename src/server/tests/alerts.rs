//! « Mes alertes » over HTTP: one's own alerts only; a mistake keeps what was typed; the
//! unsubscribe link is the only authority of its page and of the one-click post, which comes
//! from mail programs anywhere, while every other form of alerts stays same-site.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};

use super::security::raw;
use super::{send, signed_up, state};
use crate::server::db;

async fn alert_ids(s: &crate::server::state::AppState) -> Vec<i64> {
    db::query_scalar("SELECT id FROM alerts ORDER BY id").fetch_all(&s.db.read).await.unwrap()
}

#[tokio::test]
async fn one_reads_and_changes_one_s_own_alerts_only() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let claire = signed_up(&s, "claire%40exemple.fr").await;
    let marc = signed_up(&s, "marc%40exemple.fr").await;
    // Anonymous: sent to log in, nothing saved; the API says 401.
    let r = send(&s, "POST", "/alertes", "place=Colmar&radius=5", None).await;
    assert_eq!(r.location.as_deref(), Some("/connexion?next=/alertes"));
    assert_eq!(send(&s, "GET", "/alertes", "", None).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(send(&s, "GET", "/api/my_alerts", "", None).await.status, StatusCode::UNAUTHORIZED);
    assert!(alert_ids(&s).await.is_empty());

    let r = send(&s, "POST", "/alertes", "place=colmar&radius=5&cat-groceries=on&kind=request", Some(&claire)).await;
    assert_eq!(r.location.as_deref(), Some("/alertes?fait=enregistree"), "{}", r.body);
    let ids = alert_ids(&s).await;
    let page = send(&s, "GET", "/alertes", "", Some(&claire)).await.body;
    assert!(page.contains("Colmar, dans un rayon de 5 km"), "{page}");
    // Marc sees none of it, and cannot delete it.
    let theirs = send(&s, "GET", "/api/my_alerts", "", Some(&marc)).await;
    assert_eq!(theirs.status, StatusCode::OK);
    assert!(!theirs.body.contains("Colmar"), "{}", theirs.body);
    assert!(!send(&s, "GET", "/alertes", "", Some(&marc)).await.body.contains("Colmar, dans"));
    let r = send(&s, "POST", "/alertes", &format!("action=delete&id={}", ids[0]), Some(&marc)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(alert_ids(&s).await, ids);
    // Nothing in the page or the API tells the exact centre of someone else's alert, and the
    // owner's own JSON holds no coordinates at all.
    let mine = send(&s, "GET", "/api/my_alerts", "", Some(&claire)).await.body;
    assert!(!mine.contains("\"lat\"") && !mine.contains("unsubscribe"), "{mine}");

    // A mistake: 400, the words of the form kept, each field named.
    let r = send(&s, "POST", "/alertes", "place=Strasbourg&radius=45&cat-diy=on&cat-cooking=on", Some(&claire)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("value=\"Strasbourg\""), "kept");
    assert!(r.body.contains("« Strasbourg »") || r.body.contains("Strasbourg"));
    assert!(r.body.contains("entre 1 et 30"), "the radius named");
    assert!(r.body.contains("cooking"), "the unknown category named");
    assert_eq!(alert_ids(&s).await, ids);
    // The owner deletes it.
    let r = send(&s, "POST", "/alertes", &format!("action=delete&id={}", ids[0]), Some(&claire)).await;
    assert_eq!(r.location.as_deref(), Some("/alertes?fait=supprimee"));
    assert!(alert_ids(&s).await.is_empty());
}

#[tokio::test]
async fn the_unsubscribe_link_needs_no_log_in_and_only_its_token() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let claire = signed_up(&s, "claire%40exemple.fr").await;
    send(&s, "POST", "/alertes", "place=Colmar&radius=5", Some(&claire)).await;
    let token: String =
        db::query_scalar("SELECT unsubscribe_token FROM alert_settings").fetch_one(&s.db.read).await.unwrap();
    let email = || async {
        db::query_scalar::<String>("SELECT email FROM alert_settings").fetch_one(&s.db.read).await.unwrap()
    };
    let link = format!("/alertes/desabonner/{token}");
    // A GET (what a mail scanner follows) shows a button and changes nothing.
    let page = send(&s, "GET", &link, "", None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Ne plus recevoir ces e-mails"));
    assert!(!page.body.contains("claire@exemple.fr"), "the page says nothing of the account");
    assert_eq!(email().await, "instant");
    // Wrong tokens: 404, as a page and as a one-click post; an encoded slash goes nowhere.
    for bad in [
        format!("/alertes/desabonner/{}", &token[..63]),
        format!("/alertes/desabonner/{}0", &token[..63]).replace(&token[..63], &"0".repeat(63)),
        format!("/alertes/desabonner/{token}%2F..%2F"),
    ] {
        assert_eq!(send(&s, "GET", &bad, "", None).await.status, StatusCode::NOT_FOUND, "{bad}");
        let r = send(&s, "POST", &bad, "List-Unsubscribe=One-Click", None).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{bad}");
    }
    // (`..` encoded is the page « Mes alertes » itself, which asks to log in.)
    assert_eq!(send(&s, "GET", "/alertes/desabonner/%2e%2e", "", None).await.status, StatusCode::UNAUTHORIZED);
    assert_ne!(
        send(&s, "POST", "/alertes/desabonner/%2e%2e", "List-Unsubscribe=One-Click", None).await.status,
        StatusCode::OK
    );
    assert_eq!(email().await, "instant");
    // The one-click post of a mail program: from anywhere, no cookie.
    let mut req = Request::post(&link)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ORIGIN, "https://mail.example")
        .header("sec-fetch-site", "cross-site")
        .body(Body::from("List-Unsubscribe=One-Click"))
        .unwrap();
    req.headers_mut().insert(header::HOST, "entraide.test".parse().unwrap());
    let (status, _, body) = raw(&s, req).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.contains("vous ne recevrez plus d'e-mails"), "{body}");
    assert_eq!(email().await, "off");
    // Every other alert form stays same-site: a foreign page cannot save or delete alerts.
    let mut req = Request::post("/alertes")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ORIGIN, "https://evil.example")
        .header(header::COOKIE, &claire)
        .body(Body::from("action=settings&email=instant&hour=8"))
        .unwrap();
    req.headers_mut().insert(header::HOST, "entraide.test".parse().unwrap());
    assert_eq!(raw(&s, req).await.0, StatusCode::FORBIDDEN);
    assert_eq!(email().await, "off");
    // The page's button (same site, no cookie) works too, and says it is done.
    send(&s, "POST", "/alertes", "action=settings&email=digest&hour=7", Some(&claire)).await;
    assert_eq!(email().await, "digest");
    let r = send(&s, "POST", &link, "", None).await;
    assert_eq!(r.location.as_deref(), Some(format!("{link}?fait=1").as_str()));
    assert_eq!(email().await, "off");
    assert!(send(&s, "GET", &format!("{link}?fait=1"), "", None).await.body.contains("C'est fait"));
}

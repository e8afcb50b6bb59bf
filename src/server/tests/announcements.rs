//! Announcements over HTTP: only admins write and remove them; the home page shows them, as
//! text, on their days only.

use axum::http::StatusCode;

use super::{logged_in_as, send, signed_up, state};
use crate::domain::period::format_date;
use crate::domain::user::Role;
use crate::server::db;
use crate::server::services;

#[tokio::test]
async fn admins_write_the_banner_and_everyone_reads_it_on_its_days() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let resident = signed_up(&s, "voisin%40exemple.fr").await;
    let moderator = logged_in_as(&s, "moderatrice@departement.fr", Role::Moderator).await;
    let admin = logged_in_as(&s, "admin@departement.fr", Role::Admin).await;
    let now = services::now();
    let (today, later) = (format_date(now), format_date(now + 10 * 86_400));
    let form = format!(
        "message=Canicule+%3A+pensez+%C3%A0+vos+voisins+%3Cb%3E%C3%A2g%C3%A9s%3C%2Fb%3E&from={today}&to={later}"
    );
    for (who, cookie, refused) in [
        ("anonymous", None, StatusCode::UNAUTHORIZED),
        ("resident", Some(resident.as_str()), StatusCode::FORBIDDEN),
        ("moderator", Some(moderator.as_str()), StatusCode::FORBIDDEN),
    ] {
        assert_eq!(send(&s, "GET", "/admin/annonces", "", cookie).await.status, refused, "{who}");
        let r = send(&s, "POST", "/admin/annonces", &form, cookie).await;
        assert!(r.status == refused || (cookie.is_none() && r.status == StatusCode::SEE_OTHER), "{who}: {}", r.status);
    }
    assert!(!send(&s, "GET", "/", "", None).await.body.contains("Canicule"));
    let r = send(&s, "POST", "/admin/annonces", &form, Some(&admin)).await;
    assert_eq!(r.location.as_deref(), Some("/admin/annonces?fait=publiee"));
    let home = send(&s, "GET", "/", "", None).await.body;
    assert!(home.contains("Canicule : pensez à vos voisins &lt;b&gt;âgés&lt;/b&gt;"), "shown as text");
    // On its days only.
    let at = |t| services::announcements::current(&s.db, t);
    assert_eq!(at(now + 11 * 86_400).await.unwrap().len(), 0);
    assert_eq!(at(now + 9 * 86_400).await.unwrap().len(), 1);
    // A mistake keeps what was typed.
    let r =
        send(&s, "POST", "/admin/annonces", &format!("message=Verglas&from={later}&to={today}"), Some(&admin)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("Verglas"));
    // Removed, it leaves the home page.
    let id: i64 = db::query_scalar("SELECT id FROM announcements").fetch_one(&s.db.read).await.unwrap();
    let r = send(&s, "POST", "/admin/annonces", &format!("action=delete&id={id}"), Some(&moderator)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    send(&s, "POST", "/admin/annonces", &format!("action=delete&id={id}"), Some(&admin)).await;
    assert!(!send(&s, "GET", "/", "", None).await.body.contains("Canicule"));
}

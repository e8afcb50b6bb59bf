//! The site's pages over HTTP: anyone reads them; editors and admins open the editor and save
//! drafts, only admins publish; the Markdown is sanitized on the way out; bent addresses are
//! not found.

use axum::http::StatusCode;

use super::{logged_in_as, send, signed_up, state};
use crate::domain::user::Role;
use crate::server::db;

#[tokio::test]
async fn pages_are_read_by_all_written_by_editors_published_by_admins() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let resident = signed_up(&s, "voisin%40exemple.fr").await;
    let editor = logged_in_as(&s, "com@departement.fr", Role::Editor).await;
    let moderator = logged_in_as(&s, "modo@departement.fr", Role::Moderator).await;
    let admin = logged_in_as(&s, "admin@departement.fr", Role::Admin).await;
    // Anyone reads every page, linked from every page's footer.
    let r = send(&s, "GET", "/pages/charte", "", None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("L'entraide est gratuite."), "the shipped charter");
    for href in
        ["/pages/comment-ca-marche", "/pages/mentions-legales", "/pages/donnees-personnelles", "/pages/accessibilite"]
    {
        assert!(r.body.contains(&format!("href=\"{href}\"")), "footer links {href}");
        assert_eq!(send(&s, "GET", href, "", None).await.status, StatusCode::OK, "{href}");
    }
    for bent in ["/pages/nulle-part", "/pages/..%2Fadmin", "/pages/charte%09", "/api/get_site_page?slug=..%2Fcharte"] {
        assert_eq!(send(&s, "GET", bent, "", None).await.status, StatusCode::NOT_FOUND, "{bent}");
    }
    // The editor: editors and admins only.
    let save = "title=Charte+d%27entraide&body=%23%23+Nouveau%0A%0A%3Cscript%3Ex()%3C%2Fscript%3E%0A%0A%5Blien%5D(javascript%3Ax())";
    for (who, cookie, refused) in [
        ("anonymous", None, StatusCode::UNAUTHORIZED),
        ("resident", Some(resident.as_str()), StatusCode::FORBIDDEN),
        ("moderator", Some(moderator.as_str()), StatusCode::FORBIDDEN),
    ] {
        for uri in ["/admin/pages", "/admin/pages/charte", "/api/get_page_editor?slug=charte"] {
            assert_eq!(send(&s, "GET", uri, "", cookie).await.status, refused, "{who} {uri}");
        }
        let r = send(&s, "POST", "/admin/pages/charte", save, cookie).await;
        assert!(r.status == refused || cookie.is_none() && r.status == StatusCode::SEE_OTHER, "{who}: {}", r.status);
    }
    for cookie in [&editor, &admin] {
        assert_eq!(send(&s, "GET", "/admin/pages/charte", "", Some(cookie)).await.status, StatusCode::OK);
    }
    // A mistake keeps what was typed.
    let r = send(&s, "POST", "/admin/pages/charte", "title=&body=Un+texte+gard%C3%A9", Some(&editor)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("Donnez un titre à la page.") && r.body.contains("Un texte gardé"), "kept");
    // The editor saves a draft: not public, and its preview is sanitized.
    let r = send(&s, "POST", "/admin/pages/charte", save, Some(&editor)).await;
    assert_eq!(r.location.as_deref(), Some("/admin/pages/charte?fait=enregistree"));
    let page = send(&s, "GET", "/admin/pages/charte", "", Some(&editor)).await.body;
    assert!(page.contains("<h2>Nouveau</h2>") && !page.contains("<script>x()") && !page.contains("href=\"javascript"));
    assert!(!send(&s, "GET", "/pages/charte", "", None).await.body.contains("Nouveau"), "a draft is not public");
    let id: i64 = db::query_scalar("SELECT id FROM page_revisions").fetch_one(&s.db.read).await.unwrap();
    let publish = format!("action=publish&id={id}");
    let r = send(&s, "POST", "/admin/pages/charte", &publish, Some(&editor)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "editors do not publish");
    let r = send(&s, "POST", "/admin/pages/mentions-legales", &publish, Some(&admin)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "a draft of another page");
    let r = send(&s, "POST", "/admin/pages/charte", &publish, Some(&admin)).await;
    assert_eq!(r.location.as_deref(), Some("/admin/pages/charte?fait=publiee"));
    let public = send(&s, "GET", "/pages/charte", "", None).await.body;
    assert!(public.contains("<h2>Nouveau</h2>") && !public.contains("<script>x()") && !public.contains("javascript:x"));
    let json = send(&s, "GET", "/api/get_site_page?slug=charte", "", None).await.body;
    assert!(!json.contains("<script") && !json.contains("javascript:"), "{json}");
}

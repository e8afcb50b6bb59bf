//! The authorization matrix of the département's console: every page and action of the staff
//! console, the admins' pages and the site's editor, for each kind of visitor — anonymous,
//! resident, editor, moderator, admin. A refusal is 401 (log in first) or 403; an allowed
//! visitor is never refused (their request may still be wrong: 400, 404).

use axum::http::StatusCode;

use super::{logged_in_as, send, signed_up, state};
use crate::domain::user::Role;

/// Who may: staff (moderators and admins), admins, writers (editors and admins).
#[derive(Clone, Copy, PartialEq)]
enum May {
    Staff,
    Admins,
    Writers,
}

impl May {
    fn allows(self, role: Option<Role>) -> bool {
        match (self, role) {
            (_, None) => false,
            (May::Staff, Some(r)) => r.is_staff(),
            (May::Admins, Some(r)) => r == Role::Admin,
            (May::Writers, Some(r)) => r.writes_pages(),
        }
    }
}

const PAGES: [(&str, May); 12] = [
    ("/pilotage", May::Staff),
    ("/api/v1/stats", May::Staff),
    ("/pilotage/carte.svg", May::Staff),
    ("/pilotage/exports", May::Staff),
    ("/saisie", May::Staff),
    ("/saisies", May::Staff),
    ("/suivi", May::Staff),
    ("/admin/personnes", May::Admins),
    ("/admin/annonces", May::Admins),
    ("/admin/pages", May::Writers),
    ("/admin/pages/charte", May::Writers),
    ("/api/get_page_editor?slug=charte", May::Writers),
];

const ACTIONS: [(&str, &str, May); 7] = [
    ("/pilotage/exports", "format=csv", May::Staff),
    ("/saisie", "title=x", May::Staff),
    ("/saisies", "action=called-back&id=999", May::Staff),
    ("/suivi", "id=999", May::Staff),
    ("/admin/personnes/999", "action=disable", May::Admins),
    ("/admin/annonces", "message=x", May::Admins),
    ("/admin/pages/charte", "title=&body=", May::Writers),
];

#[tokio::test]
async fn each_console_page_and_action_is_for_its_roles_only() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let resident = signed_up(&s, "voisin%40exemple.fr").await;
    let editor = logged_in_as(&s, "com@departement.fr", Role::Editor).await;
    let moderator = logged_in_as(&s, "modo@departement.fr", Role::Moderator).await;
    let admin = logged_in_as(&s, "admin@departement.fr", Role::Admin).await;
    let visitors: [(&str, Option<Role>, Option<&str>); 5] = [
        ("anonymous", None, None),
        ("resident", Some(Role::Resident), Some(&resident)),
        ("editor", Some(Role::Editor), Some(&editor)),
        ("moderator", Some(Role::Moderator), Some(&moderator)),
        ("admin", Some(Role::Admin), Some(&admin)),
    ];
    let refused = [StatusCode::UNAUTHORIZED, StatusCode::FORBIDDEN];
    let mut checked = 0;
    for (who, role, cookie) in visitors {
        for (uri, may) in PAGES {
            let r = send(&s, "GET", uri, "", cookie).await;
            if may.allows(role) {
                assert_eq!(r.status, StatusCode::OK, "{who} GET {uri}");
            } else {
                let expected = if role.is_none() { StatusCode::UNAUTHORIZED } else { StatusCode::FORBIDDEN };
                assert_eq!(r.status, expected, "{who} GET {uri}");
            }
            checked += 1;
        }
        for (uri, body, may) in ACTIONS {
            let r = send(&s, "POST", uri, body, cookie).await;
            let sent_to_log_in =
                r.status == StatusCode::SEE_OTHER && r.location.as_deref().is_some_and(|l| l.starts_with("/connexion"));
            if may.allows(role) {
                assert!(!refused.contains(&r.status) && !sent_to_log_in, "{who} POST {uri}: {}", r.status);
            } else if role.is_none() {
                assert!(sent_to_log_in || r.status == StatusCode::UNAUTHORIZED, "{who} POST {uri}: {}", r.status);
            } else {
                assert_eq!(r.status, StatusCode::FORBIDDEN, "{who} POST {uri}");
            }
            checked += 1;
        }
    }
    println!("FIGURE console.authz_checks {checked}");
}

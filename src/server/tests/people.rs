//! « Personnes » over HTTP: only admins read and change accounts (anonymous, resident,
//! moderator refused), each change is audited and takes effect (a disabled person cannot log
//! in, a new moderator reads the queue), an admin never changes their own account nor removes
//! the last admin, and a reset link reaches the person's mailbox (the outbox).

use axum::http::StatusCode;

use super::{logged_in_as, send, signed_up, state, LOG_IN, SIGN_UP};
use crate::domain::user::Role;
use crate::server::db;
use crate::server::state::AppState;

async fn count(s: &AppState, sql: &str) -> i64 {
    db::query_scalar(sql).fetch_one(&s.db.read).await.unwrap()
}

async fn id_of(s: &AppState, email: &str) -> i64 {
    db::query_scalar("SELECT id FROM users WHERE email = $1").bind(email).fetch_one(&s.db.read).await.unwrap()
}

#[tokio::test]
async fn only_admins_read_and_change_accounts() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let claire = send(&s, "POST", "/inscription", SIGN_UP, None).await;
    assert_eq!(claire.status, StatusCode::SEE_OTHER);
    let claire_id = id_of(&s, "claire@exemple.fr").await;
    let resident = signed_up(&s, "voisin%40exemple.fr").await;
    let moderator = logged_in_as(&s, "moderatrice@departement.fr", Role::Moderator).await;
    let admin = logged_in_as(&s, "admin@departement.fr", Role::Admin).await;
    let reads = [
        "/admin/personnes".to_owned(),
        format!("/admin/personnes/{claire_id}"),
        "/api/search_people?q=claire".into(),
        format!("/api/get_person?id={claire_id}"),
    ];
    let actions = [
        "action=role&role=admin",
        "action=role&role=moderator",
        "action=disable",
        "action=enable",
        "action=reset-link",
    ];
    for (who, cookie, refused) in [
        ("anonymous", None, StatusCode::UNAUTHORIZED),
        ("resident", Some(resident.as_str()), StatusCode::FORBIDDEN),
        ("moderator", Some(moderator.as_str()), StatusCode::FORBIDDEN),
    ] {
        for uri in &reads {
            let r = send(&s, "GET", uri, "", cookie).await;
            assert_eq!(r.status, refused, "{who} GET {uri}");
            assert!(!r.body.contains("claire@exemple.fr"), "{who} reads {uri}");
        }
        for form in actions {
            let r = send(&s, "POST", &format!("/admin/personnes/{claire_id}"), form, cookie).await;
            if cookie.is_none() {
                assert!(r.location.as_deref().unwrap_or("").starts_with("/connexion"), "{who} {form}");
            } else {
                assert_eq!(r.status, StatusCode::FORBIDDEN, "{who} {form}");
            }
        }
    }
    assert_eq!(count(&s, "SELECT count(*) FROM people_audit").await, 0);
    assert_eq!(count(&s, "SELECT count(*) FROM users WHERE role <> 'resident' AND email LIKE 'claire%'").await, 0);
    // The admin finds Claire by a piece of her address, in any case.
    let r = send(&s, "GET", "/admin/personnes?q=CLAIRE%40", "", Some(&admin)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("claire@exemple.fr") && !r.body.contains("voisin@exemple.fr"));
    // A `%` is searched for as itself, not as "anything".
    let r = send(&s, "GET", "/api/search_people?q=%25", "", Some(&admin)).await;
    assert!(!r.body.contains("claire@exemple.fr"), "{}", r.body);
    let r = send(&s, "GET", &format!("/admin/personnes/{claire_id}"), "", Some(&admin)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("claire@exemple.fr"));
}

#[tokio::test]
async fn changes_take_effect_and_are_audited() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    assert_eq!(send(&s, "POST", "/inscription", SIGN_UP, None).await.status, StatusCode::SEE_OTHER);
    let claire_id = id_of(&s, "claire@exemple.fr").await;
    let admin = logged_in_as(&s, "admin@departement.fr", Role::Admin).await;
    let page = format!("/admin/personnes/{claire_id}");
    // Moderator: she now reads the queue (after logging in again).
    let r = send(&s, "POST", &page, "action=role&role=moderator", Some(&admin)).await;
    assert_eq!(r.location.as_deref(), Some(format!("{page}?fait=role").as_str()));
    let claire = send(&s, "POST", "/connexion", LOG_IN, None).await;
    let cookie = super::session_cookie(&claire.cookie.unwrap());
    assert_eq!(send(&s, "GET", "/api/moderation_queue", "", Some(&cookie)).await.status, StatusCode::OK);
    // Disabled: her session ends and she cannot log in.
    send(&s, "POST", &page, "action=disable", Some(&admin)).await;
    assert_eq!(send(&s, "GET", "/api/moderation_queue", "", Some(&cookie)).await.status, StatusCode::UNAUTHORIZED);
    assert_ne!(send(&s, "POST", "/connexion", LOG_IN, None).await.status, StatusCode::SEE_OTHER);
    // No reset link for a disabled account; enabled again, one goes to her address.
    let r = send(&s, "POST", &page, "action=reset-link", Some(&admin)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    send(&s, "POST", &page, "action=enable", Some(&admin)).await;
    assert_eq!(send(&s, "POST", "/connexion", LOG_IN, None).await.status, StatusCode::SEE_OTHER);
    let before = count(&s, "SELECT count(*) FROM outbox WHERE to_email = 'claire@exemple.fr'").await;
    let r = send(&s, "POST", &page, "action=reset-link", Some(&admin)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(count(&s, "SELECT count(*) FROM outbox WHERE to_email = 'claire@exemple.fr'").await, before + 1);
    let audit: Vec<(String, Option<String>)> =
        db::query_as("SELECT action, detail FROM people_audit WHERE user_id = $1 ORDER BY id")
            .bind(claire_id)
            .fetch_all(&s.db.read)
            .await
            .unwrap();
    let audit: Vec<(&str, Option<&str>)> = audit.iter().map(|(a, d)| (a.as_str(), d.as_deref())).collect();
    assert_eq!(audit, [("role", Some("moderator")), ("disable", None), ("enable", None), ("reset-link", None)]);
}

#[tokio::test]
async fn an_admin_keeps_their_own_account_and_the_last_admin_stays() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let admin = logged_in_as(&s, "admin@departement.fr", Role::Admin).await;
    let me = id_of(&s, "admin@departement.fr").await;
    for form in ["action=role&role=resident", "action=disable"] {
        let r = send(&s, "POST", &format!("/admin/personnes/{me}"), form, Some(&admin)).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{form}");
        assert!(r.body.contains("votre propre compte"), "{}", r.body);
    }
    // Two admins demoting each other at the same moment: the second change finds that its
    // target is the last admin (its own account was loaded before the first one landed).
    let other = logged_in_as(&s, "adjointe@departement.fr", Role::Admin).await;
    let other_id = id_of(&s, "adjointe@departement.fr").await;
    let stale_other = crate::server::services::accounts::find_active(&s.db, other_id).await.unwrap().unwrap();
    let r = send(&s, "POST", &format!("/admin/personnes/{other_id}"), "action=role&role=moderator", Some(&admin)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let now = crate::server::services::now();
    let change = crate::server::services::people::Change::Role(Role::Resident);
    let refused = crate::server::services::people::change(&s.db, &stale_other, me, change, now).await;
    assert!(matches!(refused, Err(crate::error::AppError::Validation(_))), "{refused:?}");
    assert_eq!(count(&s, "SELECT count(*) FROM users WHERE role = 'admin' AND disabled_at IS NULL").await, 1);
    // And the demoted admin's session no longer opens the page.
    assert_eq!(send(&s, "GET", "/admin/personnes", "", Some(&other)).await.status, StatusCode::UNAUTHORIZED);
}

//! Accounts people can keep, through HTTP: the address proved by the link of its e-mail before
//! publishing, "Mot de passe oublié" (the same answer for any address), a new password ending
//! every other session, a change of address, "Se déconnecter partout". Links are read from the
//! e-mails the server queued, as a person would read them.

use std::time::Instant;

use axum::http::StatusCode;

use super::{send, session_cookie, state, PUBLISH, SIGN_UP};
use crate::server::db;
use crate::server::state::AppState;

/// The token of the newest link starting with `path` in an e-mail to `to`.
pub(super) async fn link_in_mail(s: &AppState, to: &str, path: &str) -> String {
    let body: String = db::query_scalar(
        "SELECT body FROM outbox WHERE to_email = $1 AND body LIKE '%' || $2 || '%' ORDER BY id DESC LIMIT 1",
    )
    .bind(to)
    .bind(path)
    .fetch_optional(&s.db.read)
    .await
    .unwrap()
    .unwrap_or_else(|| panic!("no e-mail with {path} to {to}"));
    let at = body.find(path).unwrap() + path.len();
    body[at..].chars().take_while(char::is_ascii_hexdigit).collect()
}

/// Who the session `cookie` is logged in as (`null` when it has ended).
async fn who(s: &AppState, cookie: &str) -> String {
    send(s, "GET", "/api/who_am_i", "", Some(cookie)).await.body
}

async fn log_in(s: &AppState, email: &str, password: &str) -> String {
    let r = send(s, "POST", "/connexion", &format!("email={email}&password={password}"), None).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    session_cookie(&r.cookie.unwrap())
}

#[tokio::test]
async fn a_new_account_proves_its_address_before_publishing() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let r = send(&s, "POST", "/inscription", SIGN_UP, None).await;
    let cookie = session_cookie(&r.cookie.unwrap());
    // Not yet: publishing says why, and keeps what was typed.
    let r = send(&s, "POST", "/publier", PUBLISH, Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("Confirmez d'abord votre adresse e-mail"), "{}", r.body);
    assert!(r.body.contains("Courses pour ma voisine"));
    let page = send(&s, "GET", "/compte", "", Some(&cookie)).await;
    assert!(page.body.contains("Renvoyer le lien"));
    // The link of the e-mail: opening it shows a button; only the button confirms.
    let token = link_in_mail(&s, "claire@exemple.fr", "/verifier/").await;
    assert_eq!(token.len(), 64);
    let page = send(&s, "GET", &format!("/verifier/{token}"), "", None).await;
    assert!(page.body.contains("claire@exemple.fr") && page.body.contains("Confirmer mon adresse"));
    assert!(send(&s, "POST", "/publier", PUBLISH, Some(&cookie)).await.status == StatusCode::BAD_REQUEST);
    let r = send(&s, "POST", &format!("/verifier/{token}"), "", None).await;
    assert_eq!(r.location.as_deref(), Some("/adresse-confirmee"));
    // Once only.
    let again = send(&s, "POST", &format!("/verifier/{token}"), "", None).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    assert!(again.body.contains("Ce lien ne fonctionne plus"));
    assert_eq!(send(&s, "POST", "/publier", PUBLISH, Some(&cookie)).await.status, StatusCode::SEE_OTHER);
    // Only its hash is stored.
    let stored: i64 = db::query_scalar("SELECT count(*) FROM account_tokens WHERE token_hash = $1")
        .bind(&token)
        .fetch_one(&s.db.read)
        .await
        .unwrap();
    assert_eq!(stored, 0);
}

#[tokio::test]
async fn a_newer_link_voids_the_older_and_links_expire() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let r = send(&s, "POST", "/inscription", SIGN_UP, None).await;
    let cookie = session_cookie(&r.cookie.unwrap());
    let first = link_in_mail(&s, "claire@exemple.fr", "/verifier/").await;
    let r = send(&s, "POST", "/compte", "form=verify", Some(&cookie)).await;
    assert!(r.body.contains("Un nouveau lien est parti"), "{}", r.body);
    let second = link_in_mail(&s, "claire@exemple.fr", "/verifier/").await;
    assert_ne!(first, second);
    assert_eq!(send(&s, "POST", &format!("/verifier/{first}"), "", None).await.status, StatusCode::NOT_FOUND);
    db::query("UPDATE account_tokens SET expires_at = 0").execute(&s.db.write).await.unwrap();
    assert_eq!(send(&s, "POST", &format!("/verifier/{second}"), "", None).await.status, StatusCode::NOT_FOUND);
    // Three a hour at most.
    send(&s, "POST", "/compte", "form=verify", Some(&cookie)).await;
    send(&s, "POST", "/compte", "form=verify", Some(&cookie)).await;
    let r = send(&s, "POST", "/compte", "form=verify", Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("courriers indésirables"), "{}", r.body);
    // Whatever is not a token of ours is simply not found.
    for bad in ["x", "%2e%2e%2f", &"A".repeat(64), &"0".repeat(65)] {
        assert_eq!(send(&s, "POST", &format!("/verifier/{bad}"), "", None).await.status, StatusCode::NOT_FOUND);
    }
}

/// The answer to "Mot de passe oublié" without what differs by design: the address typed, and
/// the nonce of the page's scripts (new for every response).
fn shape(body: &str, email: &str) -> String {
    let mut out = body.replace(email, "ADRESSE");
    if let Some(at) = out.find("nonce=\"") {
        let nonce: String = out[at + 7..].chars().take_while(|c| *c != '"').collect();
        if !nonce.is_empty() {
            out = out.replace(&nonce, "NONCE");
        }
    }
    out
}

#[tokio::test]
async fn forgot_password_answers_the_same_for_any_address() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    super::signed_up(&s, "claire%40exemple.fr").await;
    let mut differences = 0;
    let (mut known_ms, mut unknown_ms) = (vec![], vec![]);
    for i in 0..3 {
        let t = Instant::now();
        let known = send(&s, "POST", "/mot-de-passe-oublie", "email=claire%40exemple.fr", None).await;
        known_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        let unknown = send(&s, "POST", "/mot-de-passe-oublie", &format!("email=personne{i}%40exemple.fr"), None).await;
        unknown_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        differences += usize::from(known.status != unknown.status);
        let (a, b) =
            (shape(&known.body, "claire@exemple.fr"), shape(&unknown.body, &format!("personne{i}@exemple.fr")));
        differences += usize::from(a != b);
        assert!(known.body.contains("Si un compte existe pour"), "{}", known.body);
    }
    // Timing class: the medians, in steps of 50 ms.
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (k, u) = (median(&mut known_ms), median(&mut unknown_ms));
    differences += usize::from((k / 50.0).floor() != (u / 50.0).floor());
    println!("FIGURE reset.enumeration_differences {differences}");
    println!("forgot password: known {k:.1} ms, unknown {u:.1} ms (medians)");
    assert_eq!(differences, 0);
    // Only the known address got mail, and no more than three links an hour.
    let mails: i64 = db::query_scalar("SELECT count(*) FROM outbox WHERE body LIKE '%/mot-de-passe/%'")
        .fetch_one(&s.db.read)
        .await
        .unwrap();
    assert_eq!(mails, 3);
    send(&s, "POST", "/mot-de-passe-oublie", "email=claire%40exemple.fr", None).await;
    let mails: i64 = db::query_scalar("SELECT count(*) FROM outbox WHERE body LIKE '%/mot-de-passe/%'")
        .fetch_one(&s.db.read)
        .await
        .unwrap();
    assert_eq!(mails, 3, "limited per address");
    // A malformed address is said so (it tells nothing about accounts).
    let r = send(&s, "POST", "/mot-de-passe-oublie", "email=pas+une+adresse", None).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("pas une adresse"));
}

#[tokio::test]
async fn a_new_password_ends_every_other_session() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let here = super::signed_up(&s, "claire%40exemple.fr").await;
    let phone = log_in(&s, "claire%40exemple.fr", "le+chat+dort+sur+le+toit").await;
    let library = log_in(&s, "claire%40exemple.fr", "le+chat+dort+sur+le+toit").await;
    assert!(who(&s, &phone).await.contains("claire@exemple.fr"));
    let mut alive = 0;

    // Changing the password on Mon compte: the other sessions end, this one stays.
    let r = send(
        &s,
        "POST",
        "/compte",
        "form=password&current_password=le+chat+dort+sur+le+toit&new_password=la+pluie+sur+les+tuiles",
        Some(&here),
    )
    .await;
    assert!(r.body.contains("Votre mot de passe a été changé."), "{}", r.body);
    let here = r.cookie.map(|c| session_cookie(&c)).unwrap_or(here);
    assert!(who(&s, &here).await.contains("claire@exemple.fr"), "this session stays");
    for other in [&phone, &library] {
        alive += usize::from(who(&s, other).await.contains("claire@exemple.fr"));
    }

    // A reset through the e-mailed link: every session ends, the browser that used it logs in.
    let phone = log_in(&s, "claire%40exemple.fr", "la+pluie+sur+les+tuiles").await;
    send(&s, "POST", "/mot-de-passe-oublie", "email=claire%40exemple.fr", None).await;
    let token = link_in_mail(&s, "claire@exemple.fr", "/mot-de-passe/").await;
    let page = send(&s, "GET", &format!("/mot-de-passe/{token}"), "", None).await;
    assert!(page.body.contains("Enregistrer mon nouveau mot de passe"));
    // The policy applies; the link still works after a mistake.
    let weak = send(&s, "POST", &format!("/mot-de-passe/{token}"), "new_password=court", None).await;
    assert_eq!(weak.status, StatusCode::BAD_REQUEST);
    let r = send(&s, "POST", &format!("/mot-de-passe/{token}"), "new_password=un+matin+de+printemps", None).await;
    assert_eq!(r.location.as_deref(), Some("/compte?mot-de-passe=1"), "{}", r.body);
    let fresh = session_cookie(&r.cookie.unwrap());
    assert!(who(&s, &fresh).await.contains("claire@exemple.fr"));
    for other in [&phone, &here] {
        alive += usize::from(who(&s, other).await.contains("claire@exemple.fr"));
    }
    // Used once only; the old password no longer works, the new one does.
    let r = send(&s, "POST", &format!("/mot-de-passe/{token}"), "new_password=encore+un+autre+essai", None).await;
    assert!(r.body.contains("Ce lien ne fonctionne plus"));
    let old = send(&s, "POST", "/connexion", "email=claire%40exemple.fr&password=la+pluie+sur+les+tuiles", None).await;
    assert_eq!(old.status, StatusCode::BAD_REQUEST);
    log_in(&s, "claire%40exemple.fr", "un+matin+de+printemps").await;

    // "Se déconnecter partout": this session too.
    let r = send(&s, "POST", "/compte", "form=everywhere", Some(&fresh)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    alive += usize::from(who(&s, &fresh).await.contains("claire@exemple.fr"));
    println!("FIGURE sessions.alive_after_password_change {alive}");
    assert_eq!(alive, 0);
}

#[tokio::test]
async fn the_login_address_changes_once_the_new_one_is_proved() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let cookie = super::signed_up(&s, "claire%40exemple.fr").await;
    // The current password is needed.
    let r =
        send(&s, "POST", "/compte", "form=email&new_email=claire.m%40exemple.org&email_password=faux", Some(&cookie))
            .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("claire.m@exemple.org"), "what was typed is kept");
    let r = send(
        &s,
        "POST",
        "/compte",
        "form=email&new_email=claire.m%40exemple.org&email_password=le+chat+dort+sur+le+toit",
        Some(&cookie),
    )
    .await;
    assert!(r.body.contains("Un lien est parti vers claire.m@exemple.org"), "{}", r.body);
    // Nothing changes until the new address is proved.
    assert!(who(&s, &cookie).await.contains("claire@exemple.fr"));
    let token = link_in_mail(&s, "claire.m@exemple.org", "/verifier/").await;
    let r = send(&s, "POST", &format!("/verifier/{token}"), "", None).await;
    assert_eq!(r.location.as_deref(), Some("/adresse-confirmee?nouvelle=1"));
    assert!(who(&s, &cookie).await.contains("claire.m@exemple.org"));
    log_in(&s, "claire.m%40exemple.org", "le+chat+dort+sur+le+toit").await;
    // The old address is told.
    let told: i64 = db::query_scalar(
        "SELECT count(*) FROM outbox WHERE to_email = 'claire@exemple.fr' AND body LIKE '%claire.m@exemple.org%'",
    )
    .fetch_one(&s.db.read)
    .await
    .unwrap();
    assert_eq!(told, 1);
}

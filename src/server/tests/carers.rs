//! « Un proche à mes côtés » (#18 §2) over HTTP: an author invites a relative by e-mail; once
//! accepted, the relative follows the post (its notifications, its state, the helper's name)
//! and writes in its conversations, marked « proche de … »; never the private details; the
//! author removes them and they lose every access while what they wrote stays, with their name.

use axum::http::StatusCode;

use super::accounts::link_in_mail;
use super::{logged_in_as, published_id, send, signed_up, state, PUBLISH};
use crate::domain::user::Role;
use crate::server::db;
use crate::server::state::AppState;

/// Signs up `email` and names the account `name` (every test account is « Claire » otherwise).
async fn person(s: &AppState, email: &str, name: &str) -> String {
    let cookie = signed_up(s, email).await;
    db::query("UPDATE users SET display_name = $1 WHERE email = $2")
        .bind(name)
        .bind(email.replace("%40", "@"))
        .execute(&s.db.write)
        .await
        .unwrap();
    cookie
}

/// Jeanne's post, approved: (Jeanne's cookie, post id).
async fn jeannes_post(s: &AppState) -> (String, i64) {
    let author = person(s, "jeanne%40exemple.fr", "Jeanne").await;
    let post = published_id(s, &author, PUBLISH).await;
    let staff = logged_in_as(s, "moderatrice@exemple.fr", Role::Moderator).await;
    let r = send(s, "POST", "/moderation", &format!("id={post}&action=approve"), Some(&staff)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    (author, post)
}

async fn invite(s: &AppState, author: &str, post: i64, email: &str) -> super::Res {
    send(s, "POST", "/mes-annonces", &format!("form=invite-carer&id={post}&email={email}"), Some(author)).await
}

async fn count(s: &AppState, sql: &str, id: i64) -> i64 {
    db::query_scalar(sql).bind(id).fetch_one(&s.db.read).await.unwrap()
}

fn unescape(body: &str) -> String {
    body.replace("&#x27;", "'").replace("&#39;", "'").replace("&quot;", "\"")
}

async fn notifications_of(s: &AppState, email: &str) -> Vec<String> {
    db::query_scalar(
        "SELECT n.body FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = $1 ORDER BY n.id",
    )
    .bind(email)
    .fetch_all(&s.db.read)
    .await
    .unwrap()
}

#[tokio::test]
async fn a_relative_invited_follows_the_post_writes_as_such_and_loses_access_once_removed() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let (author, post) = jeannes_post(&s).await;
    let helper = person(&s, "paul%40exemple.fr", "Paul").await;
    let relative = person(&s, "marc%40exemple.fr", "Marc").await;
    let r = send(&s, "POST", &format!("/posts/{post}/repondre"), "body=Je+peux+passer+mardi.", Some(&helper)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let c: i64 = r.location.unwrap().rsplit('/').next().unwrap().parse().unwrap();

    // The author invites; the address gets a link in the author's language.
    let r = invite(&s, &author, post, "Marc%40Exemple.fr").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Invitation envoyée à Marc@Exemple.fr"), "{}", r.body);
    let mine = send(&s, "GET", "/mes-annonces", "", Some(&author)).await.body;
    assert!(mine.contains("marc@exemple.fr") && mine.contains("invitation envoyée"), "{mine}");
    let token = link_in_mail(&s, "marc@exemple.fr", "/proche/").await;
    assert_eq!(token.len(), 64);

    // Anyone holding the link reads who invites, and is asked to log in first.
    let page = unescape(&send(&s, "GET", &format!("/proche/{token}"), "", None).await.body);
    assert!(
        page.contains("Jeanne vous invite à suivre son annonce «\u{a0}Courses pour ma voisine\u{a0}» (Colmar)"),
        "{page}"
    );
    assert!(page.contains(&format!("/connexion?next=/proche/{token}")), "{page}");
    assert!(!page.contains("Bâtiment B"), "{page}");
    let r = send(&s, "POST", &format!("/proche/{token}"), "", None).await;
    assert_eq!(r.location.as_deref(), Some(format!("/connexion?next=/proche/{token}").as_str()));
    // The author cannot accept their own invitation.
    let r = send(&s, "POST", &format!("/proche/{token}"), "", Some(&author)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);

    let r = send(&s, "POST", &format!("/proche/{token}"), "", Some(&relative)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location.as_deref(), Some(format!("/mes-annonces?suivie={post}#proches").as_str()));
    let (email, hash): (Option<String>, Option<String>) =
        db::query_as("SELECT email, token_hash FROM carers WHERE post_id = $1")
            .bind(post)
            .fetch_one(&s.db.read)
            .await
            .unwrap();
    assert_eq!((email, hash), (None, None), "the address and the link are forgotten once accepted");
    // Used once: the link is gone.
    let again = send(&s, "GET", &format!("/proche/{token}"), "", Some(&relative)).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    assert!(notifications_of(&s, "jeanne@exemple.fr").await.iter().any(|n| n.contains("Marc suit maintenant")));

    // The relative sees the post's state and its conversations, not the private details.
    let followed = unescape(&send(&s, "GET", "/mes-annonces", "", Some(&relative)).await.body);
    assert!(followed.contains("Les annonces de mes proches") && followed.contains("Annonce de Jeanne"), "{followed}");
    assert!(followed.contains("Conversation avec Paul") && followed.contains("Personne n'a encore été accepté"));
    let list = send(&s, "GET", "/api/my_conversations", "", Some(&relative)).await.body;
    assert!(list.contains(&format!("\"id\":{c}")) && list.contains("\"carer_of\":\"Jeanne\""), "{list}");
    let before: (i64, i64) = db::query_as("SELECT author_read, responder_read FROM conversations WHERE id = $1")
        .bind(c)
        .fetch_one(&s.db.read)
        .await
        .unwrap();
    let thread = unescape(&send(&s, "GET", &format!("/messages/{c}"), "", Some(&relative)).await.body);
    assert!(
        thread.contains("Conversation de Jeanne avec Paul") && thread.contains("Je peux passer mardi."),
        "{thread}"
    );
    assert!(!thread.contains("Bâtiment B") && !thread.contains("value=\"accept\""), "{thread}");
    let after: (i64, i64) = db::query_as("SELECT author_read, responder_read FROM conversations WHERE id = $1")
        .bind(c)
        .fetch_one(&s.db.read)
        .await
        .unwrap();
    assert_eq!(before, after, "a relative's reading leaves both sides' marks alone");

    // What the author is told, the relative is told too (once the author read the answer).
    send(&s, "GET", &format!("/messages/{c}"), "", Some(&author)).await;
    let r = send(&s, "POST", &format!("/messages/{c}"), "action=message&body=Et+jeudi+%3F", Some(&helper)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let told = notifications_of(&s, "marc@exemple.fr").await;
    assert!(told.iter().any(|n| n.starts_with("Annonce de Jeanne :") && n.contains("Paul")), "{told:?}");

    // The relative writes; both sides read it marked, and both are told.
    let r = send(&s, "POST", &format!("/messages/{c}"), "action=message&body=Je+serai+l%C3%A0+aussi.", Some(&relative))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    for who in [&helper, &author] {
        let t = unescape(&send(&s, "GET", &format!("/messages/{c}"), "", Some(who)).await.body);
        assert!(t.contains("Je serai là aussi.") && t.contains("(proche de Jeanne)"), "{t}");
    }
    assert!(notifications_of(&s, "paul@exemple.fr").await.iter().any(|n| n.contains("Marc")));
    assert!(!notifications_of(&s, "marc@exemple.fr").await.iter().any(|n| n.contains("message de Marc")));

    // Only the author acts: the relative cannot accept, block or report.
    for action in ["action=accept", "action=block", "action=report&message_id=1&reason=spam"] {
        let r = send(&s, "POST", &format!("/messages/{c}"), action, Some(&relative)).await;
        assert_ne!(r.status, StatusCode::SEE_OTHER, "{action}: {}", r.body);
    }
    assert_eq!(count(&s, "SELECT count(*) FROM conversations WHERE id = $1 AND accepted_at IS NULL", c).await, 1);

    // The author accepts Paul: the relative reads who helps.
    let r = send(&s, "POST", &format!("/messages/{c}"), "action=accept", Some(&author)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let followed = unescape(&send(&s, "GET", "/mes-annonces", "", Some(&relative)).await.body);
    assert!(followed.contains("Aide acceptée : Paul"), "{followed}");
    let thread = unescape(&send(&s, "GET", &format!("/messages/{c}"), "", Some(&relative)).await.body);
    assert!(!thread.contains("Bâtiment B"), "the accepted helper sees the note; the relative never does");

    // Removed by the author: every access goes, the words stay with the name.
    let carer: i64 =
        db::query_scalar("SELECT id FROM carers WHERE post_id = $1").bind(post).fetch_one(&s.db.read).await.unwrap();
    let stranger = person(&s, "autre%40exemple.fr", "Autre").await;
    let r = send(&s, "POST", "/mes-annonces", &format!("form=remove-carer&carer={carer}"), Some(&stranger)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "only the author or the relative ends the link");
    let r = send(&s, "POST", "/mes-annonces", &format!("form=remove-carer&carer={carer}"), Some(&author)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(notifications_of(&s, "marc@exemple.fr").await.iter().any(|n| n.contains("vous a retiré")));
    assert_eq!(send(&s, "GET", &format!("/messages/{c}"), "", Some(&relative)).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        send(&s, "GET", &format!("/api/get_conversation?id={c}"), "", Some(&relative)).await.status,
        StatusCode::NOT_FOUND
    );
    let r = send(&s, "POST", &format!("/messages/{c}"), "action=message&body=Encore+moi", Some(&relative)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);
    let list = send(&s, "GET", "/api/my_conversations", "", Some(&relative)).await.body;
    assert!(!list.contains(&format!("\"id\":{c}")), "{list}");
    let followed = send(&s, "GET", "/mes-annonces", "", Some(&relative)).await.body;
    assert!(!followed.contains("Les annonces de mes proches"), "{followed}");
    let before = notifications_of(&s, "marc@exemple.fr").await.len();
    let told_author = notifications_of(&s, "jeanne@exemple.fr").await.len();
    send(&s, "GET", &format!("/messages/{c}"), "", Some(&author)).await;
    send(&s, "POST", &format!("/messages/{c}"), "action=message&body=Merci", Some(&helper)).await;
    assert_eq!(notifications_of(&s, "jeanne@exemple.fr").await.len(), told_author + 1, "the author is told");
    assert_eq!(notifications_of(&s, "marc@exemple.fr").await.len(), before, "no more news once removed");
    let t = unescape(&send(&s, "GET", &format!("/messages/{c}"), "", Some(&helper)).await.body);
    assert!(t.contains("Je serai là aussi.") && t.contains("Marc") && t.contains("(proche de Jeanne)"), "{t}");
}

#[tokio::test]
async fn invitation_mistakes_are_said_next_to_the_field_and_what_was_typed_is_kept() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let (author, post) = jeannes_post(&s).await;
    let other = person(&s, "autre%40exemple.fr", "Autre").await;

    let r = invite(&s, &author, post, "marc%40exemple").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let body = unescape(&r.body);
    assert!(body.contains(&format!("id=\"carer-{post}-email-error\"")), "the error is next to the field: {body}");
    assert!(body.contains("value=\"marc@exemple\""), "what was typed is kept: {body}");
    let r = invite(&s, &author, post, "jeanne%40exemple.fr").await;
    assert!(unescape(&r.body).contains("C'est votre propre adresse"), "{}", r.body);
    // Somebody else's post: nothing is said about it.
    assert_eq!(invite(&s, &other, post, "marc%40exemple.fr").await.status, StatusCode::NOT_FOUND);

    for (i, to) in ["un", "deux", "trois"].iter().enumerate() {
        let r = invite(&s, &author, post, &format!("{to}%40exemple.fr")).await;
        assert_eq!(r.status, StatusCode::OK, "{i}: {}", r.body);
    }
    let r = invite(&s, &author, post, "un%40exemple.fr").await;
    assert!(unescape(&r.body).contains("déjà reçu une invitation"), "{}", r.body);
    let r = invite(&s, &author, post, "quatre%40exemple.fr").await;
    assert!(unescape(&r.body).contains("3 proches au plus"), "{}", r.body);
    assert_eq!(count(&s, "SELECT count(*) FROM carers WHERE post_id = $1", post).await, 3);

    // Cancelling one makes room; a link past its day no longer works, and is forgotten.
    let first: i64 = db::query_scalar("SELECT min(id) FROM carers").fetch_one(&s.db.read).await.unwrap();
    let r = send(&s, "POST", "/mes-annonces", &format!("form=remove-carer&carer={first}"), Some(&author)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(invite(&s, &author, post, "quatre%40exemple.fr").await.status, StatusCode::OK);
    let token = link_in_mail(&s, "quatre@exemple.fr", "/proche/").await;
    db::query("UPDATE carers SET invited_at = invited_at - 8 * 86400, expires_at = invited_at - 86400 WHERE email = 'quatre@exemple.fr'")
        .execute(&s.db.write)
        .await
        .unwrap();
    assert_eq!(send(&s, "GET", &format!("/proche/{token}"), "", None).await.status, StatusCode::NOT_FOUND);
    let r = send(&s, "POST", &format!("/proche/{token}"), "", Some(&other)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(unescape(&r.body).contains("Ce lien ne fonctionne plus"), "{}", r.body);
    let rules = crate::domain::retention::RetentionRules::default();
    let swept = crate::server::services::retention::sweep(&s.db, &rules, crate::server::services::now()).await.unwrap();
    assert!(swept.carers >= 1, "{swept:?}");
    let left: i64 = db::query_scalar("SELECT count(*) FROM carers WHERE email = 'quatre@exemple.fr'")
        .fetch_one(&s.db.read)
        .await
        .unwrap();
    assert_eq!(left, 0, "the address of an invitation past its day is forgotten");

    // Not a token of ours: the same page, nothing looked up.
    for bad in ["abc", "%2e%2e%2fmes-annonces", &"A".repeat(64)] {
        let r = send(&s, "GET", &format!("/proche/{bad}"), "", None).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{bad}");
    }
}

//! The server speaks the reader's language: form errors and confirmations in the page's
//! language, notifications and e-mails in the recipient's (remembered on the account at
//! sign-up, at log-in and by the header's switch).

use axum::http::StatusCode;

use super::{logged_in_as, published_id, send, session_cookie, state, PUBLISH, SIGN_UP};
use crate::domain::user::Role;
use crate::server::db;
use crate::server::state::AppState;

const EN: &str = "entraide_lang=en";

async fn lang_of(s: &AppState, email: &str) -> String {
    db::query_scalar("SELECT lang FROM users WHERE email = $1").bind(email).fetch_one(&s.db.read).await.unwrap()
}

/// Claire (`SIGN_UP`) signs up from an English page; her cookies, English included.
async fn signed_up_in_english(s: &AppState) -> String {
    let r = send(s, "POST", "/inscription", SIGN_UP, Some(EN)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let token = super::accounts::link_in_mail(s, "claire@exemple.fr", "/verifier/").await;
    send(s, "POST", &format!("/verifier/{token}"), "", None).await;
    format!("{}; {EN}", session_cookie(&r.cookie.unwrap()))
}

#[tokio::test]
async fn an_english_reader_is_told_what_is_wrong_in_english() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let form = "display_name=Claire&email=claire%40exemple&poster_kind=association&organisation=&password=azertyuiop";
    let r = send(&s, "POST", "/inscription", form, Some(EN)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("This e-mail address is not valid"), "{}", r.body);
    assert!(r.body.contains("Enter the name of your organisation"));
    assert!(r.body.contains("among the most used"));
    assert!(!r.body.contains("Indiquez le nom de votre organisation"));
    // The same mistakes, for a French reader.
    let r = send(&s, "POST", "/inscription", form, None).await;
    assert!(r.body.contains("Indiquez le nom de votre organisation"));
    assert!(!r.body.contains("Enter the name of your organisation"));
}

#[tokio::test]
async fn notifications_and_e_mails_are_written_in_the_recipients_language() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    // Claire signs up reading in English: her account remembers it.
    let claire = signed_up_in_english(&s).await;
    assert_eq!(lang_of(&s, "claire@exemple.fr").await, "en");
    let id = published_id(&s, &claire, PUBLISH).await;

    // A French-speaking moderator approves it: Claire is told in English, in the app and by e-mail.
    let moderator = logged_in_as(&s, "moderatrice@exemple.fr", Role::Moderator).await;
    assert_eq!(lang_of(&s, "moderatrice@exemple.fr").await, "fr");
    let r = send(&s, "POST", "/moderation", &format!("id={id}&action=approve"), Some(&moderator)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let body: String = db::query_scalar("SELECT body FROM notifications").fetch_one(&s.db.read).await.unwrap();
    assert_eq!(body, "Your post “Courses pour ma voisine” was published.");
    let (subject, text): (String, String) =
        db::query_as("SELECT subject, body FROM outbox WHERE erase_after_send = FALSE")
            .fetch_one(&s.db.read)
            .await
            .unwrap();
    assert_eq!(subject, "Your post is published");
    assert!(
        text.starts_with("Hello,\n\nYour post “Courses pour ma voisine” was published.\n\nTo see more: "),
        "{text}"
    );
    assert!(text.contains("/mes-annonces") && text.contains("untick"), "{text}");

    // She switches to French in the header: what follows comes in French.
    let r = send(&s, "GET", "/langue/fr?retour=/mes-annonces", "", Some(&claire)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(lang_of(&s, "claire@exemple.fr").await, "fr");
    let r = send(
        &s,
        "POST",
        "/moderation/signalements",
        &format!("id={id}&action=unpublish&reason=personal-data&message="),
        Some(&moderator),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let last: String = db::query_scalar("SELECT body FROM notifications ORDER BY id DESC LIMIT 1")
        .fetch_one(&s.db.read)
        .await
        .unwrap();
    assert_eq!(
        last,
        "Votre annonce « Courses pour ma voisine » a été retirée de la carte en attendant une vérification : \
         elle contient des informations personnelles."
    );

    // Logging in from an English page makes English her language again.
    let r =
        send(&s, "POST", "/connexion", "email=claire%40exemple.fr&password=le+chat+dort+sur+le+toit", Some(EN)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(lang_of(&s, "claire@exemple.fr").await, "en");
}

#[tokio::test]
async fn confirmations_and_refusals_follow_the_page_language() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let claire = signed_up_in_english(&s).await;
    let r = send(&s, "POST", "/compte", "form=profile&display_name=Claire+M.", Some(&claire)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Your name has been changed."), "{}", r.body);
    let r = send(
        &s,
        "POST",
        "/compte",
        "form=password&current_password=faux+mot+de+passe&new_password=une+autre+phrase+secr%C3%A8te",
        Some(&claire),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("The current password is wrong."), "{}", r.body);
    let id = published_id(&s, &claire, PUBLISH).await;
    let r = send(&s, "POST", "/mes-annonces", &format!("id={id}&form=extend&days=500"), Some(&claire)).await;
    assert!(r.body.contains("A post stays online for 90 days at most."), "{}", r.body);
}

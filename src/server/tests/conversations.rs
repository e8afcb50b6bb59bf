//! Answering a post over HTTP: field-level privacy for every role and every read, and who may
//! read a conversation.

use axum::http::StatusCode;

use super::{logged_in_as, published_id, send, signed_up, state, PUBLISH};
use crate::domain::user::Role;
use crate::server::db;
use crate::server::state::AppState;

/// An author's post, approved by a moderator: (author's cookie, moderator's cookie, post id).
async fn approved_post(s: &AppState) -> (String, String, i64) {
    let author = signed_up(s, "auteure%40exemple.fr").await;
    let post = published_id(s, &author, PUBLISH).await;
    let staff = logged_in_as(s, "moderatrice@exemple.fr", Role::Moderator).await;
    let r = send(s, "POST", "/moderation", &format!("id={post}&action=approve"), Some(&staff)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    (author, staff, post)
}

/// The conversation id a response redirected to.
async fn responded(s: &AppState, cookie: &str, post: i64, body: &str) -> i64 {
    let r = send(s, "POST", &format!("/posts/{post}/repondre"), &format!("body={body}"), Some(cookie)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    r.location.unwrap().rsplit('/').next().unwrap().parse().unwrap()
}

#[tokio::test]
async fn private_details_reach_only_the_author_staff_and_the_accepted_helper() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let (author, staff, post) = approved_post(&s).await;
    let helper = signed_up(&s, "aidant%40exemple.fr").await;
    let responder = signed_up(&s, "autre%40exemple.fr").await;
    let other = signed_up(&s, "voisine%40exemple.fr").await;
    let c_helper = responded(&s, &helper, post, "Je+peux+passer+mardi.").await;
    let c_other = responded(&s, &responder, post, "Moi+aussi.").await;
    let r = send(
        &s,
        "POST",
        &format!("/messages/{c_helper}"),
        "action=accept&share_phone=on&phone=06+12+34+56+78",
        Some(&author),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

    // The public point is drawn at random within ~150 m; put it visibly apart so that a match on
    // 4 decimals can only be the exact point.
    db::query("UPDATE posts SET public_lat = lat + 0.0021, public_lon = lon - 0.0023 WHERE id = $1")
        .bind(post)
        .execute(&s.db.write)
        .await
        .unwrap();
    let (lat, lon): (f64, f64) =
        db::query_as("SELECT lat, lon FROM posts WHERE id = $1").bind(post).fetch_one(&s.db.read).await.unwrap();
    let secrets = [format!("{lat:.4}"), format!("{lon:.4}"), "Bâtiment B".to_owned(), "06 12 34 56 78".to_owned()];
    let reads = [
        "/".to_owned(),
        format!("/posts/{post}"),
        format!("/api/get_post?id={post}"),
        "/api/list_posts".into(),
        "/api/v1/posts.geojson".into(),
        "/api/my_posts".into(),
        "/api/my_conversations".into(),
        format!("/api/get_conversation?id={c_helper}"),
        format!("/api/get_conversation?id={c_other}"),
        format!("/api/new_messages?id={c_helper}&after=0"),
        format!("/messages/{c_helper}"),
        format!("/messages/{c_other}"),
        "/api/moderation_queue".into(),
        format!("/api/post_history?id={post}"),
        format!("/moderation/annonces/{post}"),
    ];
    let roles = [
        ("anonymous", None, false),
        ("another resident", Some(other.as_str()), false),
        ("a responder not accepted", Some(responder.as_str()), false),
        ("the accepted helper", Some(helper.as_str()), true),
        ("the author", Some(author.as_str()), true),
        ("staff", Some(staff.as_str()), true),
    ];
    let mut leaks = vec![];
    for (role, cookie, allowed) in roles {
        let mut seen = 0;
        for uri in &reads {
            let body = send(&s, "GET", uri, "", cookie).await.body;
            for secret in &secrets {
                if body.contains(secret.as_str()) {
                    seen += 1;
                    if !allowed {
                        leaks.push(format!("{role} sees {secret} in {uri}"));
                    }
                }
            }
        }
        if allowed {
            assert!(seen > 0, "{role} should see the private details somewhere");
        }
    }
    assert!(leaks.is_empty(), "{} leaks: {leaks:#?}", leaks.len());

    // Every reveal to the helper was logged.
    let reveals: i64 = db::query_scalar("SELECT count(*) FROM reveals").fetch_one(&s.db.read).await.unwrap();
    assert!(reveals >= 2, "{reveals}");
}

#[tokio::test]
async fn a_third_person_cannot_read_or_write_a_conversation() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let (author, staff, post) = approved_post(&s).await;
    let helper = signed_up(&s, "aidant%40exemple.fr").await;
    let c = responded(&s, &helper, post, "Un+message+priv%C3%A9.").await;
    let intruder = signed_up(&s, "intrus%40exemple.fr").await;
    let mut successes = 0;
    for who in [Some(intruder.as_str()), Some(staff.as_str()), None] {
        for uri in [
            format!("/messages/{c}"),
            format!("/api/get_conversation?id={c}"),
            format!("/api/new_messages?id={c}&after=0"),
        ] {
            let r = send(&s, "GET", &uri, "", who).await;
            successes += usize::from(r.status.is_success());
            assert!(!r.body.contains("Un message privé"), "{uri} leaks to {who:?}");
        }
        for action in
            ["action=message&body=Intrus", "action=accept", "action=done", "action=confirm", "action=withdraw"]
        {
            let r = send(&s, "POST", &format!("/messages/{c}"), action, who).await;
            successes += usize::from(
                r.status == StatusCode::SEE_OTHER && !r.location.unwrap_or_default().starts_with("/connexion"),
            );
        }
    }
    println!("FIGURE authz.unauthorized_successes {successes}");
    assert_eq!(successes, 0, "0 reads or actions by a third person");
    let n: i64 = db::query_scalar("SELECT count(*) FROM messages").fetch_one(&s.db.read).await.unwrap();
    assert_eq!(n, 1);
    // The participants can; an empty reply keeps the page with a message.
    assert_eq!(send(&s, "GET", &format!("/messages/{c}"), "", Some(&author)).await.status, StatusCode::OK);
    let r = send(&s, "POST", &format!("/messages/{c}"), "action=message&body=+", Some(&author)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("Écrivez quelques mots"));
    let r = send(
        &s,
        "POST",
        &format!("/messages/{c}"),
        "action=message&body=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        Some(&author),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = send(&s, "GET", &format!("/messages/{c}"), "", Some(&helper)).await.body;
    assert!(!page.contains("<script>alert(1)") && page.contains("&lt;script&gt;alert(1)"), "messages are escaped");
}

#[tokio::test]
async fn e_mails_follow_each_persons_choice() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let (author, _staff, post) = approved_post(&s).await;
    let outbox = || async {
        db::query_scalar::<i64>(
            "SELECT count(*) FROM outbox WHERE to_email = 'auteure@exemple.fr' AND erase_after_send = FALSE",
        )
        .fetch_one(&s.db.read)
        .await
        .unwrap()
    };
    assert_eq!(outbox().await, 1, "the approval, by e-mail too");
    let r = send(&s, "POST", "/compte", "form=emails", Some(&author)).await;
    assert!(
        r.body.contains("Vous ne recevrez plus d&#x27;e-mails") || r.body.contains("Vous ne recevrez plus d'e-mails")
    );
    let helper = signed_up(&s, "aidant%40exemple.fr").await;
    responded(&s, &helper, post, "Bonjour").await;
    assert_eq!(outbox().await, 1, "no e-mail once turned off");
    let n: i64 = db::query_scalar("SELECT count(*) FROM notifications WHERE kind = 'response'")
        .fetch_one(&s.db.read)
        .await
        .unwrap();
    assert_eq!(n, 1, "the in-app notification is still there");
}

/// A form posted in the background (a hydrated page) gets JSON from the same handler: where a
/// plain post would be redirected, or the echo of its mistake with the same status; the write is
/// the same. Without the header, the same posts get a redirect and a page, as before.
#[tokio::test]
async fn a_form_posted_in_the_background_gets_json_from_the_same_handler() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    use crate::wire::forms::{FormReply, IN_BACKGROUND};
    use axum::body::Body;
    use axum::http::{header, Request};
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    let s = state(pool);
    let (_, _, post) = approved_post(&s).await;
    let helper = signed_up(&s, "aidant%40exemple.fr").await;
    let c = responded(&s, &helper, post, "Bonjour").await;
    let background = |form: &str| {
        Request::post(format!("/messages/{c}"))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, &helper)
            .header(IN_BACKGROUND, "1")
            .body(Body::from(form.to_owned()))
            .unwrap()
    };
    let reply = |res: axum::response::Response| async move {
        let status = res.status();
        assert_eq!(res.headers()[header::CONTENT_TYPE], "application/json");
        assert!(res.headers().get(header::LOCATION).is_none());
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        (status, serde_json::from_slice::<FormReply>(&bytes).unwrap())
    };

    // A message: sent, and the reply says where the page goes (the thread, at its end).
    let res =
        crate::server::router(s.clone()).oneshot(background("action=message&body=En+arrière-plan")).await.unwrap();
    let (status, r) = reply(res).await;
    assert_eq!(
        (status, r.location.as_deref(), r.echo),
        (StatusCode::OK, Some(&*format!("/messages/{c}?fait=message#fin")), None)
    );
    let sent: i64 =
        db::query_scalar("SELECT COUNT(*) FROM messages WHERE conversation_id = $1 AND body = 'En arrière-plan'")
            .bind(c)
            .fetch_one(&s.db.read)
            .await
            .unwrap();
    assert_eq!(sent, 1);

    // An empty message: refused with the same status as the page, the error on the field.
    let res = crate::server::router(s.clone()).oneshot(background("action=message&body=+")).await.unwrap();
    let (status, r) = reply(res).await;
    let echo = r.echo.expect("the form's echo");
    assert_eq!((status, r.location, echo.form.as_str()), (StatusCode::BAD_REQUEST, None, "message"));
    assert!(echo.error("message", "body").is_some(), "{echo:?}");

    // The same posts without the header: a redirect, then the page with the error.
    let r = send(&s, "POST", &format!("/messages/{c}"), "action=message&body=Sans+JavaScript", Some(&helper)).await;
    assert_eq!(
        (r.status, r.location.as_deref()),
        (StatusCode::SEE_OTHER, Some(&*format!("/messages/{c}?fait=message#fin")))
    );
    let r = send(&s, "POST", &format!("/messages/{c}"), "action=message&body=+", Some(&helper)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.starts_with("<!DOCTYPE html>"), "{}", &r.body[..80.min(r.body.len())]);
}

//! Follow-ups over HTTP: « Suivi » for staff only, a help question for its author only, the
//! answer as a plain form post.

use axum::http::StatusCode;

use super::{logged_in_as, send, signed_up, state};
use crate::domain::follow_up::FollowUpRules;
use crate::domain::user::Role;
use crate::server::services;

#[tokio::test]
async fn staff_read_the_follow_up_and_only_the_author_answers_a_question() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let resident = signed_up(&s, "voisin%40exemple.fr").await;
    let moderator = logged_in_as(&s, "suivi@departement.fr", Role::Moderator).await;
    for (who, cookie, refused) in
        [("anonymous", None, StatusCode::UNAUTHORIZED), ("resident", Some(resident.as_str()), StatusCode::FORBIDDEN)]
    {
        for uri in ["/suivi", "/api/list_follow_ups"] {
            assert_eq!(send(&s, "GET", uri, "", cookie).await.status, refused, "{who} {uri}");
        }
        let r = send(&s, "POST", "/suivi", "id=1", cookie).await;
        assert!(r.status == refused || r.status == StatusCode::SEE_OTHER && cookie.is_none(), "{who}: {}", r.status);
    }
    assert_eq!(send(&s, "GET", "/suivi", "", Some(&moderator)).await.status, StatusCode::OK);
    // A question that does not exist, or is someone else's, is not found.
    assert_eq!(
        send(&s, "GET", "/api/get_help_question?id=99", "", Some(&resident)).await.status,
        StatusCode::NOT_FOUND
    );
    let r = send(&s, "POST", "/suivi/99", "answer=yes", Some(&resident)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // The sweep runs on an empty service without raising anything.
    let swept = services::follow_ups::sweep(&s.db, &FollowUpRules::default(), services::now()).await.unwrap();
    assert_eq!(swept, services::follow_ups::Swept::default());
}

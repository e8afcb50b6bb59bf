//! Faults and abuse: forced database failures never reach the person, the log-in throttle under
//! a burst, and concurrent writers on the real two-pool setup. Each prints its figure as
//! `FIGURE name value` (collected by `make security`).

use axum::http::StatusCode;

use super::{published_id, send, signed_up, state, state_on, PUBLISH, SIGN_UP};
use crate::server::db::{self, Db};
use crate::server::state::AppState;

/// What a response must never contain: database words, SQL, or a trace of the code.
const INTERNALS: &[&str] = &[
    "sqlite",
    "postgres",
    "constraint",
    "select *",
    "insert into",
    "update posts",
    " from posts",
    " from users",
    "no such",
    "readonly",
    "read-only database",
    "panicked",
    ".rs:",
    "sqlx",
    "database is locked",
];

fn leaks(body: &str) -> Option<&'static str> {
    let lower = body.to_lowercase();
    INTERNALS.iter().copied().find(|w| lower.contains(w))
}

/// Requests over every kind of route: pages, server functions, forms, the public API.
fn requests(post: i64) -> Vec<(&'static str, String, String)> {
    let get = |uri: String| ("GET", uri, String::new());
    vec![
        get("/".into()),
        get(format!("/posts/{post}")),
        get("/compte".into()),
        get("/mes-annonces".into()),
        get("/messages".into()),
        get("/notifications".into()),
        get("/compte/mes-donnees.json".into()),
        get("/api/list_posts".into()),
        get(format!("/api/get_post?id={post}")),
        get("/api/my_posts".into()),
        get("/api/badge_counts".into()),
        get("/api/v1/posts.geojson".into()),
        ("POST", "/inscription".into(), SIGN_UP.replace("claire", "nouvelle")),
        ("POST", "/publier".into(), PUBLISH.into()),
        ("POST", "/compte".into(), "form=profile&display_name=Claire+B.".into()),
        ("POST", "/mes-annonces".into(), format!("form=extend&id={post}&days=30")),
        ("POST", format!("/posts/{post}/signaler"), "reason=scam&details=Bizarre".into()),
        ("POST", "/connexion".into(), "email=claire%40exemple.fr&password=le+chat+dort+sur+le+toit".into()),
    ]
}

/// Sends every request; returns (responses leaking internals, 500s with a reference).
async fn probe(s: &AppState, cookie: &str, post: i64, label: &str) -> (usize, usize) {
    let (mut leaking, mut referenced) = (0, 0);
    for (method, uri, form) in requests(post) {
        let r = send(s, method, &uri, &form, Some(cookie)).await;
        if let Some(word) = leaks(&r.body) {
            leaking += 1;
            eprintln!("{label}: {method} {uri} leaks « {word} »: {}", r.body.chars().take(300).collect::<String>());
        }
        if r.status == StatusCode::INTERNAL_SERVER_ERROR {
            // Pages and forms say it in the page's language (or carry the message for the
            // browser to say); server functions send the variant, which the browser says.
            let told = r.body.contains("référence")
                || r.body.contains("error-internal")
                || r.body.contains("{\"Internal\":{\"reference\":");
            assert!(told, "{label} {uri}: {}", r.body);
            referenced += 1;
        }
    }
    (leaking, referenced)
}

#[tokio::test]
async fn database_failures_never_reach_the_person() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let cookie = signed_up(&s, "claire%40exemple.fr").await;
    let post = published_id(&s, &cookie, PUBLISH).await;
    let mut leaking = 0;

    // 1. Every write violates a constraint whose message names the engine and the table.
    let postgres = s.db.engine() == db::Engine::Postgres;
    if postgres {
        db::query(
            "CREATE FUNCTION fail_write() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN \
             RAISE EXCEPTION 'check constraint failed: postgres_% SELECT * FROM %', TG_TABLE_NAME, TG_TABLE_NAME; END $f$",
        )
        .execute(&s.db.write)
        .await
        .unwrap();
    }
    for table in ["users", "posts", "reports", "notifications", "moderation_events", "tower_sessions"] {
        for when in ["INSERT", "UPDATE"] {
            let create = if postgres {
                let on = if table == "tower_sessions" { "tower_sessions.session" } else { table };
                format!("CREATE TRIGGER fail_{when}_{table} BEFORE {when} ON {on} FOR EACH ROW EXECUTE FUNCTION fail_write()")
            } else {
                format!(
                    "CREATE TRIGGER fail_{when}_{table} BEFORE {when} ON {table} \
                     BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: sqlite_{table} SELECT * FROM {table}'); END"
                )
            };
            db::query(&create).execute(&s.db.write).await.unwrap();
        }
    }
    let (n, referenced) = probe(&s, &cookie, post, "constraint").await;
    leaking += n;
    assert!(referenced >= 3, "the writes failed ({referenced} internal errors)");

    // 2. Tables gone: every read fails.
    for table in ["posts", "users", "notifications", "conversations"] {
        db::query(&format!("ALTER TABLE {table} RENAME TO gone_{table}")).execute(&s.db.write).await.unwrap();
    }
    let (n, referenced) = probe(&s, &cookie, post, "missing table").await;
    leaking += n;
    assert!(referenced >= 5, "the reads failed ({referenced} internal errors)");
    println!("FIGURE errors.leaking_responses {leaking}");
    assert_eq!(leaking, 0, "responses leaking internals");
}

/// Where no page can be shown (the session's account cannot be read under a form post), the
/// plain answer is still said in the reader's language.
#[tokio::test]
async fn a_failure_without_a_page_is_said_in_the_readers_language() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let cookie = signed_up(&s, "claire%40exemple.fr").await;
    let post = published_id(&s, &cookie, PUBLISH).await;
    db::query("ALTER TABLE users RENAME TO gone_users").execute(&s.db.write).await.unwrap();
    let form = format!("form=extend&id={post}&days=30");
    for (lang, said) in [
        ("en", "Something went wrong on our side (reference "),
        ("fr", "Une erreur est survenue de notre côté (référence "),
    ] {
        let r = send(&s, "POST", "/mes-annonces", &form, Some(&format!("{cookie}; entraide_lang={lang}"))).await;
        assert_eq!(r.status, StatusCode::INTERNAL_SERVER_ERROR, "{}", r.body);
        assert!(r.body.starts_with(said), "{}", r.body);
        assert_eq!(leaks(&r.body), None);
    }
}

#[tokio::test]
async fn a_read_only_database_answers_with_a_reference_only() {
    let dir = std::env::temp_dir().join(format!("entraide-readonly-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let db = db::connect(&format!("sqlite://{}", dir.join("ro.db").display())).await.unwrap();
    db::migrate(&db).await.unwrap();
    let s = state_on(db.clone());
    let cookie = signed_up(&s, "claire%40exemple.fr").await;
    let post = published_id(&s, &cookie, PUBLISH).await;
    // The one writer connection now refuses every write, as a read-only file would.
    db::query("PRAGMA query_only = ON").execute(&db.write).await.unwrap();
    let (leaking, referenced) = probe(&s, &cookie, post, "read-only").await;
    println!("FIGURE errors.leaking_responses {leaking}");
    assert_eq!(leaking, 0);
    assert!(referenced >= 3, "the writes failed ({referenced} internal errors)");
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn a_log_in_burst_is_held_to_the_configured_limit() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    send(&s, "POST", "/inscription", SIGN_UP, None).await;
    // 100 guesses at one account within a few seconds (well inside one 5-minute window).
    let mut accepted = 0;
    for i in 0..100 {
        let r = send(&s, "POST", "/connexion", &format!("email=claire%40exemple.fr&password=essai+{i}"), None).await;
        accepted += usize::from(r.status != StatusCode::TOO_MANY_REQUESTS);
    }
    println!("FIGURE ratelimit.login_accepted_per_5min {accepted}");
    println!("log-in attempts checked per account and window: {accepted} (configured: 5 per 15 minutes)");
    assert_eq!(accepted, 5);
}

/// `n` form posts sent at once (`form(i)` the body of the i-th); their statuses.
async fn at_once(s: &AppState, uri: &str, n: usize, form: impl Fn(usize) -> String) -> Vec<StatusCode> {
    at_once_as(s, None, uri, n, form).await
}

/// `at_once` with the session `cookie`.
async fn at_once_as(
    s: &AppState,
    cookie: Option<&str>,
    uri: &str,
    n: usize,
    form: impl Fn(usize) -> String,
) -> Vec<StatusCode> {
    use tower::ServiceExt;
    let mut set = tokio::task::JoinSet::new();
    for i in 0..n {
        let mut req = axum::http::Request::post(uri)
            .header(axum::http::header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        if let Some(c) = cookie {
            req = req.header(axum::http::header::COOKIE, c);
        }
        let req = req.body(axum::body::Body::from(form(i))).unwrap();
        let app = crate::server::router(s.clone());
        set.spawn(async move { app.oneshot(req).await.unwrap().status() });
    }
    let mut statuses = vec![];
    while let Some(status) = set.join_next().await {
        statuses.push(status.unwrap());
    }
    statuses
}

#[tokio::test]
async fn log_ins_and_sign_ups_sent_at_once_are_held_to_their_limits() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    send(&s, "POST", "/inscription", SIGN_UP, None).await;
    // 100 guesses at one account, all sent before any has been answered.
    let statuses = at_once(&s, "/connexion", 100, |i| format!("email=claire%40exemple.fr&password=essai+{i}")).await;
    let processed = statuses.iter().filter(|st| **st != StatusCode::TOO_MANY_REQUESTS).count();
    println!("FIGURE ratelimit.parallel_login_processed {processed}");
    assert!(processed <= 5, "{processed} guesses checked at once (limit 5)");
    assert!(statuses.iter().all(|st| [StatusCode::BAD_REQUEST, StatusCode::TOO_MANY_REQUESTS].contains(st)));

    // 100 sign-ups from one address at once (9 left this hour: Claire was the first).
    let statuses = at_once(&s, "/inscription", 100, |i| {
        format!(
            "display_name=Robot&email=robot{i}%40exemple.fr&poster_kind=individual&password=le+chat+dort+sur+le+toit&charter=on"
        )
    })
    .await;
    let accepted = 1 + statuses.iter().filter(|st| **st == StatusCode::SEE_OTHER).count();
    println!("FIGURE ratelimit.parallel_signups_accepted {accepted}");
    assert_eq!(accepted, 10, "sign-ups from one address in an hour (limit 10)");
    let accounts: i64 = db::query_scalar("SELECT count(*) FROM users").fetch_one(&s.db.read).await.unwrap();
    assert_eq!(accounts, 10);
}

#[tokio::test]
async fn when_every_password_check_is_busy_a_log_in_is_asked_to_come_back() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let held = crate::server::passwords::hold_all_turns().await;
    let r = send(&s, "POST", "/connexion", "email=claire%40exemple.fr&password=un+essai+de+plus", None).await;
    drop(held);
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE, "{}", r.body);
    assert_eq!(r.retry_after.as_deref(), Some("10"));
    assert!(r.body.contains("Le service est très demandé en ce moment."));
    assert!(r.body.contains("claire@exemple.fr"), "what was typed is kept");
    // It did not count as a failed attempt: five real tries remain.
    for _ in 0..5 {
        let r = send(&s, "POST", "/connexion", "email=claire%40exemple.fr&password=un+essai+de+plus", None).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
    }
}

/// The process' peak resident memory in MiB since the last [`reset_peak_rss`].
fn peak_rss_mb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse::<u64>().unwrap() / 1024
}

fn reset_peak_rss() {
    // Linux: writing 5 to clear_refs resets the peak to the current size.
    std::fs::write("/proc/self/clear_refs", "5").unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn three_hundred_log_ins_at_once_keep_memory_bounded() {
    use crate::server::services::accounts;
    let dir = std::env::temp_dir().join(format!("entraide-hashes-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let db = db::connect(&format!("sqlite://{}", dir.join("h.db").display())).await.unwrap();
    db::migrate(&db).await.unwrap();
    // The password checks of 300 log-ins at once (the limits per account and address aside:
    // 300 accounts from 300 places would pass them), each argon2id taking 19 MiB.
    accounts::log_in(&db, "echauffement@exemple.fr", "pas le bon").await.unwrap_err();
    reset_peak_rss();
    let before = peak_rss_mb();
    let mut set = tokio::task::JoinSet::new();
    for i in 0..300 {
        let db = db.clone();
        set.spawn(
            async move { accounts::log_in(&db, &format!("personne{i}@exemple.fr"), &format!("essai {i}")).await },
        );
    }
    let (mut refused, mut busy) = (0, 0);
    while let Some(r) = set.join_next().await {
        match r.unwrap() {
            Err(crate::error::AppError::Validation(_)) => refused += 1,
            Err(crate::error::AppError::Busy { retry_after }) => {
                assert!(retry_after > 0);
                busy += 1;
            }
            other => panic!("{other:?}"),
        }
    }
    let peak = peak_rss_mb();
    println!("FIGURE hash.peak_rss_mb {peak}");
    println!(
        "300 log-ins at once: peak {peak} MiB (from {before} MiB), {refused} refused, {busy} asked to come back (503)"
    );
    assert_eq!(refused + busy, 300);
    // What this burst adds is bounded; the process's own size depends on the tests that ran
    // before it in the same process (`make security` runs it alone and checks the 400 MiB goal
    // on the figure).
    assert!(peak <= before + 200, "peak {peak} MiB (from {before} MiB)");
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_concurrent_writers_never_meet_a_busy_database() {
    use crate::domain::{Category, PostKind, PostStatus};
    use crate::server::communes::Communes;
    use crate::server::services::posts::tests::{creation, COLMAR};
    use crate::server::services::{now, posts};

    let dir = std::env::temp_dir().join(format!("entraide-writers-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let db = db::connect(&format!("sqlite://{}", dir.join("w.db").display())).await.unwrap();
    db::migrate(&db).await.unwrap();
    let communes = std::sync::Arc::new(Communes::haut_rhin().unwrap());
    let (writers, each) = (20, 25);
    let mut tasks = vec![];
    for w in 0..writers {
        let (db, communes): (Db, _) = (db.clone(), communes.clone());
        tasks.push(tokio::spawn(async move {
            let mut failures = 0;
            for i in 0..each {
                let mut c = creation(
                    &format!("Écrivain {w}, annonce {i}"),
                    PostKind::Offer,
                    Category::Diy,
                    COLMAR,
                    PostStatus::Published,
                );
                c.created_at = now();
                failures += usize::from(posts::create(&db, &communes, c).await.is_err());
                // Readers at the same time, on the read pool.
                let _ = posts::list_public(&db, &Default::default()).await;
            }
            failures
        }));
    }
    let mut failures = 0;
    for t in tasks {
        failures += t.await.unwrap();
    }
    let stored: i64 = db::query_scalar("SELECT count(*) FROM posts").fetch_one(&db.read).await.unwrap();
    println!("FIGURE sqlite.busy_errors {failures}");
    println!("{writers} writers × {each} posts: {stored} stored, {failures} failed");
    assert_eq!((failures, stored), (0, (writers * each) as i64));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Publications sent at once by a new account, on the real two-pool setup: exactly the day's
/// allowance gets through (each is counted after the ones before it, under the writer's lock).
#[tokio::test]
async fn publications_sent_at_once_are_held_to_the_days_allowance() {
    use crate::server::services::posts::NEW_ACCOUNT_POSTS_PER_DAY;
    let dir = std::env::temp_dir().join(format!("entraide-allowance-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let db = db::connect(&format!("sqlite://{}/a.db", dir.display())).await.unwrap();
    db::migrate(&db).await.unwrap();
    let s = state_on(db.clone());
    let cookie = signed_up(&s, "claire%40exemple.fr").await;
    let statuses =
        at_once_as(&s, Some(&cookie), "/publier", 12, |i| PUBLISH.replace("voisine", &format!("voisine+{i}"))).await;
    let accepted = statuses.iter().filter(|st| **st == StatusCode::SEE_OTHER).count() as i64;
    let stored: i64 = db::query_scalar("SELECT count(*) FROM posts").fetch_one(&db.read).await.unwrap();
    println!("FIGURE ratelimit.parallel_posts_accepted {accepted}");
    assert_eq!((accepted, stored), (NEW_ACCOUNT_POSTS_PER_DAY, NEW_ACCOUNT_POSTS_PER_DAY), "{statuses:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn bursts_of_sign_ups_posts_and_messages_are_held_to_their_limits() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    use crate::server::services::conversations::MESSAGES_PER_HOUR;
    use crate::server::services::posts::NEW_ACCOUNT_POSTS_PER_DAY;
    use crate::server::throttle::SIGN_UPS_PER_HOUR;

    let s = state(pool);
    // Sign-ups from one address (the test requests all come from the same, unknown, peer).
    let mut cookies = vec![];
    for i in 0..SIGN_UPS_PER_HOUR + 5 {
        let r = send(&s, "POST", "/inscription", &SIGN_UP.replace("claire", &format!("p{i}")), None).await;
        if r.status == StatusCode::SEE_OTHER {
            cookies.push(super::session_cookie(&r.cookie.unwrap_or_default()));
            let token = super::accounts::link_in_mail(&s, &format!("p{i}@exemple.fr"), "/verifier/").await;
            send(&s, "POST", &format!("/verifier/{token}"), "", None).await;
        }
    }
    println!(
        "sign-ups accepted from one address in an hour: {} of {} (configured: {SIGN_UPS_PER_HOUR})",
        cookies.len(),
        SIGN_UPS_PER_HOUR + 5
    );
    assert_eq!(cookies.len(), SIGN_UPS_PER_HOUR);

    // Posts on an account's first day.
    let mut posts = vec![];
    for _ in 0..NEW_ACCOUNT_POSTS_PER_DAY + 3 {
        let r = send(&s, "POST", "/publier", PUBLISH, Some(&cookies[0])).await;
        if r.status == StatusCode::SEE_OTHER {
            posts.push(r.location.unwrap_or_default().rsplit('=').next().unwrap_or("0").parse::<i64>().unwrap());
        }
    }
    println!(
        "posts accepted on a new account's first day: {} of {} (configured: {NEW_ACCOUNT_POSTS_PER_DAY})",
        posts.len(),
        NEW_ACCOUNT_POSTS_PER_DAY + 3
    );
    assert_eq!(posts.len() as i64, NEW_ACCOUNT_POSTS_PER_DAY);

    // Messages in an hour, from a helper answering the (approved) post.
    let staff = super::logged_in_as(&s, "moderatrice@exemple.fr", crate::domain::user::Role::Moderator).await;
    let r = send(&s, "POST", "/moderation", &format!("id={}&action=approve", posts[0]), Some(&staff)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = send(&s, "POST", &format!("/posts/{}/repondre", posts[0]), "body=Bonjour", Some(&cookies[1])).await;
    let conversation = r.location.unwrap_or_default();
    let mut accepted = 1;
    for i in 0..MESSAGES_PER_HOUR + 5 {
        let r = send(&s, "POST", &conversation, &format!("action=message&body=Message+{i}"), Some(&cookies[1])).await;
        accepted += usize::from(r.status == StatusCode::SEE_OTHER);
    }
    println!(
        "messages accepted from one account in an hour: {accepted} of {} (configured: {MESSAGES_PER_HOUR})",
        MESSAGES_PER_HOUR + 6
    );
    assert_eq!(accepted as i64, MESSAGES_PER_HOUR);
}

#[tokio::test]
async fn a_panic_ends_its_request_only_with_a_reference_and_the_server_keeps_serving() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    use axum::body::Body;
    use axum::http::{header, Request};
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    async fn fails() -> &'static str {
        let secret = "SELECT * FROM users WHERE email = 'x'";
        panic!("handler failed: {secret}")
    }
    let s = state(pool);
    let boom = axum::Router::new().route("/panique", axum::routing::get(fails));
    let app = crate::server::router_with(s.clone(), boom);
    // Several at once: each gets its page, none takes the server down.
    let answers = futures_util::future::join_all((0..8).map(|_| {
        let app = app.clone();
        async move { app.oneshot(Request::get("/panique").body(Body::empty()).unwrap()).await.unwrap() }
    }))
    .await;
    let mut references = std::collections::HashSet::new();
    for res in answers {
        assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(res.headers().contains_key(header::CONTENT_SECURITY_POLICY), "the usual headers");
        let body = String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();
        assert!(body.contains("Une erreur est survenue de notre côté (référence "), "{body}");
        assert_eq!(leaks(&body), None, "{body}");
        assert!(!body.contains("handler failed"));
        let start = body.find("référence ").unwrap() + "référence ".len();
        references.insert(body[start..start + 8].to_owned());
    }
    assert_eq!(references.len(), 8, "one reference per request");
    // And it keeps serving.
    let res = app.clone().oneshot(Request::get("/livez").body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(send(&s, "GET", "/", "", None).await.status, StatusCode::OK);
}

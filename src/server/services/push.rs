//! Web Push: a phone where the app is installed buzzes for a new post near its person.
//!
//! The server makes its VAPID key pair (RFC 8292) at its first start and keeps it in the
//! database; browsers subscribe with its public half. Pushes are written to `push_outbox` in
//! the transaction of the event; the push loop encrypts each payload for its browser (RFC 8291,
//! `aes128gcm`, by the `web-push-native` crate), signs the request and posts it to the browser's
//! push service. A service that answers 404 or 410 has dropped the browser: so do we.
//!
//! A browser's push address is given by the browser, that is by anyone: the server only posts
//! to the push services it knows (`--push-services`), over https — never to an address of the
//! operator's network.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use base64ct::{Base64UrlUnpadded, Encoding};
use web_push_native::jwt_simple::algorithms::{ECDSAP256PublicKeyLike, ES256KeyPair};
use web_push_native::{p256, Auth, WebPushBuilder};

use crate::domain::user::CurrentUser;
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::server::db::leases::{self, Queue, Take};
use crate::server::db::{self, push as sql, Db};
use crate::server::workers::{self, Stop};

/// A failing push is tried this many times, then left.
pub const MAX_ATTEMPTS: i64 = 5;
/// How often the push outbox is looked at.
const EVERY: Duration = Duration::from_secs(10);
/// How long a push service keeps a push for a phone that is off (RFC 8030 `TTL`).
const TTL: Duration = Duration::from_secs(24 * 3600);

/// The push services the server posts to by default: hosts (and their subdomains), https only.
pub const DEFAULT_SERVICES: &str =
    "fcm.googleapis.com,updates.push.services.mozilla.com,push.services.mozilla.com,notify.windows.com,push.apple.com";

/// Where pushes may be posted: https to these hosts and their subdomains, plus exact origins
/// given in full (`http://127.0.0.1:3126` for the tests' own push service).
#[derive(Clone, Debug)]
pub struct PushServices {
    hosts: Vec<String>,
    origins: Vec<String>,
}

impl PushServices {
    /// From a comma-separated list of hosts and origins.
    pub fn parse(list: &str) -> PushServices {
        let (mut hosts, mut origins) = (vec![], vec![]);
        for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            if item.contains("://") {
                origins.push(item.trim_end_matches('/').to_ascii_lowercase());
            } else {
                hosts.push(item.trim_start_matches('.').to_ascii_lowercase());
            }
        }
        PushServices { hosts, origins }
    }

    /// Whether `endpoint` is a push address the server may post to.
    pub fn allows(&self, endpoint: &str) -> bool {
        let Ok(uri) = endpoint.parse::<axum::http::Uri>() else { return false };
        let (Some(scheme), Some(host)) = (uri.scheme_str(), uri.host()) else { return false };
        if uri.authority().is_some_and(|a| a.as_str().contains('@')) {
            return false;
        }
        let host = host.to_ascii_lowercase();
        let origin = match uri.port_u16() {
            Some(p) => format!("{scheme}://{host}:{p}"),
            None => format!("{scheme}://{host}"),
        };
        if self.origins.contains(&origin) {
            return true;
        }
        scheme == "https"
            && uri.port_u16().is_none_or(|p| p == 443)
            && self.hosts.iter().any(|h| host == *h || host.ends_with(&format!(".{h}")))
    }
}

/// The server's VAPID key pair: made and kept at the first start, read afterwards.
pub async fn vapid_key(db: &Db, now: i64) -> Result<ES256KeyPair, String> {
    let mut conn = db.write.acquire().await.map_err(|e| e.to_string())?;
    if sql::vapid_key(&mut conn).await.map_err(|e| e.to_string())?.is_none() {
        let made = ES256KeyPair::generate();
        sql::keep_vapid_key(&mut conn, &made.to_bytes(), now).await.map_err(|e| e.to_string())?;
        tracing::info!("VAPID key pair made for Web Push (kept in the database)");
    }
    let bytes = sql::vapid_key(&mut conn).await.map_err(|e| e.to_string())?.ok_or("VAPID key not kept")?;
    ES256KeyPair::from_bytes(&bytes).map_err(|e| format!("the stored VAPID key is unreadable: {e}"))
}

/// The public half browsers subscribe with: the uncompressed point, base64url.
pub fn public_key(key: &ES256KeyPair) -> String {
    Base64UrlUnpadded::encode_string(&key.public_key().public_key().to_bytes_uncompressed())
}

static PUBLIC_KEY: OnceLock<String> = OnceLock::new();
static SERVICES: OnceLock<PushServices> = OnceLock::new();

/// Remembers what the pages need (once, at start): the public key and the services allowed.
pub fn set_up(key: &ES256KeyPair, services: PushServices) {
    let _ = PUBLIC_KEY.set(public_key(key));
    let _ = SERVICES.set(services);
}

/// The public key browsers subscribe with (`None` when the server sends no pushes).
pub fn server_public_key() -> Option<&'static str> {
    PUBLIC_KEY.get().map(String::as_str)
}

fn services() -> PushServices {
    SERVICES.get().cloned().unwrap_or_else(|| PushServices::parse(DEFAULT_SERVICES))
}

/// Checks what a browser sent: a push address of a known service, its P-256 public key (65
/// bytes, base64url) and its 16-byte secret.
fn check(endpoint: &str, p256dh: &str, auth: &str) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    if endpoint.len() > 1000 || !services().allows(endpoint) {
        errors.push("endpoint", Msg::new("push-service-unknown"));
    }
    let key = Base64UrlUnpadded::decode_vec(p256dh.trim_end_matches('=')).ok();
    if key.as_deref().and_then(|k| p256::PublicKey::from_sec1_bytes(k).ok()).is_none()
        || key.is_some_and(|k| k.len() != 65)
    {
        errors.push("p256dh", Msg::new("push-keys-invalid"));
    }
    if Base64UrlUnpadded::decode_vec(auth.trim_end_matches('=')).map_or(true, |a| a.len() != 16) {
        errors.push("auth", Msg::new("push-keys-invalid"));
    }
    errors.into_result(())
}

/// Subscribes a browser of mine.
pub async fn subscribe(
    db: &Db,
    me: &CurrentUser,
    endpoint: &str,
    p256dh: &str,
    auth: &str,
    now: i64,
) -> Result<(), AppError> {
    check(endpoint, p256dh, auth)?;
    let (p256dh, auth) = (p256dh.trim_end_matches('='), auth.trim_end_matches('='));
    let mut conn = db.write.acquire().await.map_err(|e| db::internal("push subscribe: acquire", e))?;
    sql::subscribe(&mut conn, me.id, endpoint, p256dh, auth, now).await.map_err(|e| db::internal("push subscribe", e))
}

/// Unsubscribes a browser of mine (nothing happens for anyone else's).
pub async fn unsubscribe(db: &Db, me: &CurrentUser, endpoint: &str) -> Result<(), AppError> {
    let mut conn = db.write.acquire().await.map_err(|e| db::internal("push unsubscribe: acquire", e))?;
    sql::remove(&mut conn, me.id, endpoint).await.map_err(|e| db::internal("push unsubscribe", e))?;
    Ok(())
}

/// How many browsers receive my pushes.
pub async fn devices(db: &Db, me: &CurrentUser) -> Result<i64, AppError> {
    let mut conn = db.read.acquire().await.map_err(|e| db::internal("push devices: acquire", e))?;
    sql::count_of_user(&mut conn, me.id).await.map_err(|e| db::internal("push devices", e))
}

/// What sends pushes: an HTTP client, the VAPID key and the contact push services may write to.
#[derive(Clone)]
pub struct Pusher {
    client: reqwest::Client,
    key: Arc<ES256KeyPair>,
    contact: String,
    services: PushServices,
}

impl std::fmt::Debug for Pusher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pusher").field("contact", &self.contact).finish_non_exhaustive()
    }
}

/// What became of one push.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Sent,
    /// The push service no longer knows the browser (404, 410): it is dropped.
    Gone,
    /// Failed: why, and whether trying again is pointless.
    Failed(String, bool),
}

impl Pusher {
    /// `contact` is the `mailto:` or https address push services may write to (RFC 8292).
    pub fn new(key: ES256KeyPair, contact: &str, services: PushServices) -> Result<Pusher, String> {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(20))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| format!("push client: {e}"))?;
        Ok(Pusher { client, key: Arc::new(key), contact: contact.to_owned(), services })
    }

    /// Encrypts `payload` for the browser and posts it to its push service.
    pub async fn send(&self, endpoint: &str, p256dh: &str, auth: &str, payload: &str) -> Outcome {
        if !self.services.allows(endpoint) {
            return Outcome::Failed("push service not allowed".into(), true);
        }
        let request = (|| -> Result<_, String> {
            let uri = endpoint.parse().map_err(|_| "bad endpoint")?;
            let key = Base64UrlUnpadded::decode_vec(p256dh).map_err(|_| "bad key")?;
            let key = p256::PublicKey::from_sec1_bytes(&key).map_err(|_| "bad key")?;
            let secret = Base64UrlUnpadded::decode_vec(auth).map_err(|_| "bad secret")?;
            if secret.len() != 16 {
                return Err("bad secret".into());
            }
            WebPushBuilder::new(uri, key, Auth::clone_from_slice(&secret))
                .with_valid_duration(TTL)
                .with_vapid(&self.key, &self.contact)
                .build(payload.as_bytes().to_vec())
                .map_err(|e| format!("encryption: {e}"))
        })();
        let request = match request {
            Ok(r) => r,
            Err(e) => return Outcome::Failed(e, true),
        };
        let (parts, body) = request.into_parts();
        let mut post = self.client.post(endpoint).body(body).header("Urgency", "high");
        for (name, value) in &parts.headers {
            post = post.header(name.as_str(), value.as_bytes());
        }
        match post.send().await {
            Ok(r) if r.status().is_success() => Outcome::Sent,
            Ok(r) if matches!(r.status().as_u16(), 404 | 410) => Outcome::Gone,
            Ok(r) => {
                let code = r.status().as_u16();
                Outcome::Failed(format!("push service {code}"), matches!(code, 400 | 403 | 413))
            }
            Err(e) if e.is_timeout() => Outcome::Failed("push service timeout".into(), false),
            Err(_) => Outcome::Failed("push service unreachable".into(), false),
        }
    }
}

/// Sends what waits in the push outbox once, each push at most once per pass, taking them
/// [`workers::BATCH`] at a time in the name of `worker` (`workers::me()`), until `stop` is asked;
/// returns how many were sent.
pub async fn flush(db: &Db, pusher: &Pusher, worker: &str, stop: &Stop, now: i64) -> Result<usize, String> {
    let claim = |after| async move {
        let take =
            Take { worker, now, until: now + workers::LEASE, max_attempts: MAX_ATTEMPTS, after, limit: workers::BATCH };
        let mut conn = db.write.acquire().await.map_err(|e| e.to_string())?;
        sql::claim(&mut conn, take).await.map_err(|e| e.to_string())
    };
    workers::drain(stop, |r: &sql::PushRow| r.id, claim, |r| deliver(db, pusher, r, now)).await
}

/// Hands back what `worker` took and has not sent.
pub async fn hand_back(db: &Db, worker: &str) -> Result<u64, String> {
    let mut conn = db.write.acquire().await.map_err(|e| e.to_string())?;
    leases::release(&mut conn, Queue::Pushes, worker).await.map_err(|e| e.to_string())
}

/// Sends one push and records the outcome; whether it was sent.
async fn deliver(db: &Db, pusher: &Pusher, r: sql::PushRow, now: i64) -> Result<bool, String> {
    let outcome = pusher.send(&r.endpoint, &r.p256dh, &r.auth, &r.payload).await;
    let sent = matches!(outcome, Outcome::Sent);
    let mut conn = db.write.acquire().await.map_err(|e| e.to_string())?;
    match outcome {
        Outcome::Sent => sql::record_attempt(&mut conn, r.id, Ok(()), MAX_ATTEMPTS, now).await,
        Outcome::Gone => {
            tracing::info!(subscription = r.subscription_id, "push subscription gone: dropped");
            sql::drop_subscription(&mut conn, r.subscription_id).await
        }
        Outcome::Failed(why, permanent) => {
            // The row is the reference; the address stays in the table, never in the log.
            tracing::warn!(push_id = r.id, "push not sent: {why}");
            sql::record_attempt(&mut conn, r.id, Err((&why, permanent)), MAX_ATTEMPTS, now).await
        }
    }
    .map_err(|e| e.to_string())?;
    Ok(sent)
}

fn waker() -> &'static tokio::sync::Notify {
    static WAKER: OnceLock<tokio::sync::Notify> = OnceLock::new();
    WAKER.get_or_init(tokio::sync::Notify::new)
}

/// Asks the push loop to look at its outbox now.
pub fn wake() {
    waker().notify_one();
}

/// Delivers the push outbox every few seconds (at once when woken) until `stop`, then hands
/// back what it took and has not sent.
pub async fn run(db: Db, pusher: Pusher, stop: Stop) {
    let worker = workers::me();
    workers::every(
        "push outbox",
        EVERY,
        waker(),
        stop,
        |stop| {
            let (db, pusher) = (db.clone(), pusher.clone());
            async move { flush(&db, &pusher, worker, &stop, super::now()).await }
        },
        || hand_back(&db, worker),
    )
    .await;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::user::Role;
    use crate::server::services::accounts;
    use crate::server::services::posts::tests::NOW;

    /// A browser's keys, as `PushManager.subscribe` makes them.
    fn browser_keys() -> (String, String) {
        let secret = p256::SecretKey::random(&mut p256::elliptic_curve::rand_core::OsRng);
        let public = secret.public_key();
        use p256::elliptic_curve::sec1::ToEncodedPoint;
        let point = public.to_encoded_point(false);
        (Base64UrlUnpadded::encode_string(point.as_bytes()), Base64UrlUnpadded::encode_string(&[7u8; 16]))
    }

    /// A push service on a loopback port answering `status` to every push; hands back the
    /// requests' headers.
    async fn push_service(status: u16) -> (String, tokio::sync::mpsc::UnboundedReceiver<axum::http::HeaderMap>) {
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        let app = axum::Router::new().route(
            "/push/{name}",
            axum::routing::post(move |headers: axum::http::HeaderMap, _body: axum::body::Bytes| {
                let tx = tx.clone();
                async move {
                    let _ = tx.send(headers);
                    axum::http::StatusCode::from_u16(status).unwrap_or(axum::http::StatusCode::CREATED)
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let origin = format!("http://127.0.0.1:{}", listener.local_addr().expect("addr").port());
        tokio::spawn(async move { axum::serve(listener, app).await });
        (origin, rx)
    }

    async fn queue_one(db: &Db, user: i64, payload: &str) {
        db::query("INSERT INTO push_outbox (subscription_id, payload, created_at) SELECT id, $2, 0 FROM push_subscriptions WHERE user_id = $1")
            .bind(user)
            .bind(payload)
            .execute(&db.write)
            .await
            .expect("queued");
    }

    async fn count(db: &Db, sql: &str) -> i64 {
        db::query_scalar(sql).fetch_one(&db.read).await.expect("count")
    }

    #[test]
    fn only_known_push_services_over_https_and_the_tests_own_origin() {
        let s = PushServices::parse(&format!("{DEFAULT_SERVICES},http://127.0.0.1:3135"));
        for ok in [
            "https://fcm.googleapis.com/fcm/send/abc",
            "https://updates.push.services.mozilla.com/wpush/v2/abc",
            "https://db5p.notify.windows.com/w/?token=abc",
            "https://web.push.apple.com/QGx",
            "http://127.0.0.1:3135/push/x",
        ] {
            assert!(s.allows(ok), "{ok}");
        }
        for bad in [
            "http://fcm.googleapis.com/fcm/send/abc",
            "https://fcm.googleapis.com:8443/x",
            "https://evilfcm.googleapis.com.example/x",
            "https://notfcm.googleapis.com.evil/x",
            "https://user@fcm.googleapis.com/x",
            "http://127.0.0.1:3136/push/x",
            "http://localhost:3135/push/x",
            "http://169.254.169.254/latest/meta-data",
            "https://127.0.0.1/push",
            "file:///etc/passwd",
            "fcm.googleapis.com/x",
            "",
        ] {
            assert!(!s.allows(bad), "{bad}");
        }
    }

    #[tokio::test]
    async fn a_subscription_is_checked_then_pushes_go_signed_and_a_gone_browser_is_dropped() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let me = accounts::test_account(&db, "benevole@exemple.fr", Role::Resident, NOW).await;
        let (ok_origin, mut received) = push_service(201).await;
        let (gone_origin, _) = push_service(410).await;
        let (busy_origin, _) = push_service(503).await;
        let services = PushServices::parse(&format!("{DEFAULT_SERVICES},{ok_origin},{gone_origin},{busy_origin}"));
        set_up(&vapid_key(&db, NOW).await.expect("key"), services.clone());
        let key = vapid_key(&db, NOW).await.expect("the same key, read back");
        assert_eq!(public_key(&key), server_public_key().expect("set up"));
        let pusher = Pusher::new(key, "mailto:contact@departement.fr", services).expect("pusher");
        let (p256dh, auth) = browser_keys();

        // What a browser sends is checked: a known service, a real P-256 point, a 16-byte secret.
        let bad = subscribe(&db, &me, "http://10.0.0.1/push/x", &p256dh, &auth, NOW).await.unwrap_err();
        assert!(matches!(bad, AppError::Validation(ref e) if e.get("endpoint").is_some()), "{bad:?}");
        let bad = subscribe(&db, &me, &format!("{ok_origin}/push/a"), "AAAA", "BBBB", NOW).await.unwrap_err();
        assert!(matches!(bad, AppError::Validation(ref e) if e.get("p256dh").is_some() && e.get("auth").is_some()));
        assert_eq!(count(&db, "SELECT count(*) FROM push_subscriptions").await, 0);

        subscribe(&db, &me, &format!("{ok_origin}/push/a"), &p256dh, &auth, NOW).await.expect("subscribed");
        queue_one(&db, me.id, r#"{"title":"Entraide","body":"Une annonce","url":"/posts/1"}"#).await;
        assert_eq!(flush(&db, &pusher, "test", &Stop::never(), NOW).await.expect("flush"), 1);
        let headers = received.recv().await.expect("a push");
        assert_eq!(headers["content-encoding"], "aes128gcm");
        assert_eq!(headers["ttl"], "86400");
        let auth_header = headers["authorization"].to_str().expect("ascii");
        assert!(
            auth_header.starts_with("vapid t=")
                && auth_header.ends_with(&format!("k={}", server_public_key().unwrap_or_default()))
        );
        assert_eq!(count(&db, "SELECT count(*) FROM push_outbox WHERE sent_at IS NOT NULL").await, 1);

        // A busy service: tried again later, up to the limit.
        unsubscribe(&db, &me, &format!("{ok_origin}/push/a")).await.expect("unsubscribed");
        subscribe(&db, &me, &format!("{busy_origin}/push/b"), &p256dh, &auth, NOW).await.expect("subscribed");
        queue_one(&db, me.id, "{}").await;
        for _ in 0..MAX_ATTEMPTS + 2 {
            assert_eq!(flush(&db, &pusher, "test", &Stop::never(), NOW).await.expect("flush"), 0);
        }
        assert_eq!(count(&db, "SELECT max(attempts) FROM push_outbox").await, MAX_ATTEMPTS);

        // A browser the service says is gone: dropped, with what waited for it.
        subscribe(&db, &me, &format!("{gone_origin}/push/c"), &p256dh, &auth, NOW).await.expect("subscribed");
        db::query("DELETE FROM push_outbox").execute(&db.write).await.expect("clean");
        queue_one(&db, me.id, "{}").await;
        flush(&db, &pusher, "test", &Stop::never(), NOW).await.expect("flush");
        let left: Vec<String> =
            db::query_scalar("SELECT endpoint FROM push_subscriptions").fetch_all(&db.read).await.expect("left");
        assert_eq!(left, [format!("{busy_origin}/push/b")]);
        assert_eq!(count(&db, "SELECT count(*) FROM push_outbox").await, 1, "only the busy one's push");
    }
}

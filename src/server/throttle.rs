//! Limits on attempts — log-in failures per address and per account, sign-ups and reset
//! requests per address — over a sliding window. Counted in the database (`db/limits.rs`), so
//! that every app server behind a load balancer counts the same attempts: a guesser whose
//! requests go round the servers meets one limit, not one per server. Past the limit, callers
//! answer 429 with `Retry-After`.

use sha2::{Digest, Sha256};

use crate::error::AppError;
use crate::server::db::{self, limits as sql, Db};

/// The longest window of any limit: older attempts are deleted by [`forget_old`].
pub const LONGEST_WINDOW: i64 = 3600;

/// A limit of `max` attempts per `window` seconds for each key, under the name `bucket`.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    bucket: &'static str,
    max: i64,
    window: i64,
}

/// One attempt counted; handed back with [`Limit::give_back`] if it turns out not to count.
#[derive(Debug)]
#[must_use = "an attempt that does not count is handed back"]
pub struct Taken(i64);

impl Limit {
    /// `bucket` is one the schema knows (`login-ip`, `login-account`, `signup-ip`, `reset-ip`).
    pub const fn new(bucket: &'static str, max: i64, window: i64) -> Limit {
        assert!(window <= LONGEST_WINDOW);
        Limit { bucket, max, window }
    }

    /// Counts an attempt for `key` at `now` before its work starts, in one step with the
    /// check (requests sent at once, to one server or several, cannot all pass):
    /// `TooManyRequests` with the seconds to wait past the limit.
    pub async fn take(&self, db: &Db, key: &str, now: i64) -> Result<Taken, AppError> {
        let key = hashed(key);
        let since = now - self.window;
        // A write transaction: one check at a time (SQLite's single writer; on PostgreSQL, whose
        // statements would otherwise each count the same places, the write lock).
        let mut tx = db.begin_write().await.map_err(|e| db::internal("limit: begin", e))?;
        if let Some(id) = sql::take(&mut tx, self.bucket, &key, now, since, self.max)
            .await
            .map_err(|e| db::internal("limit: take", e))?
        {
            tx.commit().await.map_err(|e| db::internal("limit: commit", e))?;
            return Ok(Taken(id));
        }
        let oldest = sql::oldest(&mut tx, self.bucket, &key, since)
            .await
            .map_err(|e| db::internal("limit: oldest", e))?
            .unwrap_or(now);
        Err(AppError::TooManyRequests { retry_after: u64::try_from(oldest + self.window - now).unwrap_or(0).max(1) })
    }

    /// Hands back an attempt that did not count (a success, a failure of ours). A failure to
    /// do so is logged: the attempt then counts until its window ends.
    pub async fn give_back(&self, db: &Db, taken: Taken) {
        let done = async {
            let mut conn = db.write.acquire().await?;
            sql::give_back(&mut conn, taken.0).await
        };
        if let Err(e) = done.await {
            tracing::warn!("limit: an attempt could not be handed back: {e}");
        }
    }

    /// Forgets the attempts of `key` (after a success).
    pub async fn clear(&self, db: &Db, key: &str) {
        let done = async {
            let mut conn = db.write.acquire().await?;
            sql::clear(&mut conn, self.bucket, &hashed(key)).await
        };
        if let Err(e) = done.await {
            tracing::warn!("limit: attempts could not be forgotten: {e}");
        }
    }
}

/// The key as stored: 16 bytes of its SHA-256 in hexadecimal (the table never holds an address).
fn hashed(key: &str) -> String {
    Sha256::digest(key.as_bytes()).iter().take(16).map(|b| format!("{b:02x}")).collect()
}

/// Deletes the attempts no window reaches any more (the minute sweep); how many.
pub async fn forget_old(db: &Db, now: i64) -> Result<u64, AppError> {
    let mut conn = db.write.acquire().await.map_err(|e| db::internal("limits sweep: acquire", e))?;
    sql::forget_before(&mut conn, now - LONGEST_WINDOW).await.map_err(|e| db::internal("limits sweep", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn retry_after(r: Result<Taken, AppError>) -> u64 {
        match r {
            Err(AppError::TooManyRequests { retry_after }) => retry_after,
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[tokio::test]
    async fn limits_per_key_and_window() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let t = Limit::new("login-ip", 3, 600);
        for i in 0..3 {
            let _ = t.take(&db, "ip:1", 1000 + i).await.expect("under the limit");
        }
        assert_eq!(retry_after(t.take(&db, "ip:1", 1010).await), 590);
        let _ = t.take(&db, "ip:2", 1010).await.expect("another key");
        // Another bucket does not share the count.
        let _ = Limit::new("signup-ip", 3, 600).take(&db, "ip:1", 1010).await.expect("another bucket");
        // The window slides.
        let _ = t.take(&db, "ip:1", 1600).await.expect("the first attempt left the window");
        t.clear(&db, "ip:1").await;
        let _ = t.take(&db, "ip:1", 1601).await.expect("cleared");
        // Old attempts are deleted by the sweep (those of 1010; "ip:1" was cleared), keys are
        // stored hashed.
        assert_eq!(forget_old(&db, 1011 + LONGEST_WINDOW).await.expect("sweep"), 2);
        let keys: Vec<String> = db::query_scalar("SELECT key FROM limit_attempts").fetch_all(&db.read).await.unwrap();
        assert!(keys.iter().all(|k| k.len() == 32 && !k.contains("ip")), "{keys:?}");
    }

    #[tokio::test]
    async fn taking_counts_before_the_work_and_can_be_handed_back() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let t = Limit::new("login-account", 2, 600);
        let a = t.take(&db, "a", 1000).await.expect("first");
        let b = t.take(&db, "a", 1001).await.expect("second");
        assert_eq!(retry_after(t.take(&db, "a", 1002).await), 598, "the third waits, although no work has ended yet");
        t.give_back(&db, b).await;
        let c = t.take(&db, "a", 1003).await.expect("a place was handed back");
        assert_eq!(retry_after(t.take(&db, "a", 1004).await), 596);
        t.give_back(&db, a).await;
        t.give_back(&db, c).await;
        let _ = t.take(&db, "a", 1004).await.expect("both handed back");
    }

    /// Two servers on one database: attempts sent to both at once meet one limit.
    #[tokio::test]
    async fn two_servers_count_the_same_attempts() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let first = Db::single(pool.clone());
        let second = Db::single(pool);
        let t = Limit::new("login-account", 5, 900);
        let mut set = tokio::task::JoinSet::new();
        for i in 0..40 {
            let db = if i % 2 == 0 { first.clone() } else { second.clone() };
            set.spawn(async move { t.take(&db, "account:claire@exemple.fr", 5000).await.is_ok() });
        }
        let mut passed = 0;
        while let Some(ok) = set.join_next().await {
            passed += usize::from(ok.expect("task"));
        }
        assert_eq!(passed, 5);
    }
}

/// The limits of the account forms: log-in failures per IP address and per account, and
/// sign-ups per IP address.
#[derive(Debug)]
pub struct LoginThrottle {
    pub by_ip: Limit,
    pub by_account: Limit,
    pub sign_ups_by_ip: Limit,
    /// "Mot de passe oublié" requests per IP address.
    pub resets_by_ip: Limit,
}

/// "Mot de passe oublié" requests one address may send in an hour.
pub const RESETS_PER_HOUR: i64 = 10;

/// Sign-ups one address may make in an hour (default).
pub const SIGN_UPS_PER_HOUR: usize = 10;

impl LoginThrottle {
    /// The default limits, with `sign_ups` sign-ups per address and hour.
    pub fn with_sign_ups(sign_ups: usize) -> LoginThrottle {
        LoginThrottle {
            by_ip: Limit::new("login-ip", 20, 15 * 60),
            by_account: Limit::new("login-account", 5, 15 * 60),
            sign_ups_by_ip: Limit::new("signup-ip", i64::try_from(sign_ups).unwrap_or(i64::MAX), 3600),
            resets_by_ip: Limit::new("reset-ip", RESETS_PER_HOUR, 3600),
        }
    }
}

impl Default for LoginThrottle {
    fn default() -> Self {
        LoginThrottle::with_sign_ups(SIGN_UPS_PER_HOUR)
    }
}

/// The key of a client address for the limits: the address itself for IPv4, its /64 network
/// for IPv6 (one household or phone holds a whole /64).
pub fn ip_key(ip: std::net::IpAddr) -> String {
    match ip {
        std::net::IpAddr::V4(v4) => format!("ip:{v4}"),
        std::net::IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return format!("ip:{v4}");
            }
            let s = v6.segments();
            format!("ip:{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
    }
}

/// The client's address: the peer, or — only when the peer is the configured reverse proxy —
/// the last address that proxy appended to `X-Forwarded-For`.
pub fn client_ip(
    peer: Option<std::net::IpAddr>,
    forwarded_for: Option<&str>,
    trusted_proxy: Option<std::net::IpAddr>,
) -> Option<std::net::IpAddr> {
    match (peer, trusted_proxy) {
        (Some(p), Some(proxy)) if p == proxy => {
            forwarded_for.and_then(|h| h.rsplit(',').next()).and_then(|last| last.trim().parse().ok()).or(Some(p))
        }
        (peer, _) => peer,
    }
}

/// The last `X-Forwarded-For` line of a request: a proxy appends its own line (or its own
/// address to the last line), so the earlier lines are whatever the client sent.
pub fn last_forwarded_line(headers: &axum::http::HeaderMap) -> Option<&str> {
    headers.get_all("x-forwarded-for").iter().next_back().and_then(|v| v.to_str().ok())
}

#[cfg(test)]
mod address_tests {
    use super::*;

    #[test]
    fn addresses_for_limits() {
        assert_eq!(ip_key("192.0.2.7".parse().unwrap()), "ip:192.0.2.7");
        let a = ip_key("2001:db8:1:2:aaaa::1".parse().unwrap());
        let b = ip_key("2001:db8:1:2:bbbb::9".parse().unwrap());
        assert_eq!(a, b, "one /64");
        assert_eq!(a, "ip:2001:db8:1:2::/64");
        assert_ne!(a, ip_key("2001:db8:1:3::1".parse().unwrap()));
        let proxy = "10.0.0.1".parse().ok();
        let peer = "10.0.0.1".parse().ok();
        assert_eq!(client_ip(peer, Some("6.6.6.6, 203.0.113.9"), proxy), "203.0.113.9".parse().ok());
        // From anyone else, X-Forwarded-For is ignored.
        assert_eq!(client_ip("198.51.100.2".parse().ok(), Some("203.0.113.9"), proxy), "198.51.100.2".parse().ok());
        assert_eq!(client_ip(peer, Some("203.0.113.9"), None), peer);
    }

    #[test]
    fn the_proxy_line_is_the_last_one() {
        let mut h = axum::http::HeaderMap::new();
        h.append("x-forwarded-for", "6.6.6.6".parse().unwrap());
        h.append("x-forwarded-for", "198.51.100.4, 203.0.113.9".parse().unwrap());
        let proxy = "10.0.0.1".parse().ok();
        let ip = client_ip(proxy, last_forwarded_line(&h), proxy);
        assert_eq!(ip, "203.0.113.9".parse().ok(), "the client's own line is not believed");
        assert_eq!(last_forwarded_line(&axum::http::HeaderMap::new()), None);
    }
}

//! Counting failed attempts (log-in) per key — an IP address or an account — over a sliding
//! window, in memory. Past the limit, callers answer 429 with `Retry-After`.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

/// A limit of `max` failures per `window` seconds for each key.
#[derive(Debug)]
pub struct Throttle {
    max: usize,
    window: i64,
    failures: Mutex<HashMap<String, VecDeque<i64>>>,
}

impl Throttle {
    pub fn new(max: usize, window_secs: i64) -> Throttle {
        Throttle { max, window: window_secs, failures: Mutex::default() }
    }

    /// `Err(seconds to wait)` if `key` is over the limit at `now`.
    pub fn check(&self, key: &str, now: i64) -> Result<(), u64> {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let Some(q) = map.get_mut(key) else { return Ok(()) };
        while q.front().is_some_and(|t| *t <= now - self.window) {
            q.pop_front();
        }
        if q.len() >= self.max {
            let oldest = q.front().copied().unwrap_or(now);
            Err((oldest + self.window - now).max(1) as u64)
        } else {
            Ok(())
        }
    }

    /// Records a failure for `key` at `now`.
    pub fn fail(&self, key: &str, now: i64) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        self.forget_stale(&mut map, now);
        map.entry(key.to_owned()).or_default().push_back(now);
    }

    /// Counts an attempt for `key` at `now` before its work starts, in one step with the check
    /// (requests sent at once cannot all pass): `Err(seconds to wait)` past the limit. An attempt
    /// that turns out not to count (a success, a failure of ours) is handed back with
    /// [`Throttle::give_back`].
    pub fn take(&self, key: &str, now: i64) -> Result<(), u64> {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        self.forget_stale(&mut map, now);
        let q = map.entry(key.to_owned()).or_default();
        while q.front().is_some_and(|t| *t <= now - self.window) {
            q.pop_front();
        }
        if q.len() >= self.max {
            let oldest = q.front().copied().unwrap_or(now);
            return Err((oldest + self.window - now).max(1) as u64);
        }
        q.push_back(now);
        Ok(())
    }

    /// Hands back one attempt taken at `at` for `key`.
    pub fn give_back(&self, key: &str, at: i64) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(q) = map.get_mut(key) {
            if let Some(i) = q.iter().rposition(|t| *t == at) {
                q.remove(i);
            }
            if q.is_empty() {
                map.remove(key);
            }
        }
    }

    /// Bounds the memory an attacker can make us hold: forgets stale keys when the map grows.
    fn forget_stale(&self, map: &mut HashMap<String, VecDeque<i64>>, now: i64) {
        if map.len() > 100_000 {
            let window = self.window;
            map.retain(|_, q| q.back().is_some_and(|t| *t > now - window));
        }
    }

    /// Forgets `key` (after a success).
    pub fn clear(&self, key: &str) {
        self.failures.lock().unwrap_or_else(|p| p.into_inner()).remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_per_key_and_window() {
        let t = Throttle::new(3, 600);
        for i in 0..3 {
            assert_eq!(t.check("ip:1", 1000 + i), Ok(()));
            t.fail("ip:1", 1000 + i);
        }
        assert_eq!(t.check("ip:1", 1010), Err(590));
        assert_eq!(t.check("ip:2", 1010), Ok(()));
        // The window slides.
        assert_eq!(t.check("ip:1", 1600), Ok(()));
        t.fail("ip:1", 1600);
        t.clear("ip:1");
        assert_eq!(t.check("ip:1", 1601), Ok(()));
    }

    #[test]
    fn taking_counts_before_the_work_and_can_be_handed_back() {
        let t = Throttle::new(2, 600);
        assert_eq!(t.take("a", 1000), Ok(()));
        assert_eq!(t.take("a", 1001), Ok(()));
        assert_eq!(t.take("a", 1002), Err(598), "the third waits, although no work has ended yet");
        t.give_back("a", 1001);
        assert_eq!(t.take("a", 1003), Ok(()));
        assert_eq!(t.check("a", 1004), Err(596));
        t.give_back("a", 1000);
        t.give_back("a", 1003);
        t.give_back("a", 1003);
        assert_eq!(t.check("a", 1004), Ok(()));
    }
}

/// The limits of the account forms: log-in failures per IP address and per account, and
/// sign-ups per IP address.
#[derive(Debug)]
pub struct LoginThrottle {
    pub by_ip: Throttle,
    pub by_account: Throttle,
    pub sign_ups_by_ip: Throttle,
    /// "Mot de passe oublié" requests per IP address.
    pub resets_by_ip: Throttle,
}

/// "Mot de passe oublié" requests one address may send in an hour.
pub const RESETS_PER_HOUR: usize = 10;

/// Sign-ups one address may make in an hour (default).
pub const SIGN_UPS_PER_HOUR: usize = 10;

impl LoginThrottle {
    /// The default limits, with `sign_ups` sign-ups per address and hour.
    pub fn with_sign_ups(sign_ups: usize) -> LoginThrottle {
        LoginThrottle {
            by_ip: Throttle::new(20, 15 * 60),
            by_account: Throttle::new(5, 15 * 60),
            sign_ups_by_ip: Throttle::new(sign_ups, 3600),
            resets_by_ip: Throttle::new(RESETS_PER_HOUR, 3600),
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

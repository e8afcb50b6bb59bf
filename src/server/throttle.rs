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
        // Bound the memory an attacker can make us hold: forget stale keys when the map grows.
        if map.len() > 100_000 {
            let window = self.window;
            map.retain(|_, q| q.back().is_some_and(|t| *t > now - window));
        }
        map.entry(key.to_owned()).or_default().push_back(now);
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
}

/// The limits of the account forms: log-in failures per IP address and per account, and
/// sign-ups per IP address.
#[derive(Debug)]
pub struct LoginThrottle {
    pub by_ip: Throttle,
    pub by_account: Throttle,
    pub sign_ups_by_ip: Throttle,
}

/// Sign-ups one address may make in an hour (default).
pub const SIGN_UPS_PER_HOUR: usize = 10;

impl LoginThrottle {
    /// The default limits, with `sign_ups` sign-ups per address and hour.
    pub fn with_sign_ups(sign_ups: usize) -> LoginThrottle {
        LoginThrottle {
            by_ip: Throttle::new(20, 15 * 60),
            by_account: Throttle::new(5, 15 * 60),
            sign_ups_by_ip: Throttle::new(sign_ups, 3600),
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
}

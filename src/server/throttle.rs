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

/// The log-in limits: failures per IP address and per account.
#[derive(Debug)]
pub struct LoginThrottle {
    pub by_ip: Throttle,
    pub by_account: Throttle,
}

impl Default for LoginThrottle {
    fn default() -> Self {
        LoginThrottle { by_ip: Throttle::new(20, 15 * 60), by_account: Throttle::new(5, 15 * 60) }
    }
}

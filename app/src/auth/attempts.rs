//! The sign-in rate limit (server only): failed attempts are counted per account (the
//! e-mail address typed, whether or not it exists, so the limit reveals nothing) and per
//! client address, in memory. A success clears the account's count.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Keys remembered at most per kind; past it the stalest are forgotten.
const MAX_KEYS: usize = 50_000;

#[derive(Clone)]
pub struct SignInLimiter {
    accounts: Arc<Mutex<HashMap<String, Vec<Instant>>>>,
    addresses: Arc<Mutex<HashMap<IpAddr, Vec<Instant>>>>,
    pub per_account: usize,
    pub per_address: usize,
    pub window: Duration,
}

impl Default for SignInLimiter {
    /// Five failures per account and twenty per address in fifteen minutes.
    fn default() -> Self {
        Self::new(5, 20, Duration::from_secs(15 * 60))
    }
}

fn wait<K: std::hash::Hash + Eq>(
    map: &Mutex<HashMap<K, Vec<Instant>>>,
    key: &K,
    max: usize,
    window: Duration,
    now: Instant,
) -> Option<Duration> {
    let map = map.lock().unwrap_or_else(|e| e.into_inner());
    let times = map.get(key)?;
    let recent: Vec<&Instant> = times
        .iter()
        .filter(|t| now.duration_since(**t) < window)
        .collect();
    (recent.len() >= max).then(|| window - now.duration_since(*recent[0]))
}

fn record<K: std::hash::Hash + Eq + Clone>(
    map: &Mutex<HashMap<K, Vec<Instant>>>,
    key: K,
    window: Duration,
    now: Instant,
) {
    let mut map = map.lock().unwrap_or_else(|e| e.into_inner());
    if map.len() >= MAX_KEYS {
        map.retain(|_, times| times.iter().any(|t| now.duration_since(*t) < window));
        if map.len() >= MAX_KEYS {
            map.clear();
        }
    }
    let times = map.entry(key).or_default();
    times.retain(|t| now.duration_since(*t) < window);
    times.push(now);
}

impl SignInLimiter {
    pub fn new(per_account: usize, per_address: usize, window: Duration) -> Self {
        SignInLimiter {
            accounts: Default::default(),
            addresses: Default::default(),
            per_account,
            per_address,
            window,
        }
    }

    /// How long this account or address must wait before trying again, if at all.
    pub fn blocked(&self, account: &str, address: IpAddr, now: Instant) -> Option<Duration> {
        let a = wait(
            &self.accounts,
            &account.to_owned(),
            self.per_account,
            self.window,
            now,
        );
        let b = wait(
            &self.addresses,
            &address,
            self.per_address,
            self.window,
            now,
        );
        a.into_iter().chain(b).max()
    }

    pub fn failed(&self, account: &str, address: IpAddr, now: Instant) {
        record(&self.accounts, account.to_owned(), self.window, now);
        record(&self.addresses, address, self.window, now);
    }

    pub fn succeeded(&self, account: &str) {
        self.accounts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(account);
    }
}

/// Whole minutes to wait, rounded up (at least one), for the message.
pub fn minutes(wait: Duration) -> u64 {
    wait.as_secs().div_ceil(60).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_is_blocked_after_its_failures_then_freed() {
        let limiter = SignInLimiter::new(3, 100, Duration::from_secs(600));
        let ip = IpAddr::from([10, 0, 0, 1]);
        let t0 = Instant::now();
        for _ in 0..3 {
            assert_eq!(limiter.blocked("a@x.be", ip, t0), None);
            limiter.failed("a@x.be", ip, t0);
        }
        let wait = limiter.blocked("a@x.be", ip, t0).unwrap();
        assert_eq!(minutes(wait), 10);
        // Another account from the same address is not blocked by it.
        assert_eq!(limiter.blocked("b@x.be", ip, t0), None);
        assert_eq!(
            limiter.blocked("a@x.be", ip, t0 + Duration::from_secs(601)),
            None
        );
    }

    #[test]
    fn an_address_is_blocked_across_accounts() {
        let limiter = SignInLimiter::new(100, 4, Duration::from_secs(600));
        let ip = IpAddr::from([10, 0, 0, 2]);
        let t0 = Instant::now();
        for i in 0..4 {
            limiter.failed(&format!("user{i}@x.be"), ip, t0);
        }
        assert!(limiter.blocked("new@x.be", ip, t0).is_some());
        assert!(limiter
            .blocked("new@x.be", IpAddr::from([10, 0, 0, 3]), t0)
            .is_none());
    }

    #[test]
    fn success_clears_the_account() {
        let limiter = SignInLimiter::new(2, 100, Duration::from_secs(600));
        let ip = IpAddr::from([10, 0, 0, 4]);
        let t0 = Instant::now();
        limiter.failed("a@x.be", ip, t0);
        limiter.succeeded("a@x.be");
        limiter.failed("a@x.be", ip, t0);
        assert_eq!(limiter.blocked("a@x.be", ip, t0), None);
    }
}

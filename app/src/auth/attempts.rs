//! The sign-in rate limit (server only). Attempts are counted per account (the e-mail
//! address typed, whether or not it exists, so the limit reveals nothing) and per client
//! address, in memory.
//!
//! An attempt is counted *before* its password is checked, in one step that checks and
//! counts under one lock: parallel guesses cannot all pass the check before any is
//! counted. A success gives its attempt back and clears the account's count.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Keys remembered at most per kind; past it the stalest are forgotten.
const MAX_KEYS: usize = 50_000;

#[derive(Default)]
struct Counts {
    accounts: HashMap<String, Vec<Instant>>,
    addresses: HashMap<IpAddr, Vec<Instant>>,
}

#[derive(Clone)]
pub struct SignInLimiter {
    counts: Arc<Mutex<Counts>>,
    pub per_account: usize,
    pub per_address: usize,
    pub window: Duration,
}

impl Default for SignInLimiter {
    /// Five attempts per account and twenty per address in fifteen minutes.
    fn default() -> Self {
        Self::new(5, 20, Duration::from_secs(15 * 60))
    }
}

/// An attempt that was counted: the password may now be checked.
#[derive(Debug)]
#[must_use = "a successful attempt is given back with `succeeded`"]
pub struct Attempt {
    account: String,
    address: IpAddr,
    at: Instant,
}

/// How long until the oldest of `times` leaves the window, when `times` fill it.
fn full(
    times: Option<&Vec<Instant>>,
    max: usize,
    window: Duration,
    now: Instant,
) -> Option<Duration> {
    let recent: Vec<&Instant> = times?
        .iter()
        .filter(|t| now.duration_since(**t) < window)
        .collect();
    (recent.len() >= max).then(|| window - now.duration_since(*recent[0]))
}

fn push<K: std::hash::Hash + Eq>(
    map: &mut HashMap<K, Vec<Instant>>,
    key: K,
    window: Duration,
    now: Instant,
) {
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
            counts: Default::default(),
            per_account,
            per_address,
            window,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Counts> {
        crate::kernel::cache::lock(&self.counts)
    }

    /// Counts an attempt of `account` from `address`, or says how long they must wait
    /// (then nothing is counted). Check and count are one step.
    pub fn begin(&self, account: &str, address: IpAddr, now: Instant) -> Result<Attempt, Duration> {
        let mut counts = self.lock();
        let wait = self.wait(&counts, account, address, now);
        if let Some(wait) = wait {
            return Err(wait);
        }
        push(&mut counts.accounts, account.to_owned(), self.window, now);
        push(&mut counts.addresses, address, self.window, now);
        Ok(Attempt {
            account: account.to_owned(),
            address,
            at: now,
        })
    }

    /// The password was right: the account starts again from zero, and the attempt no
    /// longer counts against its address.
    pub fn succeeded(&self, attempt: Attempt) {
        let mut counts = self.lock();
        counts.accounts.remove(&attempt.account);
        if let Some(times) = counts.addresses.get_mut(&attempt.address) {
            if let Some(i) = times.iter().position(|t| *t == attempt.at) {
                times.remove(i);
            }
        }
    }

    /// How long this account or address must wait before trying again, if at all
    /// (without counting anything).
    pub fn blocked(&self, account: &str, address: IpAddr, now: Instant) -> Option<Duration> {
        self.wait(&self.lock(), account, address, now)
    }

    fn wait(
        &self,
        counts: &Counts,
        account: &str,
        address: IpAddr,
        now: Instant,
    ) -> Option<Duration> {
        let by_account = full(
            counts.accounts.get(account),
            self.per_account,
            self.window,
            now,
        );
        let by_address = full(
            counts.addresses.get(&address),
            self.per_address,
            self.window,
            now,
        );
        by_account.into_iter().chain(by_address).max()
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
    fn an_account_is_blocked_after_its_attempts_then_freed() {
        let limiter = SignInLimiter::new(3, 100, Duration::from_secs(600));
        let ip = IpAddr::from([10, 0, 0, 1]);
        let t0 = Instant::now();
        for _ in 0..3 {
            let _failed = limiter.begin("a@x.be", ip, t0).unwrap();
        }
        let wait = limiter.begin("a@x.be", ip, t0).unwrap_err();
        assert_eq!(minutes(wait), 10);
        // Another account from the same address is not blocked by it.
        assert!(limiter.begin("b@x.be", ip, t0).is_ok());
        assert!(limiter
            .begin("a@x.be", ip, t0 + Duration::from_secs(601))
            .is_ok());
    }

    #[test]
    fn an_address_is_blocked_across_accounts() {
        let limiter = SignInLimiter::new(100, 4, Duration::from_secs(600));
        let ip = IpAddr::from([10, 0, 0, 2]);
        let t0 = Instant::now();
        for i in 0..4 {
            let _failed = limiter.begin(&format!("user{i}@x.be"), ip, t0).unwrap();
        }
        assert!(limiter.begin("new@x.be", ip, t0).is_err());
        assert!(limiter.blocked("new@x.be", ip, t0).is_some());
        assert!(limiter
            .begin("new@x.be", IpAddr::from([10, 0, 0, 3]), t0)
            .is_ok());
    }

    #[test]
    fn success_gives_the_attempt_back() {
        let limiter = SignInLimiter::new(2, 3, Duration::from_secs(600));
        let ip = IpAddr::from([10, 0, 0, 4]);
        let t0 = Instant::now();
        let _failed = limiter.begin("a@x.be", ip, t0).unwrap();
        let ok = limiter.begin("a@x.be", ip, t0).unwrap();
        limiter.succeeded(ok);
        let _failed = limiter.begin("a@x.be", ip, t0).unwrap();
        assert!(limiter.begin("a@x.be", ip, t0).is_ok());
        // The address counted the failures only: three of three now.
        assert!(limiter.begin("b@x.be", ip, t0).is_err());
    }

    #[test]
    fn parallel_attempts_never_pass_the_limit() {
        let limiter = SignInLimiter::new(5, 20, Duration::from_secs(600));
        let ip = IpAddr::from([10, 0, 0, 5]);
        let t0 = Instant::now();
        let admitted = std::sync::atomic::AtomicUsize::new(0);
        std::thread::scope(|scope| {
            for _ in 0..30 {
                scope.spawn(|| {
                    if limiter.begin("a@x.be", ip, t0).is_ok() {
                        admitted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    }
                });
            }
        });
        assert_eq!(admitted.into_inner(), 5);
    }
}

//! A per-address rate limit for reports (server only), kept in memory: the addresses are
//! never stored, and a restart forgets them.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Addresses remembered at most; past it the stalest are forgotten (see `allow`).
pub const MAX_ADDRESSES: usize = 100_000;

#[derive(Clone)]
pub struct RateLimiter {
    inner: Arc<Mutex<HashMap<IpAddr, Vec<Instant>>>>,
    max: usize,
    window: Duration,
}

impl RateLimiter {
    pub fn new(max: usize, window: Duration) -> Self {
        RateLimiter {
            inner: Default::default(),
            max,
            window,
        }
    }

    /// Five reports per address per ten minutes: plenty for a person, little for a bot.
    pub fn for_reports() -> Self {
        Self::new(5, Duration::from_secs(600))
    }

    /// Counts one attempt; false when the address has used up its window.
    pub fn allow(&self, client: IpAddr, now: Instant) -> bool {
        let mut inner = crate::kernel::cache::lock(&self.inner);
        if inner.len() >= MAX_ADDRESSES {
            let window = self.window;
            inner.retain(|_, times| times.iter().any(|t| now.duration_since(*t) < window));
        }
        if inner.len() >= MAX_ADDRESSES {
            // A flood of distinct addresses within one window: forget the addresses whose
            // last attempt is oldest (the least likely to be one person's retries).
            let mut last: Vec<(Instant, IpAddr)> = inner
                .iter()
                .map(|(ip, times)| (times.last().copied().unwrap_or(now), *ip))
                .collect();
            last.sort_unstable();
            for (_, ip) in last.iter().take(inner.len() - MAX_ADDRESSES / 2) {
                inner.remove(ip);
            }
        }
        let times = inner.entry(client).or_default();
        times.retain(|t| now.duration_since(*t) < self.window);
        if times.len() >= self.max {
            return false;
        }
        times.push(now);
        true
    }

    /// How many addresses are remembered.
    pub fn remembered(&self) -> usize {
        crate::kernel::cache::lock(&self.inner).len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_limits_each_address() {
        let limiter = RateLimiter::new(2, Duration::from_secs(60));
        let (a, b) = (IpAddr::from([10, 0, 0, 1]), IpAddr::from([10, 0, 0, 2]));
        let t0 = Instant::now();
        assert!(limiter.allow(a, t0));
        assert!(limiter.allow(a, t0));
        assert!(!limiter.allow(a, t0));
        assert!(limiter.allow(b, t0));
        assert!(limiter.allow(a, t0 + Duration::from_secs(61)));
    }

    #[test]
    fn a_flood_of_distinct_addresses_stays_bounded() {
        let limiter = RateLimiter::new(1, Duration::from_secs(600));
        let t0 = Instant::now();
        let recent = IpAddr::from([192, 0, 2, 1]);
        for i in 0..(MAX_ADDRESSES as u32 * 3 / 2) {
            let at = t0 + Duration::from_micros(u64::from(i));
            assert!(limiter.allow(
                IpAddr::from(std::net::Ipv6Addr::from(
                    (0x2001_0db8_u128 << 96) | u128::from(i)
                )),
                at
            ));
            assert!(limiter.remembered() <= MAX_ADDRESSES);
        }
        // The newest addresses are the ones kept: a fresh one still counts.
        let later = t0 + Duration::from_secs(1);
        assert!(limiter.allow(recent, later));
        assert!(!limiter.allow(recent, later));
    }
}

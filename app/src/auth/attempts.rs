//! The sign-in rate limit (server only). Attempts are counted per account (the e-mail
//! address typed, whether or not it exists, so the limit reveals nothing) and per client
//! address, in the database (`db::rate_limit`), so that every app server counts together.
//!
//! An attempt is counted *before* its password is checked, in one transaction that
//! checks and counts both keys: parallel guesses, on one server or several, cannot all
//! pass the check before any is counted. A success gives its attempt back and clears the
//! account's count.

use crate::db::rate_limit::{self, Counted, Limit, Subject};
use crate::db::Db;
use crate::error::AppError;
use chrono::{DateTime, Utc};
use std::net::IpAddr;
use std::time::Duration;

#[derive(Clone, Copy, Debug)]
pub struct SignInLimiter {
    per_account: Limit,
    per_address: Limit,
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
pub struct Attempt(Counted);

impl SignInLimiter {
    pub fn new(per_account: usize, per_address: usize, window: Duration) -> Self {
        SignInLimiter {
            per_account: Limit {
                name: "sign-in-account",
                max: per_account,
                window,
            },
            per_address: Limit {
                name: "sign-in-address",
                max: per_address,
                window,
            },
        }
    }

    /// Counts an attempt of `account` from `address`, or says how long they must wait
    /// (then nothing is counted). Check and count are one step.
    pub async fn begin(
        &self,
        db: &Db,
        account: &str,
        address: IpAddr,
        now: DateTime<Utc>,
    ) -> Result<Result<Attempt, Duration>, AppError> {
        let keys = [
            (self.per_account, Subject::Address(account)),
            (self.per_address, Subject::Client(address)),
        ];
        Ok(rate_limit::take(db, &keys, now).await?.map(Attempt))
    }

    /// The password was right: the account starts again from zero, and the attempt no
    /// longer counts against its address.
    pub async fn succeeded(&self, db: &Db, attempt: Attempt) -> Result<(), AppError> {
        rate_limit::give_back(db, attempt.0, &[true, false]).await
    }
}

/// Whole minutes to wait, rounded up (at least one), for the message.
pub fn minutes(wait: Duration) -> u64 {
    wait.as_secs().div_ceil(60).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn db() -> Db {
        let db = crate::db::connect(&crate::db::DbConfig::memory())
            .await
            .unwrap();
        crate::db::migrate(&db).await.unwrap();
        db
    }

    fn ip(last: u8) -> IpAddr {
        IpAddr::from([10, 0, 0, last])
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn an_account_is_blocked_after_its_attempts_then_freed() {
        let db = db().await;
        let limiter = SignInLimiter::new(3, 100, Duration::from_secs(600));
        let t0 = Utc::now();
        let refused = crate::kernel::metrics::refusals("sign-in-account");
        for _ in 0..3 {
            let _failed = limiter
                .begin(&db, "a@x.be", ip(1), t0)
                .await
                .unwrap()
                .unwrap();
        }
        let wait = limiter
            .begin(&db, "a@x.be", ip(1), t0)
            .await
            .unwrap()
            .unwrap_err();
        assert_eq!(minutes(wait), 10);
        // Counted under the limit that refused (the account's; the address had room).
        assert!(crate::kernel::metrics::refusals("sign-in-account") > refused);
        // Another account from the same address is not blocked by it.
        assert!(limiter
            .begin(&db, "b@x.be", ip(1), t0)
            .await
            .unwrap()
            .is_ok());
        let later = t0 + chrono::Duration::seconds(601);
        assert!(limiter
            .begin(&db, "a@x.be", ip(1), later)
            .await
            .unwrap()
            .is_ok());
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn an_address_is_blocked_across_accounts() {
        let db = db().await;
        let limiter = SignInLimiter::new(100, 4, Duration::from_secs(600));
        let t0 = Utc::now();
        let refused = crate::kernel::metrics::refusals("sign-in-address");
        for i in 0..4 {
            let account = format!("user{i}@x.be");
            let _failed = limiter
                .begin(&db, &account, ip(2), t0)
                .await
                .unwrap()
                .unwrap();
        }
        assert!(limiter
            .begin(&db, "new@x.be", ip(2), t0)
            .await
            .unwrap()
            .is_err());
        assert!(crate::kernel::metrics::refusals("sign-in-address") > refused);
        assert!(limiter
            .begin(&db, "new@x.be", ip(3), t0)
            .await
            .unwrap()
            .is_ok());
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn success_gives_the_attempt_back() {
        let db = db().await;
        let limiter = SignInLimiter::new(2, 3, Duration::from_secs(600));
        let t0 = Utc::now();
        let step = |n: i64| t0 + chrono::Duration::milliseconds(n);
        let _failed = limiter
            .begin(&db, "a@x.be", ip(4), step(1))
            .await
            .unwrap()
            .unwrap();
        let ok = limiter
            .begin(&db, "a@x.be", ip(4), step(2))
            .await
            .unwrap()
            .unwrap();
        limiter.succeeded(&db, ok).await.unwrap();
        let _failed = limiter
            .begin(&db, "a@x.be", ip(4), step(3))
            .await
            .unwrap()
            .unwrap();
        assert!(limiter
            .begin(&db, "a@x.be", ip(4), step(4))
            .await
            .unwrap()
            .is_ok());
        // The address counted the failures only: three of three now.
        assert!(limiter
            .begin(&db, "b@x.be", ip(4), step(5))
            .await
            .unwrap()
            .is_err());
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn parallel_attempts_never_pass_the_limit() {
        let db = db().await;
        let limiter = SignInLimiter::new(5, 20, Duration::from_secs(600));
        let tasks: Vec<_> = (0..30)
            .map(|_| {
                let db = db.clone();
                tokio::spawn(async move {
                    limiter
                        .begin(&db, "a@x.be", ip(5), Utc::now())
                        .await
                        .unwrap()
                        .is_ok()
                })
            })
            .collect();
        let mut admitted = 0;
        for task in tasks {
            admitted += usize::from(task.await.unwrap());
        }
        assert_eq!(admitted, 5);
    }
}

//! The report form's rate limit (server only): reports accepted per client address in
//! ten minutes, counted in the database (`db::rate_limit`) so that every app server
//! counts together. The address itself is never stored.

use crate::db::rate_limit::{self, Limit, Subject};
use crate::db::Db;
use crate::error::AppError;
use std::net::IpAddr;
use std::time::Duration;

#[derive(Clone, Copy, Debug)]
pub struct RateLimiter {
    limit: Limit,
}

impl RateLimiter {
    pub fn new(max: usize, window: Duration) -> Self {
        RateLimiter {
            limit: Limit {
                name: "report",
                max,
                window,
            },
        }
    }

    /// Five reports per address per ten minutes: plenty for a person, little for a bot.
    pub fn for_reports() -> Self {
        Self::new(5, Duration::from_secs(600))
    }

    /// Counts one report of `client`; false when the address has used up its window.
    pub async fn allow(&self, db: &Db, client: IpAddr) -> Result<bool, AppError> {
        let counted = rate_limit::take(
            db,
            &[(self.limit, Subject::Client(client))],
            chrono::Utc::now(),
        )
        .await?;
        Ok(counted.is_ok())
    }
}

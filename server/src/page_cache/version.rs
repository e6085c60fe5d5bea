//! Following the pages' data version: what this process knows of `meta:pages` without
//! asking the database, and when it must ask.

use app::db::Db;
use app::kernel::cache::{lock, DataVersion};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// How often each process asks the database for the pages' version: about the longest a
/// change made elsewhere (another app server, the command line) waits to reach this
/// process's pages. A change this process answers reaches its next page at once.
pub(super) const POLL: std::time::Duration = std::time::Duration::from_millis(100);

/// A version confirmed longer ago than this is not trusted (the database is slow or gone):
/// each page asks the database itself until the polling catches up.
pub(super) const TRUSTED_FOR: std::time::Duration = std::time::Duration::from_secs(1);

/// The pages' version as this process knows it.
pub(super) struct Version {
    known: Mutex<Option<DataVersion>>,
    /// Bumped by every write this process answers: the known version is trusted only
    /// when the database confirmed it since (`verified == epoch`), and not longer than
    /// `TRUSTED_FOR` after (`verified_at`, ms since `started`).
    epoch: AtomicU64,
    verified: AtomicU64,
    verified_at: AtomicU64,
    started: std::time::Instant,
    /// Dropped with the version: ends its follower.
    stop: tokio::sync::watch::Sender<()>,
}

impl Version {
    pub(super) fn new() -> Self {
        Version {
            known: Mutex::new(None),
            epoch: AtomicU64::new(1),
            verified: AtomicU64::new(0),
            verified_at: AtomicU64::new(0),
            started: std::time::Instant::now(),
            stop: tokio::sync::watch::channel(()).0,
        }
    }

    /// The pages' version, when this process knows it for sure: the database confirmed
    /// it since this process's last write, and within `TRUSTED_FOR`.
    pub(super) fn known(&self) -> Option<DataVersion> {
        let fresh = self
            .millis()
            .saturating_sub(self.verified_at.load(Ordering::Acquire))
            <= TRUSTED_FOR.as_millis() as u64;
        let sure =
            fresh && self.verified.load(Ordering::Acquire) == self.epoch.load(Ordering::Acquire);
        sure.then(|| lock(&self.known).clone()).flatten()
    }

    fn millis(&self) -> u64 {
        self.started.elapsed().as_millis() as u64
    }

    /// Asks the database for the pages' version (and trusts it until the next write, for
    /// at most `TRUSTED_FOR`).
    pub(super) async fn verify(&self, db: &Db) -> Option<DataVersion> {
        let epoch = self.epoch.load(Ordering::Acquire);
        let asked = self.millis();
        let data = app::db::version::pages(db).await.ok()?;
        self.saw(data.clone());
        // Only if no write was answered meanwhile (its change may be after this read).
        if self.epoch.load(Ordering::Acquire) == epoch {
            self.verified.fetch_max(epoch, Ordering::AcqRel);
            self.verified_at.fetch_max(asked, Ordering::AcqRel);
        }
        Some(data)
    }

    /// A write was answered: the next page asks the database.
    pub(super) fn unverify(&self) {
        self.epoch.fetch_add(1, Ordering::AcqRel);
    }

    /// A version heard or read: kept unless a newer one of the same database is known.
    fn saw(&self, data: DataVersion) {
        let mut known = lock(&self.known);
        let newer = known
            .as_ref()
            .is_none_or(|k| k.instance != data.instance || k.version < data.version);
        if newer {
            *known = Some(data);
        }
    }

    /// Follows the pages' version for as long as it lives: the database is asked every
    /// `POLL`. Not a live query: a SurrealDB server sends one notification per written
    /// row and closes the connection of a client with 100 of them unread, so one
    /// statement writing many rows (an import, a bulk correction) broke every query on
    /// the app's connection (seen over ws:// with a 258-row update).
    pub(super) fn follow(self: &Arc<Self>, db: Db) {
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        let version = Arc::downgrade(self);
        let mut stop = self.stop.subscribe();
        runtime.spawn(async move {
            let poll = async move {
                let mut every = tokio::time::interval(POLL);
                every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
                loop {
                    every.tick().await;
                    let Some(version) = version.upgrade() else {
                        return;
                    };
                    // A failed read leaves the version untrusted after `TRUSTED_FOR`:
                    // then every page asks the database itself.
                    version.verify(&db).await;
                }
            };
            tokio::select! {
                () = poll => {}
                _ = stop.changed() => {}
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_known_version_is_trusted_only_when_confirmed_since_the_last_write_and_lately() {
        let version = Version::new();
        let v = |version| DataVersion {
            instance: "db".into(),
            version,
        };
        version.saw(v(3));
        assert_eq!(version.known(), None, "not confirmed yet");
        let confirm = |at: u64| {
            version
                .verified
                .store(version.epoch.load(Ordering::Acquire), Ordering::Release);
            version.verified_at.store(at, Ordering::Release);
        };
        confirm(version.millis());
        assert_eq!(version.known(), Some(v(3)));
        version.saw(v(2));
        assert_eq!(version.known(), Some(v(3)), "an older read changes nothing");
        version.unverify();
        assert_eq!(
            version.known(),
            None,
            "a write was answered: ask the database"
        );
        std::thread::sleep(TRUSTED_FOR + std::time::Duration::from_millis(20));
        confirm(0);
        assert_eq!(
            version.known(),
            None,
            "confirmed too long ago: ask the database"
        );
        confirm(version.millis());
        assert_eq!(version.known(), Some(v(3)));
    }
}

//! The kept pages of one generation, within a budget of uncompressed bytes; the least
//! recently used page goes first.

use super::kept::Kept;
use app::kernel::cache::{lock, DataVersion};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// A page larger than this is sent, not kept.
const MAX_PAGE: usize = 1 << 20;

/// What a kept page was made from: the database's instance and pages' version, and the
/// minute (every time a page shows is minute-precise).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Generation {
    pub(super) data: DataVersion,
    pub(super) minute: i64,
}

/// The minute a page is rendered in.
pub(super) fn minute_now() -> i64 {
    chrono::Utc::now().timestamp().div_euclid(60)
}

impl Generation {
    /// Whether `self` begins after `current`: another database (a test, a restore) or a
    /// later version or minute. A request that read an older version or minute (it began
    /// earlier) never throws away the newer pages.
    fn after(&self, current: Option<&Generation>) -> bool {
        match current {
            None => true,
            Some(current) if current.data.instance != self.data.instance => true,
            Some(current) => {
                self != current
                    && self.data.version >= current.data.version
                    && self.minute >= current.minute
            }
        }
    }
}

pub(super) struct Store {
    state: Mutex<State>,
    budget: usize,
    clock: AtomicU64,
}

#[derive(Default)]
struct State {
    generation: Option<Generation>,
    pages: HashMap<String, Arc<Kept>>,
    bytes: usize,
}

impl Store {
    /// A store holding at most `budget` uncompressed bytes (0 keeps nothing).
    pub(super) fn new(budget: usize) -> Self {
        Store {
            state: Mutex::new(State::default()),
            budget,
            clock: AtomicU64::new(0),
        }
    }

    /// Whether it keeps anything at all.
    pub(super) fn keeps(&self) -> bool {
        self.budget > 0
    }

    #[cfg(test)]
    pub(super) fn get(&self, generation: &Generation, path: &str) -> Option<Arc<Kept>> {
        self.get_within(generation, path, None)
    }

    /// The page kept for this generation, made within `max_age` when given.
    pub(super) fn get_within(
        &self,
        generation: &Generation,
        path: &str,
        max_age: Option<std::time::Duration>,
    ) -> Option<Arc<Kept>> {
        let state = lock(&self.state);
        if state.generation.as_ref() != Some(generation) {
            return None;
        }
        let kept = state.pages.get(path)?.clone();
        if max_age.is_some_and(|age| kept.made.elapsed() >= age) {
            return None;
        }
        kept.used.store(
            self.clock.fetch_add(1, Ordering::Relaxed),
            Ordering::Relaxed,
        );
        app::kernel::metrics::page_cache(true);
        Some(kept)
    }

    /// Keeps a page made at `generation`, unless a newer generation has begun meanwhile
    /// (an older one's pages would be wrong now).
    pub(super) fn insert(&self, generation: Generation, key: String, kept: Arc<Kept>) {
        let size = kept.identity.len();
        if size > MAX_PAGE || size > self.budget {
            return;
        }
        let mut state = lock(&self.state);
        if state.generation.as_ref() != Some(&generation) {
            if generation.after(state.generation.as_ref()) {
                state.pages.clear();
                state.bytes = 0;
                state.generation = Some(generation);
            } else {
                return;
            }
        }
        kept.used.store(
            self.clock.fetch_add(1, Ordering::Relaxed),
            Ordering::Relaxed,
        );
        if let Some(old) = state.pages.insert(key, kept) {
            state.bytes -= old.identity.len();
        }
        state.bytes += size;
        while state.bytes > self.budget {
            let Some(oldest) = state
                .pages
                .iter()
                .min_by_key(|(_, k)| k.used.load(Ordering::Relaxed))
                .map(|(key, _)| key.clone())
            else {
                break;
            };
            if let Some(gone) = state.pages.remove(&oldest) {
                state.bytes -= gone.identity.len();
            }
        }
    }

    /// How many pages and uncompressed bytes it holds.
    pub(super) fn size(&self) -> (usize, usize) {
        let state = lock(&self.state);
        (state.pages.len(), state.bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Bytes;
    use axum::http::{HeaderMap, HeaderValue, StatusCode};
    use std::sync::OnceLock;

    fn at(instance: &str, version: i64, minute: i64) -> Generation {
        Generation {
            data: DataVersion {
                instance: instance.into(),
                version,
            },
            minute,
        }
    }

    fn page(bytes: usize) -> Arc<Kept> {
        Arc::new(Kept {
            status: StatusCode::OK,
            headers: HeaderMap::new(),
            etag: HeaderValue::from_static("\"t\""),
            identity: Bytes::from(vec![b'x'; bytes]),
            gzip: OnceLock::new(),
            brotli: OnceLock::new(),
            used: AtomicU64::new(0),
            made: std::time::Instant::now(),
        })
    }

    #[test]
    fn a_page_that_follows_no_version_is_kept_no_longer_than_its_age() {
        let cache = Store::new(1 << 20);
        let now = at("db", 1, 100);
        cache.insert(now.clone(), "/nl/observatorium?".into(), page(10));
        let age = |ms| Some(std::time::Duration::from_millis(ms));
        assert!(cache
            .get_within(&now, "/nl/observatorium?", age(60_000))
            .is_some());
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert!(cache
            .get_within(&now, "/nl/observatorium?", age(10))
            .is_none());
    }

    #[test]
    fn the_budget_holds_and_the_least_recently_used_page_goes_first() {
        let cache = Store::new(10_000);
        let now = at("db", 1, 100);
        cache.insert(now.clone(), "/nl?".into(), page(3_000));
        for i in 0..1_000 {
            cache.insert(now.clone(), format!("/nl/diensten?q={i}"), page(2_000));
            assert!(cache.get(&now, "/nl?").is_some(), "the page in use stays");
            assert!(cache.size().1 <= 10_000);
        }
        assert!(cache.get(&now, "/nl/diensten?q=999").is_some());
        assert!(cache.get(&now, "/nl/diensten?q=0").is_none());
        cache.insert(now.clone(), "/nl/groot?".into(), page(20_000));
        assert!(
            cache.get(&now, "/nl/groot?").is_none(),
            "larger than the budget"
        );
    }

    #[test]
    fn a_new_version_or_minute_drops_the_old_pages_and_an_old_render_is_not_kept() {
        let cache = Store::new(1 << 20);
        cache.insert(at("db", 1, 100), "/nl?".into(), page(10));
        assert!(cache.get(&at("db", 1, 100), "/nl?").is_some());
        assert!(cache.get(&at("db", 2, 100), "/nl?").is_none());
        assert!(cache.get(&at("db", 1, 101), "/nl?").is_none());
        cache.insert(at("db", 2, 100), "/fr?".into(), page(10));
        assert_eq!(cache.size(), (1, 10), "the older version's pages are gone");
        // A render that began before the change finishes after it: not kept.
        cache.insert(at("db", 1, 100), "/nl?".into(), page(10));
        assert!(cache.get(&at("db", 1, 100), "/nl?").is_none());
        assert_eq!(cache.size(), (1, 10));
        cache.insert(at("db", 2, 101), "/nl?".into(), page(10));
        assert!(cache.get(&at("db", 2, 100), "/fr?").is_none());
        // Another database (a test, a restore) begins a generation of its own.
        cache.insert(at("other", 0, 5), "/nl?".into(), page(10));
        assert!(cache.get(&at("other", 0, 5), "/nl?").is_some());
    }
}

//! The caches of the read models (server only): one type, so that bounds, eviction,
//! expiry, lock recovery and metrics are written once.
//!
//! `Cache` holds at most `max` entries; when full, the least recently used go first. An
//! entry may also expire after `max_age`. `VersionedCache` keys its entries by the
//! database (tests run many in one process) and keeps with each the data version it
//! was made from (`db::version`): a read at another version misses, and a write never
//! replaces a newer version with an older one (requests race). Every cache registers its
//! counters, which `stats` lists (for the metrics).
//!
//! A missing value of a `VersionedCache` is made once: the requests that want it
//! meanwhile wait for that one making instead of each querying the database (after a
//! change, every request in flight would), and the making runs as a task of its own, so
//! that it finishes and is kept when the request that started it goes away (a visitor
//! who leaves). Without both, abandoned requests under load kept starting the search
//! copy again, and the database server grew to 1.9 GB (docs/deployment.md).

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// Which database, and how many changes it has seen: what a read model is made from.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DataVersion {
    /// The database's own id (`meta:search.instance`), so that two databases in one
    /// process never share an entry.
    pub instance: Arc<str>,
    /// Bumped by every change that read models show.
    pub version: i64,
}

/// What a cache has done since the process started.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CacheStats {
    pub name: &'static str,
    pub entries: usize,
    pub hits: u64,
    pub misses: u64,
    pub evictions: u64,
}

#[derive(Default)]
struct Counters {
    name: &'static str,
    entries: AtomicUsize,
    hits: AtomicU64,
    misses: AtomicU64,
    evictions: AtomicU64,
}

/// Locks a mutex whose holder may have panicked: the data it guards is a cache, which is
/// still consistent entry by entry (every write is one insert or remove).
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

static REGISTRY: LazyLock<Mutex<Vec<Arc<Counters>>>> = LazyLock::new(Default::default);

/// The counters of every cache of the process, in the order they were made.
pub fn stats() -> Vec<CacheStats> {
    lock(&REGISTRY)
        .iter()
        .map(|c| CacheStats {
            name: c.name,
            entries: c.entries.load(Ordering::Relaxed),
            hits: c.hits.load(Ordering::Relaxed),
            misses: c.misses.load(Ordering::Relaxed),
            evictions: c.evictions.load(Ordering::Relaxed),
        })
        .collect()
}

struct Entry<V> {
    value: V,
    made: Instant,
    used: u64,
}

struct Entries<K, V> {
    map: HashMap<K, Entry<V>>,
    clock: u64,
}

/// A bounded map from keys to values that are cheap to clone (`Arc`s, small values).
pub struct Cache<K, V> {
    entries: Mutex<Entries<K, V>>,
    max: usize,
    max_age: Option<Duration>,
    counters: Arc<Counters>,
}

impl<K: Eq + Hash + Clone, V: Clone> Cache<K, V> {
    /// At most `max` entries (at least one); `name` names it in the metrics.
    pub fn new(name: &'static str, max: usize) -> Self {
        let counters = Arc::new(Counters {
            name,
            ..Default::default()
        });
        lock(&REGISTRY).push(counters.clone());
        Cache {
            entries: Mutex::new(Entries {
                map: HashMap::new(),
                clock: 0,
            }),
            max: max.max(1),
            max_age: None,
            counters,
        }
    }

    /// Entries older than `max_age` are not returned (for data that no version follows).
    pub fn expiring(mut self, max_age: Duration) -> Self {
        self.max_age = Some(max_age);
        self
    }

    fn fresh(&self, entry: &Entry<V>) -> bool {
        self.max_age.is_none_or(|age| entry.made.elapsed() < age)
    }

    /// The value under `key`, if it is there (and not expired).
    pub fn get(&self, key: &K) -> Option<V> {
        self.get_if(key, |_| true)
    }

    /// The value under `key` when `keep` accepts it; a rejected one counts as a miss.
    pub fn get_if(&self, key: &K, keep: impl FnOnce(&V) -> bool) -> Option<V> {
        let mut entries = lock(&self.entries);
        entries.clock += 1;
        let clock = entries.clock;
        let found = match entries.map.get_mut(key) {
            Some(entry) if self.fresh(entry) && keep(&entry.value) => {
                entry.used = clock;
                Some(entry.value.clone())
            }
            _ => None,
        };
        let counter = if found.is_some() {
            &self.counters.hits
        } else {
            &self.counters.misses
        };
        counter.fetch_add(1, Ordering::Relaxed);
        found
    }

    /// Keeps `value` under `key` unless `replace` refuses the value already there;
    /// makes room first by dropping the least recently used entries (and expired ones).
    pub fn insert_if(&self, key: K, value: V, replace: impl FnOnce(&V) -> bool) {
        let mut entries = lock(&self.entries);
        entries.clock += 1;
        let clock = entries.clock;
        if let Some(old) = entries.map.get(&key) {
            if self.fresh(old) && !replace(&old.value) {
                return;
            }
        }
        if !entries.map.contains_key(&key) && entries.map.len() >= self.max {
            let before = entries.map.len();
            if let Some(age) = self.max_age {
                entries.map.retain(|_, e| e.made.elapsed() < age);
            }
            if entries.map.len() >= self.max {
                // The least recently used eighth (at least one) goes: eviction stays rare
                // and costs one pass over the map.
                let mut used: Vec<u64> = entries.map.values().map(|e| e.used).collect();
                let cut = (self.max / 8).max(1).min(used.len());
                used.select_nth_unstable(cut - 1);
                let threshold = used[cut - 1];
                entries.map.retain(|_, e| e.used > threshold);
            }
            let dropped = before - entries.map.len();
            self.counters
                .evictions
                .fetch_add(dropped as u64, Ordering::Relaxed);
        }
        entries.map.insert(
            key,
            Entry {
                value,
                made: Instant::now(),
                used: clock,
            },
        );
        self.counters
            .entries
            .store(entries.map.len(), Ordering::Relaxed);
    }

    pub fn insert(&self, key: K, value: V) {
        self.insert_if(key, value, |_| true);
    }

    /// How many entries it holds now.
    pub fn len(&self) -> usize {
        lock(&self.entries).map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A cache of values made from the database at a data version.
pub struct VersionedCache<K, V> {
    inner: Cache<(Arc<str>, K), (i64, V)>,
    /// Who is making a value: one lock per stripe of keys, held by the making task.
    making: Vec<Arc<tokio::sync::Mutex<()>>>,
}

/// Stripes of `VersionedCache::making` (keys of one stripe are made one after another).
const MAKING_STRIPES: usize = 32;

impl<K: Eq + Hash + Clone, V: Clone> VersionedCache<K, V> {
    /// At most `max` values over all databases and keys.
    pub fn new(name: &'static str, max: usize) -> Self {
        VersionedCache {
            inner: Cache::new(name, max),
            making: (0..MAKING_STRIPES).map(|_| Default::default()).collect(),
        }
    }

    /// Values older than `max_age` miss too (for data that the version does not follow).
    pub fn expiring(self, max_age: Duration) -> Self {
        VersionedCache {
            inner: self.inner.expiring(max_age),
            making: self.making,
        }
    }

    fn making(&self, instance: &Arc<str>, key: &K) -> Arc<tokio::sync::Mutex<()>> {
        use std::hash::{BuildHasher, RandomState};
        static STRIPES: LazyLock<RandomState> = LazyLock::new(RandomState::new);
        let stripe = STRIPES.hash_one((instance, key)) as usize % self.making.len();
        self.making[stripe].clone()
    }

    /// The value made at exactly this version.
    pub fn get(&self, at: &DataVersion, key: &K) -> Option<V> {
        self.inner
            .get_if(&(at.instance.clone(), key.clone()), |(v, _)| {
                *v == at.version
            })
            .map(|(_, value)| value)
    }

    /// The newest value kept for this database and key, whatever its version (to update
    /// it in steps rather than make it again).
    pub fn latest(&self, instance: &Arc<str>, key: &K) -> Option<(i64, V)> {
        self.inner.get(&(instance.clone(), key.clone()))
    }

    /// Keeps a value made at `at`, unless a newer version is kept already.
    pub fn insert(&self, at: &DataVersion, key: K, value: V) {
        self.inner
            .insert_if((at.instance.clone(), key), (at.version, value), |(v, _)| {
                *v <= at.version
            });
    }

    /// The value at this version, made by `make` when it is not kept: by one task, which
    /// the other requests for it wait for, and which finishes (and keeps the value) even
    /// when the request that started it is cancelled.
    pub async fn get_or_make<F>(
        &'static self,
        at: &DataVersion,
        key: K,
        make: F,
    ) -> Result<V, crate::error::AppError>
    where
        K: Send + Sync + 'static,
        V: Send + Sync + 'static,
        F: std::future::Future<Output = Result<V, crate::error::AppError>> + Send + 'static,
    {
        if let Some(value) = self.get(at, &key) {
            return Ok(value);
        }
        let turn = self.making(&at.instance, &key).lock_owned().await;
        // Made while this request waited for its turn.
        if let Some(value) = self.get(at, &key) {
            return Ok(value);
        }
        let at = at.clone();
        // The task belongs to this request: an error made in it has the request's id.
        let request = super::request::RequestId::current();
        let work = async move {
            let _turn = turn;
            let value = make.await?;
            self.insert(&at, key, value.clone());
            Ok(value)
        };
        tokio::spawn(async move {
            match request {
                Some(id) => id.scope(work).await,
                None => work.await,
            }
        })
        .await
        .map_err(|error| {
            crate::error::AppError::internal(format!("making a cached value: {error}"))
        })?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(instance: &str, version: i64) -> DataVersion {
        DataVersion {
            instance: instance.into(),
            version,
        }
    }

    #[test]
    fn a_flood_of_keys_stays_within_the_bound_and_keeps_what_is_used() {
        let cache: Cache<u32, u32> = Cache::new("test-flood", 100);
        cache.insert(0, 0);
        for key in 1..10_000 {
            cache.insert(key, key);
            // Key 0 is used all the time: it stays.
            assert_eq!(cache.get(&0), Some(0));
            assert!(cache.len() <= 100);
        }
        assert_eq!(cache.get(&9_999), Some(9_999));
        let stats = stats()
            .into_iter()
            .find(|s| s.name == "test-flood")
            .unwrap();
        assert!(
            stats.evictions >= 9_899 && stats.entries <= 100,
            "{stats:?}"
        );
        assert!(stats.hits >= 10_000);
    }

    #[test]
    fn a_value_is_read_at_its_own_version_only_and_never_replaced_by_an_older_one() {
        let cache: VersionedCache<&str, &str> = VersionedCache::new("test-versions", 10);
        cache.insert(&at("a", 2), "k", "two");
        assert_eq!(cache.get(&at("a", 2), &"k"), Some("two"));
        assert_eq!(cache.get(&at("a", 3), &"k"), None);
        assert_eq!(cache.get(&at("b", 2), &"k"), None, "another database");
        cache.insert(&at("a", 1), "k", "one");
        assert_eq!(cache.latest(&"a".into(), &"k"), Some((2, "two")));
        cache.insert(&at("a", 3), "k", "three");
        assert_eq!(cache.get(&at("a", 3), &"k"), Some("three"));
    }

    #[test]
    fn expired_values_miss() {
        let cache: Cache<u8, u8> =
            Cache::new("test-expiry", 10).expiring(Duration::from_millis(20));
        cache.insert(1, 1);
        assert_eq!(cache.get(&1), Some(1));
        std::thread::sleep(Duration::from_millis(30));
        assert_eq!(cache.get(&1), None);
    }

    #[test]
    fn a_poisoned_lock_is_recovered() {
        let cache: Arc<Cache<u8, u8>> = Arc::new(Cache::new("test-poison", 10));
        cache.insert(1, 1);
        let poisoner = cache.clone();
        let _ = std::thread::spawn(move || {
            let _guard = lock(&poisoner.entries);
            panic!("poison the lock");
        })
        .join();
        assert_eq!(cache.get(&1), Some(1));
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_value_is_made_once_for_everyone_who_waits_and_survives_a_cancelled_request() {
        use std::sync::atomic::AtomicUsize;
        static CACHE: LazyLock<VersionedCache<(), u64>> =
            LazyLock::new(|| VersionedCache::new("test-making", 4));
        static MADE: AtomicUsize = AtomicUsize::new(0);
        let make = || async {
            MADE.fetch_add(1, Ordering::SeqCst);
            tokio::time::sleep(Duration::from_millis(100)).await;
            Ok(42)
        };
        let now = at("making", 1);
        // The first asker goes away after 10 ms: the making goes on and is kept.
        let cancelled = tokio::time::timeout(
            Duration::from_millis(10),
            CACHE.get_or_make(&now, (), make()),
        )
        .await;
        assert!(cancelled.is_err());
        // Twenty more at once: they wait for that one making.
        let askers: Vec<_> = (0..20)
            .map(|_| {
                let now = now.clone();
                tokio::spawn(async move { CACHE.get_or_make(&now, (), make()).await })
            })
            .collect();
        for asker in askers {
            assert_eq!(asker.await.unwrap().unwrap(), 42);
        }
        assert_eq!(MADE.load(Ordering::SeqCst), 1);
        // A new version is made again, once.
        let next = at("making", 2);
        let (a, b) = tokio::join!(
            CACHE.get_or_make(&next, (), make()),
            CACHE.get_or_make(&next, (), make())
        );
        assert_eq!((a.unwrap(), b.unwrap()), (42, 42));
        assert_eq!(MADE.load(Ordering::SeqCst), 2);
    }
}

//! The public pages' response cache: an unchanged page is sent from memory, compressed
//! once, as cheaply as a static file.
//!
//! A rendered page is kept under its generation and its path and query (the path holds
//! the language). The generation is the database's instance, the version of everything
//! a public page shows (`meta:pages`, bumped by a database event on every such table:
//! `app::db::version::PAGE_TABLES`) and the minute: pages that depend on the time ("open
//! now", the agenda's upcoming meetings, a call's deadline, a project's phase) are right
//! to the minute, which is the precision of every time they show. When the generation
//! moves on, everything kept for an older one is dropped at once.
//!
//! Only what is the same for everyone is kept: a GET of a public page (`Page`'s
//! audience), without a staff session cookie, without a query parameter that carries a
//! secret or a visitor's typed values, answered 200 with HTML and no cookie but the
//! language's. Each kept page has an `ETag` (a conditional GET is answered 304), a
//! gzip and a brotli copy made on first demand, and a Content-Security-Policy that
//! names its inline scripts by hash (a nonce must never be sent twice).
//!
//! Bound: the kept pages' uncompressed bytes stay under the budget (`PAGE_CACHE_MB`,
//! default 8 MB); their compressed copies are smaller than that again (about 0.4 of it
//! for HTML), so the cache holds at most about 1.5 times its budget. The least recently
//! used page goes first.

mod kept;

use app::db::Db;
use app::kernel::cache::{lock, DataVersion};
use app::routes::Page;
use axum::extract::Request;
use axum::http::{header, Method};
use axum::middleware::Next;
use axum::response::Response;
use kept::{Encoding, Kept};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// The default budget of uncompressed bytes.
pub const DEFAULT_BUDGET: usize = 8 << 20;

/// How often each process asks the database for the pages' version: about the longest a
/// change made elsewhere (another app server, the command line) waits to reach this
/// process's pages. A change this process answers reaches its next page at once.
const POLL: std::time::Duration = std::time::Duration::from_millis(100);

/// A version confirmed longer ago than this is not trusted (the database is slow or gone):
/// each page asks the database itself until the polling catches up.
const TRUSTED_FOR: std::time::Duration = std::time::Duration::from_secs(1);

/// A page larger than this is sent, not kept.
const MAX_PAGE: usize = 1 << 20;

/// Query parameters that carry a secret (a report's follow token) or a visitor's own
/// typed values (`kernel::form_flash`): a page with one is that visitor's alone.
const PERSONAL_PARAMETERS: [&str; 2] = ["follow", app::kernel::form_flash::PARAM];

#[derive(Clone, Debug, PartialEq, Eq)]
struct Generation {
    data: DataVersion,
    minute: i64,
}

/// The minute a page is rendered in (every time a page shows is minute-precise).
fn minute_now() -> i64 {
    chrono::Utc::now().timestamp().div_euclid(60)
}

/// The kept pages of one generation.
pub struct PageCache {
    state: Mutex<State>,
    /// The pages' version as this process knows it without asking (`follow`).
    known: Mutex<Option<DataVersion>>,
    /// Bumped by every write this process answers: the known version is trusted only
    /// when the database confirmed it since (`verified == epoch`), and not longer than
    /// `TRUSTED_FOR` after (`verified_at`, ms since `started`).
    epoch: AtomicU64,
    verified: AtomicU64,
    verified_at: AtomicU64,
    started: std::time::Instant,
    /// Dropped with the cache: ends its follower.
    _stop: tokio::sync::watch::Sender<()>,
    budget: usize,
    clock: AtomicU64,
    /// The pages being rendered for the cache now: a request for one of them waits for
    /// that render instead of rendering it again (64 renders of one page at once, when
    /// the minute or the data changes under load, put that page's p99 at 100 ms).
    rendering: Mutex<HashMap<String, tokio::sync::watch::Receiver<()>>>,
}

/// The render of a page for the cache; whoever waits for it is woken when it ends, in
/// whatever way (kept, not keepable, or its request gone).
struct Rendering<'a> {
    cache: &'a PageCache,
    key: String,
    _done: tokio::sync::watch::Sender<()>,
}

impl Drop for Rendering<'_> {
    fn drop(&mut self) {
        lock(&self.cache.rendering).remove(&self.key);
    }
}

#[derive(Default)]
struct State {
    generation: Option<Generation>,
    pages: HashMap<String, Arc<Kept>>,
    bytes: usize,
}

impl PageCache {
    /// A cache holding at most `budget` uncompressed bytes (0 keeps nothing).
    pub fn new(budget: usize) -> Self {
        PageCache {
            state: Mutex::new(State::default()),
            known: Mutex::new(None),
            epoch: AtomicU64::new(1),
            verified: AtomicU64::new(0),
            verified_at: AtomicU64::new(0),
            started: std::time::Instant::now(),
            _stop: tokio::sync::watch::channel(()).0,
            budget,
            clock: AtomicU64::new(0),
            rendering: Mutex::default(),
        }
    }

    /// The pages' version, when this process knows it for sure: the database confirmed
    /// it since this process's last write, and within `TRUSTED_FOR`.
    fn known(&self) -> Option<DataVersion> {
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
    async fn verify(&self, db: &Db) -> Option<DataVersion> {
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
    fn unverify(&self) {
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

    /// Follows the pages' version for as long as the cache lives: the database is asked
    /// every `POLL`. Not a live query: a SurrealDB server sends one notification per
    /// written row and closes the connection of a client with 100 of them unread, so one
    /// statement writing many rows (an import, a bulk correction) broke every query on
    /// the app's connection (seen over ws:// with a 258-row update).
    pub fn follow(self: &Arc<Self>, db: Db) {
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        let cache = Arc::downgrade(self);
        let mut stop = self._stop.subscribe();
        runtime.spawn(async move {
            let poll = async move {
                let mut every = tokio::time::interval(POLL);
                every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
                loop {
                    every.tick().await;
                    let Some(cache) = cache.upgrade() else { return };
                    // A failed read leaves the version untrusted after `TRUSTED_FOR`:
                    // then every page asks the database itself.
                    cache.verify(&db).await;
                }
            };
            tokio::select! {
                () = poll => {}
                _ = stop.changed() => {}
            }
        });
    }

    /// Either the right to render `key` (none is rendering it), or the wait for the
    /// render under way.
    fn render_or_wait(&self, key: &str) -> Result<Rendering<'_>, tokio::sync::watch::Receiver<()>> {
        let mut rendering = lock(&self.rendering);
        if let Some(waiting) = rendering.get(key) {
            return Err(waiting.clone());
        }
        let (done, waiting) = tokio::sync::watch::channel(());
        rendering.insert(key.to_owned(), waiting);
        Ok(Rendering {
            cache: self,
            key: key.to_owned(),
            _done: done,
        })
    }

    #[cfg(test)]
    fn get(&self, generation: &Generation, path: &str) -> Option<Arc<Kept>> {
        self.get_within(generation, path, None)
    }

    /// The page kept for this generation, made within `max_age` when given.
    fn get_within(
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
    fn insert(&self, generation: Generation, key: String, kept: Arc<Kept>) {
        let size = kept.identity.len();
        if size > MAX_PAGE || size > self.budget {
            return;
        }
        let mut state = lock(&self.state);
        if state.generation.as_ref() != Some(&generation) {
            if newer(state.generation.as_ref(), &generation) {
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
    pub fn size(&self) -> (usize, usize) {
        let state = lock(&self.state);
        (state.pages.len(), state.bytes)
    }
}

/// Whether `next` begins after `current`: another database (a test, a restore) or a
/// later version or minute. A request that read an older version or minute (it began
/// earlier) never throws away the newer pages.
fn newer(current: Option<&Generation>, next: &Generation) -> bool {
    match current {
        None => true,
        Some(current) if current.data.instance != next.data.instance => true,
        Some(current) => {
            next != current
                && next.data.version >= current.data.version
                && next.minute >= current.minute
        }
    }
}

/// A kept page's path and query, and how long it may be kept at most (within its
/// generation) when part of it follows no version.
type Key = (String, Option<std::time::Duration>);

/// The key of a request whose answer may be kept, if it may.
fn key_of(request: &Request) -> Option<Key> {
    if request.method() != Method::GET {
        return None;
    }
    let uri = request.uri();
    // A public page, or a path in a language that is no page (its 404 is the same for
    // everyone).
    let page = Page::from_path(uri.path());
    let public = match &page {
        Some((page, _)) => !page.is_private(),
        None => app::i18n::Lang::from_path(uri.path()).is_some(),
    };
    // The observatory's report counts follow no version (`db::version::UNFOLLOWED_TABLES`):
    // kept no longer than the counts themselves are.
    let max_age = matches!(page, Some((Page::Observatory, _)))
        .then_some(app::observatory::repo::REPORT_COUNTS_MAX_AGE);
    if !public || app::auth::guard::token_of(request.headers()).is_some() {
        return None;
    }
    let query = uri.query().unwrap_or("");
    let personal = form_urlencoded::parse(query.as_bytes())
        .any(|(key, _)| PERSONAL_PARAMETERS.contains(&key.as_ref()));
    (!personal).then(|| (format!("{}?{query}", uri.path()), max_age))
}

/// The middleware: answers a kept page, or renders it and keeps it.
pub async fn serve(
    cache: Arc<PageCache>,
    db: Db,
    tile_origin: Option<String>,
    request: Request,
    next: Next,
) -> Response {
    let key = (cache.budget > 0).then(|| key_of(&request)).flatten();
    let Some(key) = key else {
        let write = !matches!(*request.method(), Method::GET | Method::HEAD);
        let response = next.run(request).await;
        if write {
            // It may have changed what pages show: the next page asks the database
            // itself rather than wait for the change's notice.
            cache.unverify();
        }
        return response;
    };
    let data = match cache.known() {
        Some(data) => data,
        None => match cache.verify(&db).await {
            Some(data) => data,
            None => return next.run(request).await,
        },
    };
    let generation = Generation {
        data,
        minute: minute_now(),
    };
    let encoding = Encoding::preferred(request.headers());
    let if_none_match = request.headers().get(header::IF_NONE_MATCH).cloned();
    let (path, max_age) = key;
    if let Some(kept) = cache.get_within(&generation, &path, max_age) {
        return kept.answer(encoding, if_none_match.as_ref());
    }
    let rendering = match cache.render_or_wait(&path) {
        Ok(rendering) => Some(rendering),
        Err(mut waiting) => {
            // A page past its age (the observatory) whose render is under way: the kept
            // one is sent meanwhile, rather than every request waiting for the render.
            if max_age.is_some() {
                if let Some(kept) = cache.get_within(&generation, &path, None) {
                    return kept.answer(encoding, if_none_match.as_ref());
                }
            }
            // Ends when the render does (its sender is dropped).
            while waiting.changed().await.is_ok() {}
            if let Some(kept) = cache.get_within(&generation, &path, max_age) {
                return kept.answer(encoding, if_none_match.as_ref());
            }
            // Not kept (not the same for everyone, or another generation): render.
            None
        }
    };
    app::kernel::metrics::page_cache(false);
    let response = next.run(request).await;
    match Kept::of(response, tile_origin.as_deref()).await {
        Ok(kept) => {
            let kept = Arc::new(kept);
            // Rendered across a minute's end: right for the minute it began in only.
            if minute_now() == generation.minute {
                cache.insert(generation, path, kept.clone());
            }
            drop(rendering);
            kept.answer(encoding, if_none_match.as_ref())
        }
        Err(response) => response,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::{Body, Bytes};
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
        let cache = PageCache::new(1 << 20);
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
        let cache = PageCache::new(10_000);
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
        let cache = PageCache::new(1 << 20);
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

    #[tokio::test]
    async fn one_render_per_page_at_a_time_and_its_waiters_are_woken_when_it_ends() {
        let cache = PageCache::new(1 << 20);
        let Ok(first) = cache.render_or_wait("/nl?") else {
            panic!("the first renders")
        };
        let Err(mut waiting) = cache.render_or_wait("/nl?") else {
            panic!("the second waits")
        };
        assert!(
            cache.render_or_wait("/fr?").is_ok(),
            "another page is not held up"
        );
        let woken = tokio::spawn(async move { while waiting.changed().await.is_ok() {} });
        drop(first);
        tokio::time::timeout(std::time::Duration::from_secs(5), woken)
            .await
            .expect("woken")
            .unwrap();
        assert!(cache.render_or_wait("/nl?").is_ok(), "free again");
    }

    #[test]
    fn the_known_version_is_trusted_only_when_confirmed_since_the_last_write_and_lately() {
        let cache = PageCache::new(1 << 20);
        let v = |version| DataVersion {
            instance: "db".into(),
            version,
        };
        cache.saw(v(3));
        assert_eq!(cache.known(), None, "not confirmed yet");
        let confirm = |at: u64| {
            cache
                .verified
                .store(cache.epoch.load(Ordering::Acquire), Ordering::Release);
            cache.verified_at.store(at, Ordering::Release);
        };
        confirm(cache.millis());
        assert_eq!(cache.known(), Some(v(3)));
        cache.saw(v(2));
        assert_eq!(cache.known(), Some(v(3)), "an older read changes nothing");
        cache.unverify();
        assert_eq!(
            cache.known(),
            None,
            "a write was answered: ask the database"
        );
        std::thread::sleep(TRUSTED_FOR + std::time::Duration::from_millis(20));
        confirm(0);
        assert_eq!(
            cache.known(),
            None,
            "confirmed too long ago: ask the database"
        );
        confirm(cache.millis());
        assert_eq!(cache.known(), Some(v(3)));
    }

    #[test]
    fn only_public_pages_without_a_session_or_a_personal_parameter_are_kept() {
        let request = |uri: &str, cookie: Option<&str>| {
            let mut builder = Request::builder().uri(uri);
            if let Some(cookie) = cookie {
                builder = builder.header(header::COOKIE, cookie);
            }
            builder.body(Body::empty()).unwrap()
        };
        assert_eq!(
            key_of(&request("/nl/diensten?q=gare", None)),
            Some(("/nl/diensten?q=gare".to_owned(), None))
        );
        let observatory = key_of(&request("/fr/observatoire", None)).unwrap();
        assert_eq!(
            observatory.1,
            Some(app::observatory::repo::REPORT_COUNTS_MAX_AGE)
        );
        assert!(key_of(&request("/nl", Some("lang=nl"))).is_some());
        assert!(key_of(&request("/nl", Some("lang=nl; staff_session=abc"))).is_none());
        assert!(key_of(&request("/nl/melden?sent=1&follow=abc", None)).is_none());
        assert!(key_of(&request("/nl/melden?form=abc", None)).is_none());
        assert!(key_of(&request("/nl/beheer", None)).is_none());
        assert!(key_of(&request("/api/v1/services", None)).is_none());
        assert!(key_of(&request("/pkg/app.js", None)).is_none());
        assert!(
            key_of(&request("/nl/bestaat-niet", None)).is_some(),
            "a 404 page"
        );
        let post = Request::builder()
            .method(Method::POST)
            .uri("/nl")
            .body(Body::empty())
            .unwrap();
        assert!(key_of(&post).is_none());
    }
}

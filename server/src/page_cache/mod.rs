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
mod renders;
mod store;
mod version;

use app::db::Db;
use app::routes::Page;
use axum::extract::Request;
use axum::http::{header, Method};
use axum::middleware::Next;
use axum::response::Response;
use kept::{Encoding, Kept};
use renders::Renders;
use std::sync::Arc;
use store::{minute_now, Generation, Store};
use version::Version;

/// The default budget of uncompressed bytes.
pub const DEFAULT_BUDGET: usize = 8 << 20;

/// Query parameters that carry a secret (a report's follow token) or a visitor's own
/// typed values (`kernel::form_flash`): a page with one is that visitor's alone.
const PERSONAL_PARAMETERS: [&str; 2] = ["follow", app::kernel::form_flash::PARAM];

/// The public pages' response cache: the pages kept, the version they follow, and the
/// renders under way.
pub struct PageCache {
    pages: Store,
    version: Arc<Version>,
    renders: Renders,
}

impl PageCache {
    /// A cache holding at most `budget` uncompressed bytes (0 keeps nothing).
    pub fn new(budget: usize) -> Self {
        PageCache {
            pages: Store::new(budget),
            version: Arc::new(Version::new()),
            renders: Renders::default(),
        }
    }

    /// Follows the pages' version in the database for as long as the cache lives
    /// (`version::POLL`).
    pub fn follow(&self, db: Db) {
        self.version.follow(db);
    }

    /// How many pages and uncompressed bytes it holds.
    pub fn size(&self) -> (usize, usize) {
        self.pages.size()
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
    let key = cache.pages.keeps().then(|| key_of(&request)).flatten();
    let Some(key) = key else {
        let write = !matches!(*request.method(), Method::GET | Method::HEAD);
        let response = next.run(request).await;
        if write {
            // It may have changed what pages show: the next page asks the database
            // itself rather than wait for the change's notice.
            cache.version.unverify();
        }
        return response;
    };
    let data = match cache.version.known() {
        Some(data) => data,
        None => match cache.version.verify(&db).await {
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
    if let Some(kept) = cache.pages.get_within(&generation, &path, max_age) {
        return kept.answer(encoding, if_none_match.as_ref());
    }
    let rendering = match cache.renders.render_or_wait(&path) {
        Ok(rendering) => Some(rendering),
        Err(mut waiting) => {
            // A page past its age (the observatory) whose render is under way: the kept
            // one is sent meanwhile, rather than every request waiting for the render.
            if max_age.is_some() {
                if let Some(kept) = cache.pages.get_within(&generation, &path, None) {
                    return kept.answer(encoding, if_none_match.as_ref());
                }
            }
            // Ends when the render does (its sender is dropped).
            while waiting.changed().await.is_ok() {}
            if let Some(kept) = cache.pages.get_within(&generation, &path, max_age) {
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
                cache.pages.insert(generation, path, kept.clone());
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
    use axum::body::Body;

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

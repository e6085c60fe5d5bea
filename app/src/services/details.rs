//! Service details, read from the database once per data version (server only).
//!
//! A detail page is one record plus its category's and municipality's names: cheap, but
//! the most requested page after the home page, and an id that is not a published
//! service is known from the search copy without asking the database at all.

use super::repo;
use super::snapshot;
use super::{ServiceDetail, ServiceRecord};
use crate::db::Db;
use crate::error::AppError;
use chrono::DateTime;
use chrono_tz::Tz;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

/// Details kept per database at most; past it the cache starts again empty.
const MAX_CACHED: usize = 10_000;

/// Per database instance: the data version and the details read at that version.
type Cache = HashMap<String, (i64, HashMap<String, Arc<ServiceRecord>>)>;
static CACHE: LazyLock<Mutex<Cache>> = LazyLock::new(Default::default);

fn cache() -> std::sync::MutexGuard<'static, Cache> {
    CACHE.lock().unwrap_or_else(|e| e.into_inner())
}

/// The published service with this id, its opening hours evaluated at `now`.
pub async fn detail(db: &Db, id: &str, now: DateTime<Tz>) -> Result<ServiceDetail, AppError> {
    let ((instance, version), copy) = snapshot::current(db).await?;
    if !copy.contains(id) {
        return Err(AppError::NotFound);
    }
    let cached = cache()
        .get(&instance)
        .filter(|(v, _)| *v == version)
        .and_then(|(_, rows)| rows.get(id).cloned());
    let row = match cached {
        Some(row) => row,
        None => {
            let row = Arc::new(repo::record(db, id).await?.ok_or(AppError::NotFound)?);
            let mut cache = cache();
            let entry = cache
                .entry(instance)
                .or_insert_with(|| (version, HashMap::new()));
            if entry.0 != version || entry.1.len() >= MAX_CACHED {
                *entry = (version, HashMap::new());
            }
            entry.1.insert(id.to_owned(), row.clone());
            row
        }
    };
    Ok(row.at(now))
}

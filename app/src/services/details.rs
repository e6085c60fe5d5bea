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
use crate::kernel::cache::VersionedCache;
use chrono::DateTime;
use chrono_tz::Tz;
use std::sync::{Arc, LazyLock};

/// Details kept at most (over every database); past it the least used go.
const MAX_CACHED: usize = 10_000;

static DETAILS: LazyLock<VersionedCache<String, Arc<ServiceRecord>>> =
    LazyLock::new(|| VersionedCache::new("service-details", MAX_CACHED));

/// The published service with this id, its opening hours evaluated at `now`.
pub async fn detail(db: &Db, id: &str, now: DateTime<Tz>) -> Result<ServiceDetail, AppError> {
    let (at, copy) = snapshot::current(db).await?;
    if !copy.contains(id) {
        return Err(AppError::NotFound);
    }
    let (db, wanted) = (db.clone(), id.to_owned());
    let row = DETAILS
        .get_or_make(&at, id.to_owned(), async move {
            Ok(Arc::new(
                repo::record(&db, &wanted)
                    .await?
                    .ok_or(AppError::NotFound)?,
            ))
        })
        .await?;
    Ok(row.at(now))
}

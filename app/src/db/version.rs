//! The data version (server only): the one owner of "which database, and how many
//! changes has it seen", which every read model (the search copy, the directory, the
//! service details, the clusters, the observatory's counts) follows.
//!
//! The record `meta:search { instance, version }` (migration 0004) is bumped by database
//! events on every table a read model shows (migrations 0004, 0006, 0007, 0009); a
//! service's change also logs which service changed (`search_change`, migration 0007), so
//! that the search copy can apply it alone.

use super::Db;
use crate::error::AppError;
use crate::kernel::cache::DataVersion;
use serde::Deserialize;

/// The database's instance and version now (one small query).
pub async fn current(db: &Db) -> Result<DataVersion, AppError> {
    let mut response = db
        .query("SELECT instance, version FROM ONLY meta:search")
        .await?;
    #[derive(Deserialize)]
    struct Row {
        instance: String,
        version: i64,
    }
    let row: Option<serde_json::Value> = response.take(0)?;
    let row: Row = serde_json::from_value(row.ok_or(AppError::NotFound)?)?;
    Ok(DataVersion {
        instance: row.instance.into(),
        version: row.version,
    })
}

/// The ids of the services written between two versions, or `None` when a version in
/// between was not a service's (then a read model must be made again).
pub async fn changed_services(
    db: &Db,
    from: i64,
    to: i64,
) -> Result<Option<Vec<String>>, AppError> {
    // Direct lookups by key: a scan of the log would cost more than the change.
    let versions: Vec<i64> = (from + 1..=to).collect();
    let mut response = db
        .query("SELECT VALUE service FROM $versions.map(|$v| type::record('search_change', $v))")
        .bind(("versions", versions))
        .await?;
    let mut ids: Vec<String> = response.take(0)?;
    if ids.len() as i64 != to - from {
        return Ok(None);
    }
    ids.sort_unstable();
    ids.dedup();
    Ok(Some(ids))
}

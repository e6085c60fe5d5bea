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
    read(db, "SELECT instance, version FROM ONLY meta:search").await
}

/// The version of everything a public page shows (`meta:pages`, migration 0019): bumped
/// by every write to a table of `PAGE_TABLES`. The page cache keys on it.
pub async fn pages(db: &Db) -> Result<DataVersion, AppError> {
    read(db, "SELECT instance, version FROM ONLY meta:pages").await
}

/// One `meta` record's instance and version.
async fn read(db: &Db, sql: &'static str) -> Result<DataVersion, AppError> {
    #[derive(Deserialize)]
    struct Row {
        instance: String,
        version: i64,
    }
    let row: Option<serde_json::Value> = db.query(sql).await?.take(0)?;
    let row: Row = serde_json::from_value(row.ok_or(AppError::NotFound)?)?;
    Ok(DataVersion {
        instance: row.instance.into(),
        version: row.version,
    })
}

/// The tables a public page may show: a write to any of them bumps `meta:pages`.
pub const PAGE_TABLES: [&str; 18] = [
    "call",
    "category",
    "cluster",
    "cluster_interest",
    "contact",
    "event",
    "idea",
    "map_layer",
    "member_of",
    "municipality",
    "neighbour",
    "organization",
    "practice",
    "project",
    "registration",
    "seats",
    "service",
    "user",
];

/// The tables whose writes do not bump the pages' version: no public page shows them
/// (bookkeeping, secrets, the staff's own records), or, for `report`, the one page that
/// shows them (the observatory's counts) is kept at most as long as the counts are
/// (`observatory::repo::REPORT_COUNTS_MAX_AGE`): posted at any rate, reports would
/// otherwise conflict with every longer write on `meta:pages`.
pub const UNFOLLOWED_TABLES: [&str; 13] = [
    "audit",
    "digest",
    "form_flash",
    "mail",
    "meta",
    "migration",
    "password_reset",
    "pending_import",
    "personal_link",
    "rate_limit",
    "report",
    "search_change",
    "session",
];

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

#[cfg(test)]
mod tests {
    use super::{PAGE_TABLES, UNFOLLOWED_TABLES};
    use crate::db::migrations::MIGRATIONS;

    /// A new table must be placed: shown by a public page (then its writes bump the
    /// pages' version, or the page cache would serve what it no longer holds) or private.
    #[test]
    fn every_table_is_either_a_page_table_with_its_event_or_unfollowed() {
        let sql: String = MIGRATIONS
            .iter()
            .map(|m| m.sql)
            .collect::<Vec<_>>()
            .join("\n");
        let mut tables: Vec<&str> = sql
            .lines()
            .filter_map(|line| line.trim().strip_prefix("DEFINE TABLE "))
            .filter_map(|rest| {
                rest.trim_start_matches("IF NOT EXISTS ")
                    .trim_start_matches("OVERWRITE ")
                    .split([' ', ';'])
                    .next()
            })
            .collect();
        tables.sort_unstable();
        tables.dedup();
        assert!(tables.len() > 20, "{tables:?}");
        for table in &tables {
            let page = PAGE_TABLES.contains(table);
            assert!(
                page != UNFOLLOWED_TABLES.contains(table),
                "table {table}: place it in exactly one of PAGE_TABLES and UNFOLLOWED_TABLES"
            );
            if page {
                let event = format!(
                    "DEFINE EVENT pages_version_{table} ON {table} THEN (UPDATE meta:pages SET version += 1);"
                );
                assert!(sql.contains(&event), "no page version event on {table}");
            }
        }
        for table in PAGE_TABLES.iter().chain(&UNFOLLOWED_TABLES) {
            assert!(
                tables.contains(table) || *table == "migration",
                "{table} is no table"
            );
        }
    }
}

//! The observatory's table (from the directory's coverage) and report counts (server only).

use super::*;
use crate::db::{rows, Db};
use crate::kernel::cache::VersionedCache;
use crate::municipalities::directory::{self, Directory};
use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock};
use std::time::Duration;

/// Report counts are a summary: the observatory may show them this old instead of
/// counting every report on every request (measured: half the page's time). Reports do
/// not bump the data version (a report would then make every read model again).
pub const REPORT_COUNTS_MAX_AGE: Duration = Duration::from_secs(10);

static REPORT_COUNTS: LazyLock<VersionedCache<(), ReportCounts>> = LazyLock::new(|| {
    VersionedCache::new("observatory-report-counts", 16).expiring(REPORT_COUNTS_MAX_AGE)
});

/// The category shown when none is asked for.
pub const DEFAULT_CATEGORY: &str = "town_hall";

pub async fn observatory(db: &Db, query: &ObservatoryQuery) -> Result<Observatory, AppError> {
    let (sort, beyond) = query.validate()?;
    let directory = directory::current(db).await?;
    let wanted = match query.category.as_str() {
        "" => DEFAULT_CATEGORY,
        code => code,
    };
    let category = directory
        .categories
        .iter()
        .find(|c| c.code == wanted)
        .or_else(|| {
            query
                .category
                .is_empty()
                .then(|| directory.categories.first())?
        })
        .cloned()
        .ok_or_else(|| AppError::BadRequest("category".into()))?;
    let rows = table(&directory, &category.code, sort, beyond);
    let reports = recent_report_counts(db, &directory).await?;
    Ok(Observatory {
        cache_key: directory.key_for(&(&category.code, sort, beyond, &reports)),
        categories: directory.categories.clone(),
        category,
        sort,
        beyond,
        rows,
        reports,
    })
}

/// Every municipality's coverage of a category, filtered and sorted.
pub fn table(
    directory: &Directory,
    category: &str,
    sort: ObservatorySort,
    beyond: Option<u32>,
) -> Vec<ObservatoryRow> {
    let mut rows: Vec<ObservatoryRow> = directory
        .profiles()
        .filter_map(|p| {
            let coverage = p.coverage.iter().find(|c| c.category == category)?;
            Some(ObservatoryRow {
                code: p.detail.code.clone(),
                country: p.detail.country,
                name: p.detail.name.clone(),
                population: p.detail.population,
                coverage: coverage.clone(),
            })
        })
        .filter(|row| beyond.is_none_or(|km| row.nearest_km().is_none_or(|d| d > f64::from(km))))
        .collect();
    // Missing values sort last, whatever the direction; ties by code for a stable order.
    let by = |a: Option<f64>, b: Option<f64>, descending: bool| match (a, b) {
        (Some(a), Some(b)) if descending => b.total_cmp(&a),
        (Some(a), Some(b)) => a.total_cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    rows.sort_by(|a, b| {
        let order = match sort {
            // Most km saved by crossing first, then the least served.
            ObservatorySort::Gain => by(a.coverage.gain_km(), b.coverage.gain_km(), true)
                .then_with(|| by(a.nearest_km(), b.nearest_km(), true)),
            ObservatorySort::Nearest => by(a.nearest_km(), b.nearest_km(), false),
            ObservatorySort::Own => by(a.own_km(), b.own_km(), false),
            ObservatorySort::Other => by(a.other_km(), b.other_km(), false),
            ObservatorySort::Name => a.name.fr.cmp(&b.name.fr),
        };
        order.then_with(|| a.code.cmp(&b.code))
    });
    rows
}

/// The report counts, counted at most `REPORT_COUNTS_MAX_AGE` ago.
async fn recent_report_counts(
    db: &Db,
    directory: &Arc<Directory>,
) -> Result<ReportCounts, AppError> {
    let (db, counted_for) = (db.clone(), directory.clone());
    REPORT_COUNTS
        .get_or_make(&directory.at, (), async move {
            report_counts(&db, &counted_for).await
        })
        .await
}

#[derive(Deserialize)]
struct ReportRow {
    kind: String,
    status: String,
    code: Option<String>,
}

/// Reports counted by municipality (through their service), kind and status.
async fn report_counts(db: &Db, directory: &Directory) -> Result<ReportCounts, AppError> {
    let mut response = db
        .query("SELECT kind, status, service.municipality.code AS code FROM report")
        .await?;
    let reports: Vec<ReportRow> = rows(&mut response, 0)?;
    let mut by_municipality: HashMap<String, usize> = HashMap::new();
    let mut by_kind: HashMap<String, usize> = HashMap::new();
    let mut by_status: HashMap<String, usize> = HashMap::new();
    for r in &reports {
        if let Some(code) = &r.code {
            *by_municipality.entry(code.clone()).or_default() += 1;
        }
        *by_kind.entry(r.kind.clone()).or_default() += 1;
        *by_status.entry(r.status.clone()).or_default() += 1;
    }
    let sorted = |map: HashMap<String, usize>| {
        let mut list: Vec<(String, usize)> = map.into_iter().collect();
        list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        list
    };
    Ok(ReportCounts {
        total: reports.len(),
        by_municipality: sorted(by_municipality)
            .into_iter()
            .filter_map(|(code, n)| {
                let name = directory.profile(&code)?.detail.name.clone();
                Some((code, name, n))
            })
            .collect(),
        by_kind: sorted(by_kind),
        by_status: sorted(by_status),
    })
}

//! The observatory of cross-border coverage: for a category, each municipality's nearest
//! service on its own side and on the other (`services::coverage`), the km crossing the
//! border saves, and residents' reports counted.

mod page;
#[cfg(feature = "ssr")]
pub mod repo;

pub use page::ObservatoryPage;

use crate::error::AppError;
use crate::i18n::Localized;
use crate::kernel::geo::Country;
use crate::services::coverage::{CategoryCoverage, CategoryOption};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Largest radius the "none within N km" filter accepts.
pub const MAX_WITHIN_KM: u32 = 200;

/// One municipality in the observatory's table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ObservatoryRow {
    pub code: String,
    pub country: Country,
    pub name: Localized,
    pub population: Option<i64>,
    pub coverage: CategoryCoverage,
}

impl ObservatoryRow {
    pub fn own_km(&self) -> Option<f64> {
        self.coverage
            .own_side
            .nearest
            .as_ref()
            .map(|n| n.distance_km)
    }
    pub fn other_km(&self) -> Option<f64> {
        self.coverage
            .other_side
            .nearest
            .as_ref()
            .map(|n| n.distance_km)
    }
    pub fn nearest_km(&self) -> Option<f64> {
        self.coverage.nearest().map(|n| n.distance_km)
    }
}

crate::closed_set! {
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub enum ObservatorySort {
        #[default]
        Gain = "gain",
        Nearest = "nearest",
        Own = "own",
        Other = "other",
        Name = "name",
    }
}

/// "By the km crossing saves", …
pub const SORT_MESSAGES: crate::i18n::MessageSet =
    crate::i18n::MessageSet::new("observatory-sort-", || {
        ObservatorySort::ALL.map(ObservatorySort::code).to_vec()
    });

crate::url_query! {
    /// The observatory's query string, as typed.
    pub struct ObservatoryQuery {
        category,
        sort,
        /// Keep only municipalities with no such service within this many km (either side).
        beyond,
    }
}

impl ObservatoryQuery {
    /// The checked sort and radius (the category is checked against the inventory).
    pub fn validate(&self) -> Result<(ObservatorySort, Option<u32>), AppError> {
        let sort = match self.sort.as_str() {
            "" => ObservatorySort::default(),
            code => ObservatorySort::from_code(code)
                .ok_or_else(|| AppError::BadRequest("order".into()))?,
        };
        let beyond = match self.beyond.trim() {
            "" => None,
            text => Some(
                text.parse::<u32>()
                    .ok()
                    .filter(|km| (1..=MAX_WITHIN_KM).contains(km))
                    .ok_or_else(|| AppError::BadRequest("beyond".into()))?,
            ),
        };
        Ok((sort, beyond))
    }
}

/// Residents' reports counted, never listed: no text, no e-mail.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportCounts {
    pub total: usize,
    /// (municipality code, its name, count), most first.
    pub by_municipality: Vec<(String, Localized, usize)>,
    /// (kind, count) and (status, count).
    pub by_kind: Vec<(String, usize)>,
    pub by_status: Vec<(String, usize)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Observatory {
    pub categories: Vec<CategoryOption>,
    /// The chosen category.
    pub category: CategoryOption,
    pub sort: ObservatorySort,
    pub beyond: Option<u32>,
    pub rows: Vec<ObservatoryRow>,
    pub reports: ReportCounts,
    /// Determines the rendered report (data version, query, report counts).
    pub cache_key: Option<u128>,
}

#[server]
pub async fn load_observatory(query: ObservatoryQuery) -> Result<Observatory, AppError> {
    crate::components::with_status(repo::observatory(&crate::db::use_db()?, &query).await)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::MaybeLocalized;
    use crate::services::coverage::{NearestService, Side};

    fn side(km: Option<f64>) -> Side {
        Side {
            in_inventory: 1,
            unplaced: 0,
            nearest: km.map(|distance_km| NearestService {
                id: "x".into(),
                name: MaybeLocalized::default(),
                municipality_code: "00000".into(),
                country: Country::Be,
                distance_km,
            }),
        }
    }

    fn coverage(own: Option<f64>, other: Option<f64>) -> CategoryCoverage {
        CategoryCoverage {
            category: "town_hall".into(),
            label: Localized::default(),
            here: 0,
            here_uncertain: 0,
            own_side: side(own),
            other_side: side(other),
        }
    }

    #[test]
    fn crossing_gains_only_when_the_other_side_is_nearer() {
        assert_eq!(coverage(Some(9.0), Some(2.5)).gain_km(), Some(6.5));
        assert_eq!(coverage(Some(2.0), Some(2.5)).gain_km(), None);
        assert_eq!(coverage(None, Some(2.5)).gain_km(), None);
        assert_eq!(
            coverage(None, Some(2.5)).nearest().map(|n| n.distance_km),
            Some(2.5)
        );
        assert_eq!(
            coverage(Some(1.0), Some(2.5))
                .nearest()
                .map(|n| n.distance_km),
            Some(1.0)
        );
    }

    #[test]
    fn queries_are_checked() {
        let query = |sort: &str, beyond: &str| ObservatoryQuery {
            category: String::new(),
            sort: sort.into(),
            beyond: beyond.into(),
        };
        assert_eq!(query("", "").validate(), Ok((ObservatorySort::Gain, None)));
        assert_eq!(
            query("own", "15").validate(),
            Ok((ObservatorySort::Own, Some(15)))
        );
        assert!(query("size", "").validate().is_err());
        assert!(query("", "0").validate().is_err());
        assert!(query("", "-3").validate().is_err());
        assert!(query("", "201").validate().is_err());
    }
}

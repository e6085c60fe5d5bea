//! Cross-border service coverage: for each municipality and category, the nearest
//! service on its own side and on the other side (what crossing the border gains).
//! Computed from the live inventory (`coverage`), shown on the profile, the compare page,
//! the partner finder and the observatory page.

#[cfg(feature = "ssr")]
pub mod coverage;
mod page;
#[cfg(feature = "ssr")]
pub mod repo;

pub use page::ObservatoryPage;

use crate::error::AppError;
use crate::i18n::{Localized, MaybeLocalized};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A service's `location_check` when the municipality it is filed under may be wrong.
pub const MUNICIPALITY_UNCERTAIN: &str = "municipality_uncertain";
/// A service's `location_check` when its point lies outside its own municipality.
pub const POINT_OUTSIDE_MUNICIPALITY: &str = "point_outside_municipality";

/// Largest radius the "none within N km" filter accepts.
pub const MAX_WITHIN_KM: u32 = 200;

/// The nearest service of a category from a municipality's reference point.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NearestService {
    pub id: String,
    pub name: MaybeLocalized,
    pub municipality_code: String,
    pub country: String,
    pub distance_km: f64,
}

/// One side of the border for one category.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Side {
    /// Services of the category on this side in the whole inventory.
    pub in_inventory: usize,
    /// Of those, without a position that can be trusted (no coordinates, or a point
    /// outside their own municipality): left out of every distance.
    pub unplaced: usize,
    pub nearest: Option<NearestService>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CategoryCoverage {
    pub category: String,
    pub label: Localized,
    /// Services of the category filed under this municipality with certainty.
    pub here: usize,
    /// Filed here, but possibly in a municipality outside the region (Belgian stations
    /// filed by canton): not counted in `here`.
    pub here_uncertain: usize,
    pub own_side: Side,
    pub other_side: Side,
}

impl CategoryCoverage {
    /// The nearest on either side.
    pub fn nearest(&self) -> Option<&NearestService> {
        match (&self.own_side.nearest, &self.other_side.nearest) {
            (Some(own), Some(other)) if other.distance_km < own.distance_km => Some(other),
            (Some(own), _) => Some(own),
            (None, other) => other.as_ref(),
        }
    }

    /// How many km crossing the border saves, when the other side's is nearer and the
    /// own side has one to compare with.
    pub fn gain_km(&self) -> Option<f64> {
        let own = self.own_side.nearest.as_ref()?.distance_km;
        let other = self.other_side.nearest.as_ref()?.distance_km;
        (other < own).then_some(own - other)
    }
}

/// A category that can be observed, with what the inventory holds on each side.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CategoryOption {
    pub code: String,
    pub label: Localized,
    pub be: usize,
    pub fr: usize,
}

/// One municipality in the observatory's table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ObservatoryRow {
    pub code: String,
    pub country: String,
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

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ObservatorySort {
    #[default]
    Gain,
    Nearest,
    Own,
    Other,
    Name,
}

impl ObservatorySort {
    pub const ALL: [ObservatorySort; 5] = [
        ObservatorySort::Gain,
        ObservatorySort::Nearest,
        ObservatorySort::Own,
        ObservatorySort::Other,
        ObservatorySort::Name,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ObservatorySort::Gain => "gain",
            ObservatorySort::Nearest => "nearest",
            ObservatorySort::Own => "own",
            ObservatorySort::Other => "other",
            ObservatorySort::Name => "name",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// The observatory's query string, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObservatoryQuery {
    pub category: String,
    pub sort: String,
    /// Keep only municipalities with no such service within this many km (either side).
    pub beyond: String,
}

impl ObservatoryQuery {
    pub const KEYS: [&'static str; 3] = ["category", "sort", "beyond"];

    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut query = Self::default();
        for (key, value) in pairs {
            match key {
                "category" => query.category = value.to_owned(),
                "sort" => query.sort = value.to_owned(),
                "beyond" => query.beyond = value.to_owned(),
                _ => {}
            }
        }
        query
    }

    pub fn pairs(&self) -> [(&'static str, &str); 3] {
        [
            ("category", self.category.as_str()),
            ("sort", self.sort.as_str()),
            ("beyond", self.beyond.as_str()),
        ]
    }

    /// The checked sort and radius (the category is checked against the inventory).
    pub fn validate(&self) -> Result<(ObservatorySort, Option<u32>), AppError> {
        let sort = match self.sort.as_str() {
            "" => ObservatorySort::default(),
            code => {
                ObservatorySort::parse(code).ok_or_else(|| AppError::BadRequest("order".into()))?
            }
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

    fn side(km: Option<f64>) -> Side {
        Side {
            in_inventory: 1,
            unplaced: 0,
            nearest: km.map(|distance_km| NearestService {
                id: "x".into(),
                name: MaybeLocalized::default(),
                municipality_code: "00000".into(),
                country: "BE".into(),
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

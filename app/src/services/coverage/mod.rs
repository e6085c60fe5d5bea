//! Cross-border service coverage: for each municipality and category, the nearest
//! service on its own side and on the other side (what crossing the border gains).
//! Computed from the search copy of the inventory (`compute`, server only), shown on
//! the profile, the compare page, the partner finder and the observatory.

#[cfg(feature = "ssr")]
pub mod compute;

use crate::i18n::{Localized, MaybeLocalized};
use crate::kernel::geo::Country;
use serde::{Deserialize, Serialize};

/// A service's `location_check` when the municipality it is filed under may be wrong.
pub const MUNICIPALITY_UNCERTAIN: &str = "municipality_uncertain";
/// A service's `location_check` when its point lies outside its own municipality.
pub const POINT_OUTSIDE_MUNICIPALITY: &str = "point_outside_municipality";

/// The nearest service of a category from a municipality's reference point.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NearestService {
    pub id: String,
    pub name: MaybeLocalized,
    pub municipality_code: String,
    pub country: Country,
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
